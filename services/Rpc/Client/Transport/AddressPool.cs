using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace CapacityHub.Rpc.Client.Transport;

/// <summary>
/// All addresses a host name resolves to (a Kubernetes headless service lists one per pod), re-resolved
/// once they are older than the refresh interval. New connections go to the address with the fewest open
/// connections, so load spreads evenly and an address that refuses connections is skipped.
/// </summary>
internal sealed class AddressPool(
    string host,
    int port,
    Func<string, CancellationToken, Task<IPAddress[]>> resolve,
    TimeSpan refreshInterval,
    Action<int> addressCountChanged)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, int> _openConnections = [];
    private IPAddress[] _addresses = [];
    private long _resolvedAt = long.MinValue;
    private Task<IPAddress[]>? _resolving;
    private int _rotation;

    public IReadOnlyList<IPAddress> Addresses => Volatile.Read(ref _addresses);

    public int OpenConnections(IPAddress address)
    {
        lock (_gate)
        {
            return _openConnections.GetValueOrDefault(address);
        }
    }

    /// <summary>The current addresses, resolving first when they are missing or stale.</summary>
    public async ValueTask<IPAddress[]> GetAddressesAsync(CancellationToken cancellationToken)
    {
        Task<IPAddress[]> resolving;
        lock (_gate)
        {
            var fresh = Environment.TickCount64 - _resolvedAt < (long)refreshInterval.TotalMilliseconds;
            if (fresh && _addresses.Length > 0)
            {
                return _addresses;
            }

            if (_resolving is null || _resolving.IsCompleted)
            {
                _resolving = ResolveAsync();
            }

            resolving = _resolving;
        }

        return await resolving.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ConnectCallback: a TCP connection to the least-used address that accepts one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var candidates = OrderByLoad(await GetAddressesAsync(cancellationToken).ConfigureAwait(false));
        SocketException? lastFailure = null;
        foreach (var address in candidates)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastFailure = ex;
                continue;
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            lock (_gate)
            {
                _openConnections[address] = _openConnections.GetValueOrDefault(address) + 1;
            }

            return new CountedNetworkStream(socket, () => Release(address));
        }

        throw lastFailure ?? new SocketException((int)SocketError.HostNotFound);
    }

    private async Task<IPAddress[]> ResolveAsync()
    {
        // Never run the resolver (or the count callback) under the caller's lock.
        await Task.Yield();
        try
        {
            var resolved = await resolve(host, CancellationToken.None).ConfigureAwait(false);
            var distinct = resolved.Distinct().ToArray();
            int count;
            lock (_gate)
            {
                if (distinct.Length > 0)
                {
                    _addresses = distinct;
                    _resolvedAt = Environment.TickCount64;
                }

                count = _addresses.Length;
                if (count == 0)
                {
                    throw new SocketException((int)SocketError.HostNotFound);
                }
            }

            addressCountChanged(count);
            return _addresses;
        }
        catch (Exception) when (Addresses.Count > 0)
        {
            // A failed refresh keeps the last known addresses: a DNS hiccup must not take the service down.
            // They count as fresh again so that a failing resolver is not asked on every call.
            lock (_gate)
            {
                _resolvedAt = Environment.TickCount64;
            }

            return _addresses;
        }
    }

    private List<IPAddress> OrderByLoad(IPAddress[] addresses)
    {
        lock (_gate)
        {
            // Rotating the start point breaks ties, so equal addresses take turns.
            var start = _rotation++ & int.MaxValue;
            return addresses
                .Select((address, index) => (address, order: (index - start) % addresses.Length))
                .Select(x => (x.address, order: x.order < 0 ? x.order + addresses.Length : x.order))
                .OrderBy(x => _openConnections.GetValueOrDefault(x.address))
                .ThenBy(x => x.order)
                .Select(x => x.address)
                .ToList();
        }
    }

    private void Release(IPAddress address)
    {
        lock (_gate)
        {
            var open = _openConnections.GetValueOrDefault(address) - 1;
            if (open > 0)
            {
                _openConnections[address] = open;
            }
            else
            {
                _openConnections.Remove(address);
            }
        }
    }
}
