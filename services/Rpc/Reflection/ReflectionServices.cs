using Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace CapacityHub.Rpc.Reflection;

/// <summary>grpc.reflection.v1.ServerReflection: one answer per request on the stream.</summary>
internal sealed class ReflectionServiceV1(RpcServiceRegistry registry) : ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream,
        IServerStreamWriter<ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        var responder = new ReflectionResponder(registry);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            await responseStream.WriteAsync(responder.Answer(requestStream.Current), context.CancellationToken);
        }
    }
}

/// <summary>grpc.reflection.v1alpha.ServerReflection, still what many tools (older grpcurl, Postman) ask for.</summary>
internal sealed class ReflectionServiceV1Alpha(RpcServiceRegistry registry) : V1Alpha.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(
        IAsyncStreamReader<V1Alpha.ServerReflectionRequest> requestStream,
        IServerStreamWriter<V1Alpha.ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        var responder = new ReflectionResponder(registry);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = ReflectionResponder.Convert(requestStream.Current, ServerReflectionRequest.Parser);
            var answer = responder.Answer(request);
            await responseStream.WriteAsync(
                ReflectionResponder.Convert(answer, V1Alpha.ServerReflectionResponse.Parser), context.CancellationToken);
        }
    }
}
