using CapacityHub.Gateway.Localisation;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.Extensions.Localization;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>Turns a service's status into words for the page and the HTTP status the page answers with.</summary>
public static class ServiceErrors
{
    /// <summary>The reader's words for what happened; the service's own detail (English, naming API fields) follows where it helps.</summary>
    public static string Describe(RpcException error, IStringLocalizer<UiText> l) => error.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded =>
            l["A CapacityHub service cannot be reached right now; nothing was changed. Try again in a moment. ({0})", error.Detail],
        StatusCode.PermissionDenied => l["You may not do this: {0}", error.Detail],
        StatusCode.Unauthenticated => l["Your session has ended; sign in again."],
        StatusCode.NotFound => l["Not found: {0}", error.Detail],
        StatusCode.Aborted => l["Someone else changed this in the meantime; reload and try again. ({0})", error.Detail],
        StatusCode.Internal or StatusCode.Unknown => l["Something went wrong on our side; nothing was changed."],
        _ => error.Detail,
    };

    public static int HttpStatus(RpcException error) => error.StatusCode switch
    {
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.OutOfRange => StatusCodes.Status422UnprocessableEntity,
        StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
