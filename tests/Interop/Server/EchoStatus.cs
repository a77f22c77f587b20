using CapacityHub.Rpc;

namespace CapacityHub.Interop.Server;

/// <summary>The "Echo Status" server feature: a request's response_status ends the call with that status.</summary>
public static class EchoStatusFeature
{
    public static void ThrowIfRequested(Grpc.Testing.EchoStatus? status)
    {
        if (status is null || status.Code == 0)
        {
            return;
        }

        if (status.Code is < 0 or > (int)StatusCode.Unauthenticated)
        {
            throw RpcException.InvalidArgument(
                $"response_status.code {status.Code} is not a gRPC status code.",
                new FieldViolation("response_status.code", "must be between 0 and 16"));
        }

        throw new RpcException(new Status((StatusCode)status.Code, status.Message));
    }
}
