using CapacityHub.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// What crosses the gateway toward a service: the client's metadata, never its bearer token, cookies or a
/// caller token of its own making; instead the caller token the gateway minted for the signed-in user, and
/// the client's deadline less the time the gateway spent.
/// </summary>
public static class CallerTransforms
{
    public static void Apply(TransformBuilderContext context)
    {
        // Services learn who calls from the caller token, not from X-Forwarded-* headers.
        context.UseDefaultForwarders = false;
        context.AddRequestTransform(ForCallerAsync);
    }

    private static ValueTask ForCallerAsync(RequestTransformContext transform)
    {
        var call = transform.HttpContext.Features.GetRequiredFeature<ForwardedCall>();
        var headers = transform.ProxyRequest.Headers;
        headers.Remove(HeaderNames.Authorization);
        headers.Remove(HeaderNames.Cookie);
        headers.Remove(CallerTokenOptions.MetadataKey);
        headers.TryAddWithoutValidation(CallerTokenOptions.MetadataKey, call.CallerToken);
        if (call.Remaining is { } remaining)
        {
            headers.Remove(GrpcTimeout.Header);
            headers.TryAddWithoutValidation(GrpcTimeout.Header, GrpcTimeout.Format(remaining));
        }

        return ValueTask.CompletedTask;
    }
}
