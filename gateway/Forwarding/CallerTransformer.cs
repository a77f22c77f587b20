using CapacityHub.ServiceDefaults.Identity;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// What crosses the gateway toward a service: the client's metadata, never its bearer token, cookies or a
/// caller token of its own making; instead the caller token the gateway minted for the signed-in user.
/// </summary>
internal sealed class CallerTransformer(string callerToken) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.Headers.Remove(HeaderNames.Authorization);
        proxyRequest.Headers.Remove(HeaderNames.Cookie);
        proxyRequest.Headers.Remove(CallerTokenOptions.MetadataKey);
        proxyRequest.Headers.TryAddWithoutValidation(CallerTokenOptions.MetadataKey, callerToken);
    }
}
