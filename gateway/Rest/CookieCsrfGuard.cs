using CapacityHub.Gateway.Authentication;
using Grpc.Core;
using Microsoft.AspNetCore.Antiforgery;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// CSRF for the REST face. A bearer token in the Authorization header is never sent by a browser on its
/// own, so such calls need nothing more. A call authenticated only by the session cookie may come from a
/// page the user did not mean to act on: besides the cookie being SameSite=Strict, every state-changing
/// cookie call must carry the antiforgery token (header "RequestVerificationToken", or the form field for
/// multipart uploads) that the gateway's own pages embed.
/// </summary>
public static class CookieCsrfGuard
{
    public static async Task RequireAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            return;
        }

        var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (bearer || !context.Request.Cookies.ContainsKey(AuthenticationSetup.SessionCookie))
        {
            return;
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                "A state-changing call signed in with the session cookie needs the antiforgery token (header RequestVerificationToken); tools should send a bearer token instead."));
        }
    }
}
