using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>A WatchImpactMetrics stream read message by message until the metrics show what a step should change.</summary>
internal sealed class ImpactWatch(AsyncServerStreamingCall<ImpactMetrics> call) : IDisposable
{
    public int Received { get; private set; }

    public async Task<ImpactMetrics> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "the watch ended instead of sending metrics");
        Received++;
        return call.ResponseStream.Current;
    }

    /// <summary>Reads until <paramref name="shows"/> holds; updates may be coalesced, so several changes can arrive as one message.</summary>
    public async Task<ImpactMetrics> UntilAsync(Func<ImpactMetrics, bool> shows)
    {
        while (true)
        {
            var metrics = await NextAsync();
            if (shows(metrics))
            {
                return metrics;
            }
        }
    }

    public void Dispose() => call.Dispose();
}
