namespace CapacityHub.Rpc;

/// <summary>The outcome of a call: code, message and the optional rich google.rpc.Status.</summary>
public readonly record struct RpcStatus(StatusCode StatusCode, string Detail, Google.Rpc.Status? Details = null)
{
    public static readonly RpcStatus Ok = new(StatusCode.Ok, string.Empty);

    public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";
}
