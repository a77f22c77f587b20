using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace CapacityHub.Rpc;

/// <summary>
/// A call ended with a non-OK status. Thrown by handlers to choose the status sent to the caller,
/// and by clients when the server answered with one.
/// </summary>
public class RpcException : Exception
{
    public RpcException(StatusCode code, string message, Google.Rpc.Status? details = null)
        : this(code, message, details, new Metadata())
    {
    }

    public RpcException(StatusCode code, string message, Google.Rpc.Status? details, Metadata trailers)
        : base(message)
    {
        StatusCode = code;
        Detail = message;
        Details = details;
        Trailers = trailers;
    }

    public RpcException(RpcStatus status, Metadata? trailers = null)
        : this(status.StatusCode, status.Detail, status.Details, trailers ?? new Metadata())
    {
    }

    public RpcException()
        : this(StatusCode.Unknown, string.Empty)
    {
    }

    public RpcException(string message)
        : this(StatusCode.Unknown, message)
    {
    }

    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCode.Unknown;
        Detail = message;
        Trailers = new Metadata();
    }

    public StatusCode StatusCode { get; }

    public string Detail { get; }

    /// <summary>The rich status sent as grpc-status-details-bin, or null.</summary>
    public Google.Rpc.Status? Details { get; }

    /// <summary>Extra trailers sent with (or received with) the status.</summary>
    public Metadata Trailers { get; }

    public RpcStatus Status => new(StatusCode, Detail, Details);

    /// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest listing each offending field.</summary>
    public static RpcException InvalidArgument(string message, params FieldViolation[] violations)
    {
        var badRequest = new BadRequest();
        foreach (var violation in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = violation.Field,
                Description = violation.Description,
            });
        }

        var details = new Google.Rpc.Status { Code = (int)StatusCode.InvalidArgument, Message = message };
        details.Details.Add(Any.Pack(badRequest));
        return new RpcException(StatusCode.InvalidArgument, message, details);
    }

    /// <summary>The field violations carried in <see cref="Details"/>, if any.</summary>
    public IReadOnlyList<FieldViolation> FieldViolations()
    {
        if (Details is null)
        {
            return [];
        }

        var result = new List<FieldViolation>();
        foreach (var any in Details.Details)
        {
            if (any.TryUnpack<BadRequest>(out var badRequest))
            {
                result.AddRange(badRequest.FieldViolations.Select(v => new FieldViolation(v.Field, v.Description)));
            }
        }

        return result;
    }

    public override string ToString() => $"RpcException: {Status}";
}
