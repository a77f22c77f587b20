using Grpc.Core;

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
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"response_status.code {status.Code} is not a gRPC status code (0 to 16)."));
        }

        // grpc-dotnet percent-encodes the message into grpc-message (the special_status_message case).
        throw new RpcException(new Status((StatusCode)status.Code, status.Message));
    }
}
