using System.Collections.Concurrent;

namespace CapacityHub.Storage.Mongo.Connection;

/// <summary>
/// A bounded pool for one server. Check-out waits up to waitQueueTimeoutMS for a free slot; idle connections
/// past maxIdleTimeMS and connections from an older generation (bumped by Clear after a network or
/// "not primary" error) are closed instead of reused.
/// </summary>
public sealed class ConnectionPool : IAsyncDisposable
{
    private readonly string address;
    private readonly PoolSettings settings;
    private readonly Func<string, int, CancellationToken, Task<MongoConnection>> open;
#pragma warning disable CA2213 // see DisposeAsync: checked-out connections still release their slot.
    private readonly SemaphoreSlim slots;
#pragma warning restore CA2213
    private readonly ConcurrentStack<MongoConnection> idle = new();
    private int generation;
    private int total;
    private bool disposed;

    public ConnectionPool(string address, PoolSettings settings, Func<string, int, CancellationToken, Task<MongoConnection>> open)
    {
        this.address = address;
        this.settings = settings;
        this.open = open;
        slots = new SemaphoreSlim(settings.MaxPoolSize > 0 ? settings.MaxPoolSize : int.MaxValue);
    }

    public int Generation => Volatile.Read(ref generation);

    public int TotalConnections => Volatile.Read(ref total);

    public int IdleConnections => idle.Count;

    public async Task<MongoConnection> CheckOutAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!await slots.WaitAsync(settings.WaitQueueTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new MongoWaitQueueTimeoutException($"Timed out after {settings.WaitQueueTimeout.TotalMilliseconds} ms waiting for a connection to {address} (maxPoolSize {settings.MaxPoolSize}).");
        }

        try
        {
            while (idle.TryPop(out var candidate))
            {
                if (IsReusable(candidate))
                {
                    return candidate;
                }

                await CloseAsync(candidate).ConfigureAwait(false);
            }

            var connection = await open(address, Generation, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref total);
            return connection;
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    public async Task CheckInAsync(MongoConnection connection)
    {
        try
        {
            if (disposed || !IsReusable(connection))
            {
                await CloseAsync(connection).ConfigureAwait(false);
            }
            else
            {
                idle.Push(connection);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Marks every existing connection stale; they are closed as they come back or are found idle.</summary>
    public void Clear() => Interlocked.Increment(ref generation);

    /// <summary>Closes idle connections that exceeded maxIdleTime or belong to an old generation.</summary>
    public async Task PruneAsync()
    {
        var keep = new List<MongoConnection>();
        while (idle.TryPop(out var connection))
        {
            if (IsReusable(connection))
            {
                keep.Add(connection);
            }
            else
            {
                await CloseAsync(connection).ConfigureAwait(false);
            }
        }

        foreach (var connection in Enumerable.Reverse(keep))
        {
            idle.Push(connection);
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        while (idle.TryPop(out var connection))
        {
            await CloseAsync(connection).ConfigureAwait(false);
        }

        // The semaphore is not disposed: connections still checked out must be able to check in (and be closed).
    }

    private bool IsReusable(MongoConnection connection) =>
        !connection.IsBroken
        && connection.Generation == Generation
        && (settings.MaxIdleTime <= TimeSpan.Zero || DateTime.UtcNow - connection.LastUsedUtc < settings.MaxIdleTime);

    private async Task CloseAsync(MongoConnection connection)
    {
        Interlocked.Decrement(ref total);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
