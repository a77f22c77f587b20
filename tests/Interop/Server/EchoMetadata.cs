using Grpc.Core;

namespace CapacityHub.Interop.Server;

/// <summary>
/// The "Echo Metadata" server feature: x-grpc-test-echo-initial comes back in the response
/// headers, x-grpc-test-echo-trailing-bin in the trailers, byte for byte.
/// </summary>
public static class EchoMetadata
{
    public const string InitialKey = "x-grpc-test-echo-initial";
    public const string TrailingKey = "x-grpc-test-echo-trailing-bin";

    public static async Task ApplyAsync(ServerCallContext context)
    {
        // Looking at the raw headers first keeps calls without echo keys (the benchmark's) from
        // making grpc-dotnet materialise the whole request metadata.
        var raw = context.GetHttpContext().Request.Headers;
        if (!raw.ContainsKey(InitialKey) && !raw.ContainsKey(TrailingKey))
        {
            return;
        }

        if (context.RequestHeaders.GetValueBytes(TrailingKey) is { } trailing)
        {
            context.ResponseTrailers.Add(TrailingKey, trailing);
        }

        if (context.RequestHeaders.GetValue(InitialKey) is { } initial)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { InitialKey, initial } });
        }
    }
}
