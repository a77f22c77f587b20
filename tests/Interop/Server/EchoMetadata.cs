using CapacityHub.Rpc;

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
        // materialising the whole request metadata.
        var raw = context.HttpContext.Request.Headers;
        if (!raw.ContainsKey(InitialKey) && !raw.ContainsKey(TrailingKey))
        {
            return;
        }

        var trailing = context.RequestHeaders.GetBytes(TrailingKey);
        if (trailing is not null)
        {
            context.ResponseTrailers.Add(TrailingKey, trailing);
        }

        var initial = context.RequestHeaders.GetValue(InitialKey);
        if (initial is not null)
        {
            await context.WriteResponseHeadersAsync(new Metadata().Add(InitialKey, initial));
        }
    }
}
