using CapacityHub.Storage.Mongo.Connection;
using CapacityHub.Storage.Mongo.ConnectionString;

namespace CapacityHub.Storage.Mongo.Topology;

/// <summary>
/// The live deployment: the SDAM state machine fed by one monitor per server, a pool per server, and server
/// selection that waits for the topology to change until serverSelectionTimeoutMS.
/// </summary>
public sealed class MongoCluster : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly TopologyStateMachine machine;
    private readonly ConnectionFactory factory;
    private readonly PoolSettings poolSettings;
    private readonly MongoConnectionString connectionString;
    private readonly Dictionary<string, ServerMonitor> monitors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConnectionPool> pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> inFlight = new(StringComparer.Ordinal);
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool disposed;

    public MongoCluster(MongoConnectionString connectionString, ConnectionFactory factory)
    {
        if (connectionString.IsSrv)
        {
            throw new NotSupportedException("mongodb+srv:// strings parse, but SRV/TXT DNS resolution is not implemented; list the hosts with mongodb:// instead.");
        }

        this.connectionString = connectionString;
        this.factory = factory;
        poolSettings = PoolSettings.From(connectionString);
        machine = new TopologyStateMachine(TopologySettings.From(connectionString));
        lock (gate)
        {
            SyncServers();
        }
    }

    public TopologyDescription Description
    {
        get
        {
            lock (gate)
            {
                return machine.Description;
            }
        }
    }

    public async Task<(ServerDescription Server, ConnectionPool Pool)> SelectServerAsync(ReadPreference readPreference, bool isWrite, IReadOnlyCollection<string>? deprioritized, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + connectionString.ServerSelectionTimeout;
        while (true)
        {
            Task wait;
            lock (gate)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                var topology = machine.Description;
                if (topology.CompatibilityError is { } incompatible)
                {
                    throw new MongoServerSelectionException(incompatible);
                }

                var window = ServerSelector.InLatencyWindow(ServerSelector.Suitable(topology, readPreference, isWrite, deprioritized), connectionString.LocalThreshold);
                if (window.Count > 0)
                {
                    var chosen = ServerSelector.Choose(window, a => inFlight.GetValueOrDefault(a), Random.Shared);
                    return (chosen, pools[chosen.Address]);
                }

                foreach (var monitor in monitors.Values)
                {
                    monitor.RequestCheck();
                }

                wait = changed.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new MongoServerSelectionException($"No {(isWrite ? "writable" : readPreference.Mode.ToString())} server within {connectionString.ServerSelectionTimeout.TotalMilliseconds} ms. Topology: {Summary()}");
            }

            await Task.WhenAny(wait, Task.Delay(remaining, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The server a cursor lives on, for getMore/killCursors; fails if it has left the topology.</summary>
    public (ServerDescription Server, ConnectionPool Pool) ServerAt(string address)
    {
        lock (gate)
        {
            return machine.Description.Servers.TryGetValue(address, out var server) && pools.TryGetValue(address, out var pool)
                ? (server, pool)
                : throw new MongoServerSelectionException($"Server {address} that holds the cursor is no longer part of the topology.");
        }
    }

    public void OperationStarted(string address) => Count(address, +1);

    public void OperationEnded(string address) => Count(address, -1);

    /// <summary>An application operation hit a network or "not primary" error: forget what we knew and re-check.</summary>
    public void MarkUnknown(string address, string error)
    {
        lock (gate)
        {
            machine.OnCheckFailed(address, error);
            if (pools.TryGetValue(address, out var pool))
            {
                pool.Clear();
            }

            if (monitors.TryGetValue(address, out var monitor))
            {
                monitor.RequestCheck();
            }

            SyncServers();
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<ServerMonitor> stoppingMonitors;
        List<ConnectionPool> closingPools;
        lock (gate)
        {
            disposed = true;
            stoppingMonitors = [.. monitors.Values];
            closingPools = [.. pools.Values];
            monitors.Clear();
            pools.Clear();
        }

        foreach (var monitor in stoppingMonitors)
        {
            await monitor.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var pool in closingPools)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnServerChecked(ServerDescription description)
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            machine.Apply(description);
            if (pools.TryGetValue(description.Address, out var pool))
            {
                if (description.Type == ServerType.Unknown)
                {
                    pool.Clear();
                }

                // Each heartbeat doubles as the pool's idle sweep (maxIdleTimeMS, stale generations).
                _ = pool.PruneAsync();
            }

            SyncServers();
        }
    }

    /// <summary>Starts monitors and pools for newly discovered members and stops those of removed ones.</summary>
    private void SyncServers()
    {
        var current = machine.Description.Servers;
        foreach (var address in current.Keys.Where(a => !monitors.ContainsKey(a)))
        {
            pools[address] = new ConnectionPool(address, poolSettings, factory.OpenAsync);
            var monitor = new ServerMonitor(address, factory, connectionString.HeartbeatFrequency, OnServerChecked);
            monitors[address] = monitor;
            monitor.Start();
        }

        foreach (var address in monitors.Keys.Where(a => !current.ContainsKey(a)).ToList())
        {
            var monitor = monitors[address];
            var pool = pools[address];
            monitors.Remove(address);
            pools.Remove(address);
            _ = Task.Run(async () =>
            {
                await monitor.DisposeAsync().ConfigureAwait(false);
                await pool.DisposeAsync().ConfigureAwait(false);
            });
        }

        var signal = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        signal.TrySetResult();
    }

    private void Count(string address, int delta)
    {
        lock (gate)
        {
            inFlight[address] = inFlight.GetValueOrDefault(address) + delta;
        }
    }

    private string Summary() =>
        $"{machine.Description.Type} [{string.Join(", ", machine.Description.Servers.Values.Select(s => $"{s.Address} {s.Type}{(s.Error is null ? string.Empty : " (" + s.Error + ")")}"))}]";
}
