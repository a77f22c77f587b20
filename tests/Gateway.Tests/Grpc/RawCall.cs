using CapacityHub.ServiceDefaults.Clients;
using Grpc.Core;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Gateway.Tests.Grpc;

/// <summary>
/// Calls any method with an empty request message (valid protobuf for every request type) and reports
/// the status it ended with: what the matrix needs to tell "refused by the gateway" from "got through".
/// </summary>
public static class RawCall
{
    public static async Task<Status> StatusOfAsync(ServiceChannel channel, MethodDescriptor descriptor, string token)
    {
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var marshaller = Marshallers.Create(m => m.ToByteArray(), Empty.Parser.ParseFrom);
        var method = new Method<Empty, Empty>(type, descriptor.Service.FullName, descriptor.Name, marshaller, marshaller);
        var options = RunningSystem.As(token, TimeSpan.FromSeconds(20));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await channel.Invoker.AsyncUnaryCall(method, null, options, new Empty());
                    return new Status(StatusCode.OK, "");
                case MethodType.ServerStreaming:
                    using (var call = channel.Invoker.AsyncServerStreamingCall(method, null, options, new Empty()))
                    {
                        // A first message (or a clean end) means the service accepted the call.
                        await call.ResponseStream.MoveNext(CancellationToken.None);
                        return new Status(StatusCode.OK, "");
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
