using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>Turns a service's status into words for the page and the HTTP status the page answers with.</summary>
public static class ServiceErrors
{
    public static string Describe(RpcException error) => error.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded =>
            $"A CapacityHub service cannot be reached right now; nothing was changed. Try again in a moment. ({error.Detail})",
        StatusCode.PermissionDenied => $"You may not do this: {error.Detail}",
        StatusCode.Unauthenticated => "Your session has ended; sign in again.",
        StatusCode.NotFound => $"Not found: {error.Detail}",
        StatusCode.Aborted => $"Someone else changed this in the meantime; reload and try again. ({error.Detail})",
        StatusCode.Internal or StatusCode.Unknown => "Something went wrong on our side; nothing was changed.",
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
