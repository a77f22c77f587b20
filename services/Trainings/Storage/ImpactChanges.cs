using System.Threading.Channels;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// In-process signal that impact cells of a programme changed, raised after the write commits. Watchers
/// learn only "something you watch changed since you last looked": any number of changes while a watcher
/// is busy collapse into one wake-up, and it then reads the latest state.
/// </summary>
public sealed class ImpactChanges
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];

    /// <summary>Call after the commit (never inside the transaction: it may still roll back).</summary>
    public void Notify(string programmeId)
    {
        Subscription[] interested;
        lock (_gate)
        {
            interested = [.. _subscriptions.Where(s => s.Programmes.Contains(programmeId))];
        }

        foreach (var subscription in interested)
        {
            subscription.Pending.Writer.TryWrite(true);
        }
    }

    /// <summary>Starts listening for changes of <paramref name="programmeIds"/>; dispose to stop.</summary>
    public ImpactWatch Watch(IReadOnlySet<string> programmeIds)
    {
        var subscription = new Subscription(programmeIds);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return new ImpactWatch(subscription.Pending.Reader, () =>
        {
            lock (_gate)
            {
                _subscriptions.Remove(subscription);
            }
        });
    }

    /// <summary>How many watchers are registered (for tests and diagnostics).</summary>
    public int WatcherCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    private sealed class Subscription(IReadOnlySet<string> programmes)
    {
        public IReadOnlySet<string> Programmes { get; } = programmes;

        // Capacity one: a pending change absorbs every further one until the watcher takes it.
        public Channel<bool> Pending { get; } = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }
}

/// <summary>One watcher's view of <see cref="ImpactChanges"/>.</summary>
public sealed class ImpactWatch(ChannelReader<bool> pending, Action unsubscribe) : IDisposable
{
    /// <summary>Completes when a watched programme changed since the last call returned (at once if it already has).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await pending.ReadAsync(cancellationToken);

    public void Dispose() => unsubscribe();
}
