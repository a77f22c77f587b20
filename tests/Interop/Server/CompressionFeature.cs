using CapacityHub.Rpc;
using Grpc.Testing;

namespace CapacityHub.Interop.Server;

/// <summary>The CompressedRequest and CompressedResponse server features of the interop descriptions.</summary>
public static class CompressionFeature
{
    private const string EncodingHeader = "grpc-encoding";

    /// <summary>
    /// CompressedRequest: expect_compressed=true on a request that was not compressed is INVALID_ARGUMENT.
    /// CapacityHub.Rpc does not expose the per-message compressed flag, so (as grpc-dotnet's interop
    /// server does) the call's grpc-encoding decides; a stray flag without an encoding never gets here,
    /// the RPC layer rejects it as INTERNAL.
    /// </summary>
    public static void CheckRequest(ServerCallContext context, BoolValue? expectCompressed, string field)
    {
        if (expectCompressed?.Value != true)
        {
            return;
        }

        var encoding = context.HttpContext.Request.Headers[EncodingHeader].ToString();
        if (encoding.Length == 0 || encoding == "identity")
        {
            throw RpcException.InvalidArgument(
                $"{field} is true but the request was not compressed (grpc-encoding: {(encoding.Length == 0 ? "none" : encoding)}).",
                new FieldViolation(field, "the message must be sent compressed"));
        }
    }

    /// <summary>
    /// CompressedResponse: response_compressed / compressed asks for the next message to be sent
    /// gzip-compressed (true) or plain (false); absent leaves the server's choice.
    /// </summary>
    public static void ApplyResponse(ServerCallContext context, BoolValue? compressed)
    {
        if (compressed is not null)
        {
            context.CompressResponses = compressed.Value;
        }
    }
}
