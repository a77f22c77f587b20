using CapacityHub.Rpc;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Gateway.Tests.Grpc;

/// <summary>
/// Calls any method with an empty request message (valid protobuf for every request type) and reports
/// the status it ended with: what the matrix needs to tell "refused by the gateway" from "got through".
/// </summary>
public static class RawCall
{
    public static async Task<RpcStatus> StatusOfAsync(RpcChannel channel, MethodDescriptor descriptor, string token)
    {
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var method = new Method<Empty, Empty>(type, descriptor.Service.FullName, descriptor.Name, Empty.Parser, Empty.Parser);
        var options = RunningSystem.As(token, TimeSpan.FromSeconds(20));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await channel.UnaryAsync(method, new Empty(), options);
                    return new RpcStatus(StatusCode.Ok, "");
                case MethodType.ServerStreaming:
                    using (var call = channel.ServerStreaming(method, new Empty(), options))
                    {
                        // A first message (or a clean end) means the service accepted the call.
                        await call.ResponseStream.MoveNext(CancellationToken.None);
                        return new RpcStatus(StatusCode.Ok, "");
                    }

                default:
                    throw new NotSupportedException($"{descriptor.FullName}: no client-streaming RPC is forwarded today; extend RawCall.");
            }
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }
}
