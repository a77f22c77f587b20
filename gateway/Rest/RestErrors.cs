using System.Text.Json;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// gRPC status → HTTP status (the google.rpc mapping) and the JSON error body of AIP-193:
/// {"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "...", "details": [{"@type":
/// "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [{"field": ..., "description": ...}]}]}}.
/// FAILED_PRECONDITION is 400 as in Google's mapping: the request cannot succeed until the resource's state
/// changes, which retrying the same request (409) would not do.
/// </summary>
public static class RestErrors
{
    public static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.OK => 200,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => 400,
        StatusCode.Unauthenticated => 401,
        StatusCode.PermissionDenied => 403,
        StatusCode.NotFound => 404,
        StatusCode.Aborted or StatusCode.AlreadyExists => 409,
        StatusCode.ResourceExhausted => 429,
        StatusCode.Cancelled => 499,
        StatusCode.Unimplemented => 501,
        StatusCode.Unavailable => 503,
        StatusCode.DeadlineExceeded => 504,
        _ => 500,
    };

    public static string StatusName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => "UNKNOWN",
    };

    public static Task WriteAsync(HttpContext context, RpcException error, IReadOnlyList<object>? extraDetails = null)
    {
        var details = new List<object>();
        var violations = error.FieldViolations();
        if (violations.Count > 0)
        {
            details.Add(new Dictionary<string, object>
            {
                ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                ["fieldViolations"] = violations.Select(v => new { field = v.Field, description = v.Description }).ToArray(),
            });
        }

        details.AddRange(extraDetails ?? []);
        var code = error.StatusCode;
        // Internal failures keep their detail out of the response; the status says enough.
        var message = code is StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss ? "Internal error." : error.Detail;
        return WriteAsync(context, code, message, details);
    }

    public static Task WriteAsync(HttpContext context, StatusCode code, string message, IReadOnlyList<object> details)
    {
        var headers = context.Response.Headers;
        if (code == StatusCode.Unauthenticated)
        {
            headers.WWWAuthenticate = BearerChallenge;
        }
        else if (code == StatusCode.Unavailable)
        {
            headers.RetryAfter = RetryAfterSeconds;
        }

        return WriteBodyAsync(context, HttpStatusOf(code), StatusName(code), message, details);
    }

    /// <summary>413 for a body over the gateway's limit, REST and web forms alike (429 is only ever a rate limit).</summary>
    public static Task WriteTooLargeAsync(HttpContext context, Limits.BodyTooLargeException tooLarge) =>
        WriteBodyAsync(context, StatusCodes.Status413PayloadTooLarge, StatusName(StatusCode.InvalidArgument), tooLarge.Message, []);

    /// <summary>RFC 6750: a 401 names the scheme the caller should use.</summary>
    public const string BearerChallenge = "Bearer realm=\"CapacityHub\"";

    /// <summary>A service that is down is usually back (restarted, or another pod) within seconds.</summary>
    public const string RetryAfterSeconds = "5";

    private static async Task WriteBodyAsync(HttpContext context, int httpStatus, string status, string message, IReadOnlyList<object> details)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new { error = new { code = httpStatus, status, message, details } };
        await JsonSerializer.SerializeAsync(context.Response.Body, body, (JsonSerializerOptions?)null, context.RequestAborted);
    }
}
