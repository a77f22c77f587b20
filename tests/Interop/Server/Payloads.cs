using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;

namespace CapacityHub.Interop.Server;

/// <summary>Builds the all-zero payloads the interop cases ask for.</summary>
public static class Payloads
{
    // Responses only read these bytes, so one shared zero block serves every small payload
    // without a per-call allocation (this path is also the benchmark's hot path).
    private static readonly byte[] SharedZeros = new byte[64 * 1024];

    public static Payload Zeros(int size, string field)
    {
        if (size < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} must not be negative (got {size})."));
        }

        var body = size <= SharedZeros.Length
            ? UnsafeByteOperations.UnsafeWrap(SharedZeros.AsMemory(0, size))
            : UnsafeByteOperations.UnsafeWrap(new byte[size]);
        return new Payload { Body = body };
    }

    /// <summary>Only COMPRESSABLE exists in test.proto; anything else is refused as the descriptions require.</summary>
    public static void RequireSupportedType(PayloadType type, string field)
    {
        if (type != PayloadType.Compressable)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} {type} is not supported; only COMPRESSABLE is."));
        }
    }

    /// <summary>Writes one response per ResponseParameters, honouring interval_us and per-message compression.</summary>
    public static async Task WriteAllAsync(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        RequireSupportedType(request.ResponseType, "response_type");
        for (var i = 0; i < request.ResponseParameters.Count; i++)
        {
            var parameters = request.ResponseParameters[i];
            var payload = Zeros(parameters.Size, $"response_parameters[{i}].size");
            if (parameters.IntervalUs > 0)
            {
                // interval_us is a sleep before each response, accumulating from one to the next.
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
            }

            CompressionFeature.ApplyResponse(context, parameters.Compressed);
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = payload }, context.CancellationToken);
        }
    }
}
