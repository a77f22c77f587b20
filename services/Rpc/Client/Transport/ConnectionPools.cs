namespace CapacityHub.Rpc.Client.Transport;

/// <summary>
/// The channel's independent HTTP/2 connection pools; each call takes the next one in turn.
/// The set only grows (an idle pool holds no connections once they time out).
/// </summary>
internal sealed class ConnectionPools(Func<HttpMessageHandler> createHandler, int initialCount, bool disposeHandlers) : IDisposable
{
    private readonly Lock _gate = new();
    private HttpMessageInvoker[] _pools = Create(createHandler, initialCount, disposeHandlers);
    private int _next = -1;
    private bool _disposed;

    public int Count => Volatile.Read(ref _pools).Length;

    public HttpMessageInvoker Next()
    {
        var pools = Volatile.Read(ref _pools);
        var index = (uint)Interlocked.Increment(ref _next) % (uint)pools.Length;
        return pools[index];
    }

    public void EnsureAtLeast(int count)
    {
        lock (_gate)
        {
            if (_disposed || _pools.Length >= count)
            {
                return;
            }

            var grown = new HttpMessageInvoker[count];
            _pools.CopyTo(grown, 0);
            for (var i = _pools.Length; i < count; i++)
            {
                grown[i] = new HttpMessageInvoker(createHandler(), disposeHandlers);
            }

            Volatile.Write(ref _pools, grown);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var pool in _pools)
            {
                pool.Dispose();
            }
        }
    }

    private static HttpMessageInvoker[] Create(Func<HttpMessageHandler> createHandler, int count, bool disposeHandlers)
    {
        var pools = new HttpMessageInvoker[count];
        for (var i = 0; i < count; i++)
        {
            pools[i] = new HttpMessageInvoker(createHandler(), disposeHandlers);
        }

        return pools;
    }
}
