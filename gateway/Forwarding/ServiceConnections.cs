using Yarp.ReverseProxy.Forwarder;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>The connection pools YARP opens toward the services, tuned for calls between pods.</summary>
public sealed class ServiceConnections : ForwarderHttpClientFactory
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        // A service that does not accept within seconds is down for the caller; its 15 s default says so too late.
        handler.ConnectTimeout = TimeSpan.FromSeconds(5);
        // Replacing connections now and then spreads calls over pods that appeared since.
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(1);
    }
}
