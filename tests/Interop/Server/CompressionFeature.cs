using Grpc.Core;
using Grpc.Testing;

namespace CapacityHub.Interop.Server;

/// <summary>
/// The CompressedRequest and CompressedResponse server features of the interop descriptions, on
/// grpc-dotnet's own compression: it decompresses requests and compresses responses with
/// <see cref="Algorithm"/>; this class only decides, per message, whether a response is compressed.
/// </summary>
public static class CompressionFeature
{
    public const string Algorithm = "gzip";

    private static readonly WriteOptions Uncompressed = new(WriteFlags.NoCompress);

    /// <summary>
    /// CompressedRequest: expect_compressed=true on a request that was not compressed is INVALID_ARGUMENT.
    /// grpc-dotnet does not expose the per-message compressed flag, so (as its own interop server does)
    /// the call's grpc-encoding decides; a compressed flag without an encoding never reaches the service,
    /// grpc-dotnet refuses it.
    /// </summary>
    public static void CheckRequest(ServerCallContext context, BoolValue? expectCompressed, string field)
    {
        if (expectCompressed?.Value != true)
        {
            return;
        }

        // grpc-* headers are reserved and left out of RequestHeaders, so read the HTTP request's.
        var encoding = context.GetHttpContext().Request.Headers["grpc-encoding"].ToString();
        if (encoding.Length == 0 || encoding == "identity")
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"{field} is true but the request was not compressed (grpc-encoding: {(encoding.Length == 0 ? "none" : encoding)})."));
        }
    }

    /// <summary>
    /// CompressedResponse: response_compressed / compressed = true sends the next message gzip-compressed
    /// (when the client accepts gzip, which grpc-dotnet checks); false or absent sends it plain, so that
    /// calls that do not ask (the benchmark's) never pay for compression.
    /// </summary>
    public static void ApplyResponse(ServerCallContext context, BoolValue? compressed) =>
        context.WriteOptions = compressed?.Value == true ? null : Uncompressed;
}
