using CapacityHub.Gateway.Authentication;
using CapacityHub.Gateway.Authorization;
using CapacityHub.Gateway.Exports;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using Google.Protobuf;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// Maps every <see cref="RestRoutes"/> route: authenticate, authorise the RPC it names with the same
/// gateway policy as the gRPC face, check CSRF for cookie calls, build the request, call the service as
/// the user (deadline and cancellation follow the HTTP request), answer in the protobuf JSON mapping.
/// </summary>
public static class RestEndpoints
{
    /// <summary>How long a REST call may take end to end; REST has no grpc-timeout of its own.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapRestApi(this IEndpointRouteBuilder endpoints)
    {
        foreach (var route in RestRoutes.All)
        {
            endpoints.MapMethods(route.Template, [route.Verb], context => HandleAsync(context, route))
                .WithDisplayName($"{route.Verb} {route.Template} → {route.RpcMethod}")
                .WithMetadata(route);
        }

        return endpoints;
    }

    /// <summary>Signed in, allowed to call the RPC, and past the CSRF check; otherwise the RpcException to answer with.</summary>
    public static async Task<CallerIdentity> AuthoriseAsync(HttpContext context, string rpcMethod)
    {
        var caller = context.RequestServices.GetRequiredService<CallerClaims>().FromPrincipal(context.User)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Sign in first: send a bearer token of a known user."));
        // The dashboard decides per role itself (DashboardScopes); every other route follows the gateway policy.
        if (!rpcMethod.StartsWith(V1.DashboardService.Descriptor.FullName + "/", StringComparison.Ordinal))
        {
            GatewayPolicy.Require(caller, rpcMethod);
        }

        await CookieCsrfGuard.RequireAsync(context);
        return caller;
    }

    public static CallOptions CallOptionsFor(HttpContext context) =>
        new(deadline: DateTime.UtcNow + Deadline, cancellationToken: context.RequestAborted);

    private static async Task HandleAsync(HttpContext context, RestRoute route)
    {
        try
        {
            await AuthoriseAsync(context, route.RpcMethod);
            var request = await RestRequestReader.ReadAsync(route, context.Request, context.RequestAborted);
            var options = CallOptionsFor(context);
            if (route.Verb == "GET" && CsvListExport.Wanted(context.Request) && CsvListExport.ItemsOf(route) is { } items)
            {
                await CsvListExport.WriteAsync(context, route, items, request, r => route.Invoke(context.RequestServices, r, options));
                return;
            }

            var response = await route.Invoke(context.RequestServices, request, options);
            await WriteMessageAsync(context, response);
        }
        catch (RpcException e)
        {
            await RestErrors.WriteAsync(context, e);
        }
    }

    public static async Task WriteMessageAsync(HttpContext context, IMessage message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(ProtoJson.Formatter.Format(message), context.RequestAborted);
    }
}
