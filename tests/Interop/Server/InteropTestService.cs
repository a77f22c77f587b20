using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;

namespace CapacityHub.Interop.Server;

/// <summary>
/// grpc.testing.TestService as described in grpc/grpc doc/interop-test-descriptions.md
/// ("Server" section) on Grpc.AspNetCore. UnimplementedCall is deliberately left to the generated
/// base, which answers UNIMPLEMENTED.
/// </summary>
public sealed class InteropTestService : TestService.TestServiceBase
{
    public override Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        CompressionFeature.CheckRequest(context, request.ExpectCompressed, "expect_compressed");
        EchoStatusFeature.ThrowIfRequested(request.ResponseStatus);
        Payloads.RequireSupportedType(request.ResponseType, "response_type");
        CompressionFeature.ApplyResponse(context, request.ResponseCompressed);
        return new SimpleResponse { Payload = Payloads.Zeros(request.ResponseSize, "response_size") };
    }

    public override Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context)
    {
        // Different on every call, so a cache in front is the only way two answers can match.
        var now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        context.GetHttpContext().Response.Headers.CacheControl = "max-age=60";
        var body = ByteString.CopyFromUtf8(now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.FromResult(new SimpleResponse { Payload = new Payload { Body = body } });
    }

    public override async Task StreamingOutputCall(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        EchoStatusFeature.ThrowIfRequested(request.ResponseStatus);
        await Payloads.WriteAllAsync(request, responseStream, context);
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(
        IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        var total = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            CompressionFeature.CheckRequest(context, request.ExpectCompressed, "expect_compressed");
            total += request.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public override async Task FullDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            EchoStatusFeature.ThrowIfRequested(request.ResponseStatus);
            await Payloads.WriteAllAsync(request, responseStream, context);
        }
    }

    public override async Task HalfDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        var requests = new List<StreamingOutputCallRequest>();
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            EchoStatusFeature.ThrowIfRequested(requestStream.Current.ResponseStatus);
            requests.Add(requestStream.Current);
        }

        // Half duplex: nothing is answered until the client has half-closed.
        foreach (var request in requests)
        {
            await Payloads.WriteAllAsync(request, responseStream, context);
        }
    }
}
