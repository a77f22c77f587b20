using System.Net;

namespace CapacityHub.Rpc.Client.Transport;

/// <summary>Builds the SocketsHttpHandler a channel's connection pool runs on: HTTP/2 only, nothing HTTP/1-ish.</summary>
internal static class HandlerFactory
{
    public static SocketsHttpHandler Create(RpcChannelOptions options, AddressPool? addresses)
    {
        var handler = new SocketsHttpHandler
        {
            // Past the server's concurrent-stream limit, open another connection instead of queueing calls.
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = options.ConnectTimeout,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };

        if (addresses is not null)
        {
            handler.ConnectCallback = addresses.ConnectAsync;

            // Replacing connections now and then is what moves traffic onto pods that appeared since.
            handler.PooledConnectionLifetime = options.AddressRefreshInterval;
        }

        if (options.ServerCertificateValidation is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = options.ServerCertificateValidation;
        }

        return handler;
    }
}
