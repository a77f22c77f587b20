using Google.Protobuf.Reflection;

namespace CapacityHub.Rpc;

/// <summary>The services mapped on this server, for reflection and for answering unknown methods.</summary>
public sealed class RpcServiceRegistry
{
    private readonly Dictionary<string, ServiceDescriptor?> _services = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyCollection<string> ServiceNames
    {
        get
        {
            lock (_lock)
            {
                return [.. _services.Keys];
            }
        }
    }

    public IReadOnlyCollection<ServiceDescriptor> Descriptors
    {
        get
        {
            lock (_lock)
            {
                return [.. _services.Values.OfType<ServiceDescriptor>()];
            }
        }
    }

    public bool Contains(string serviceName)
    {
        lock (_lock)
        {
            return _services.ContainsKey(serviceName);
        }
    }

    private bool _unimplementedRouteMapped;

    /// <summary>True the first time only: the catch-all UNIMPLEMENTED route is mapped once per server.</summary>
    internal bool TryClaimUnimplementedRoute()
    {
        lock (_lock)
        {
            var first = !_unimplementedRouteMapped;
            _unimplementedRouteMapped = true;
            return first;
        }
    }

    internal void Add(string serviceName, ServiceDescriptor? descriptor)
    {
        lock (_lock)
        {
            _services[serviceName] = descriptor;
        }
    }
}
