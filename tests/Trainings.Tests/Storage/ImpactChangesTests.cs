using CapacityHub.Trainings.Storage;

namespace CapacityHub.Trainings.Tests.Storage;

/// <summary>The change signal: wakes watchers of the changed programme only, once per burst, until disposed.</summary>
public sealed class ImpactChangesTests
{
    private const string Watched = "programmes/ajccbc";
    private readonly ImpactChanges _changes = new();

    [Fact]
    public async Task ChangeOfAWatchedProgrammeWakesTheWatcher()
    {
        using var watch = _changes.Watch(new HashSet<string> { Watched });
        var waiting = watch.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        _changes.Notify(Watched);

        await waiting;
    }

    [Fact]
    public void ChangesOfOtherProgrammesDoNotWakeIt()
    {
        using var watch = _changes.Watch(new HashSet<string> { Watched });

        _changes.Notify("programmes/other");

        Assert.False(watch.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task ABurstWhileTheWatcherIsBusyIsOneWakeUp()
    {
        using var watch = _changes.Watch(new HashSet<string> { Watched });

        for (var i = 0; i < 100; i++)
        {
            _changes.Notify(Watched);
        }

        await watch.WaitAsync(CancellationToken.None);
        var next = watch.WaitAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);

        _changes.Notify(Watched);
        await next;
    }

    [Fact]
    public async Task CancellationEndsTheWaitAndDisposeUnsubscribes()
    {
        var watch = _changes.Watch(new HashSet<string> { Watched });
        using var cancel = new CancellationTokenSource();
        var waiting = watch.WaitAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, _changes.WatcherCount);
        watch.Dispose();
        Assert.Equal(0, _changes.WatcherCount);
    }
}
