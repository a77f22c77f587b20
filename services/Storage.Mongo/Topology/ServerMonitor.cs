using CapacityHub.Storage.Mongo.Connection;

namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>
/// Checks one server with hello every heartbeatFrequencyMS (sooner when the cluster asks, but never more often
/// than every 500 ms) on its own unauthenticated connection, and reports each outcome to the cluster.
/// </summary>
public sealed class ServerMonitor(string address, ConnectionFactory factory, TimeSpan heartbeat, Action<ServerDescription> report) : IAsyncDisposable
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(500);
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim wake = new(0);
    private Task? loop;
    private double? averageRoundTripMs;

    public void Start() => loop = Task.Run(() => RunAsync(stopping.Token));

    public void RequestCheck()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        stopping.Dispose();
        wake.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        MongoConnection? connection = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                MongoDB.Bson.BsonDocument hello;
                if (connection is null || connection.IsBroken)
                {
                    (connection, hello) = await factory.OpenForMonitoringAsync(address, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    hello = await connection.RunRawAsync("admin", new MongoDB.Bson.BsonDocument { { "hello", 1 }, { "helloOk", true } }, null, cancellationToken).ConfigureAwait(false);
                }

                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                averageRoundTripMs = RoundTripTimeAverage.Next(averageRoundTripMs, elapsed);
                report(HelloParser.Parse(address, hello, TimeSpan.FromMilliseconds(averageRoundTripMs.Value)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is MongoConnectionException or Wire.MongoWireException or Commands.MongoCommandException)
            {
                averageRoundTripMs = null;
                report(ServerDescription.Unknown(address, e.Message));
            }

            try
            {
                await Task.Delay(MinimumInterval, cancellationToken).ConfigureAwait(false);
                await wake.WaitAsync(heartbeat - MinimumInterval > TimeSpan.Zero ? heartbeat - MinimumInterval : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
