using CapacityHub.Rpc;
using Grpc.Testing;

namespace CapacityHub.Interop.Server;

/// <summary>Writes one response per ResponseParameters, honouring interval_us and per-message compression.</summary>
public static class ResponseWriter
{
    public static async Task WriteAllAsync(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        Payloads.RequireSupportedType(request.ResponseType, "response_type");
        for (var i = 0; i < request.ResponseParameters.Count; i++)
        {
            var parameters = request.ResponseParameters[i];
            var payload = Payloads.Zeros(parameters.Size, $"response_parameters[{i}].size");
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
