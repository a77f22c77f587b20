using CapacityHub.Interop.Tests.Infrastructure;

namespace CapacityHub.Interop.Tests;

/// <summary>
/// Broken requests sent over raw HTTP/2 (python3-h2) to the interop server on Grpc.AspNetCore: each
/// must get a clean answer (an HTTP/2 error, an HTTP status or a gRPC status, never internal detail),
/// and the server must go on serving well-formed calls afterwards (the scripts check both). What is
/// checked is what grpc-dotnet and Kestrel answer, as any client of a CapacityHub service sees it.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class MalformedInputTests(InteropFixture fixture)
{
    [Fact] public Task DataFrameOnStreamZeroIsAConnectionProtocolError() => RejectedAsync("bad_frame");

    [Fact] public Task UndecodableHeaderBlockIsACompressionError() => RejectedAsync("bad_hpack");

    [Fact] public Task MessageCutShortIsInternal() => RejectedAsync("truncated_message");

    [Fact] public Task LengthPrefixCutShortIsInternal() => RejectedAsync("truncated_prefix");

    [Fact] public Task MessageAboveTheReceiveLimitIsResourceExhausted() => RejectedAsync("oversized_message");

    // grpc-dotnet fails these before the handler runs and answers its generic UNKNOWN: no detail leaks.
    [Fact] public Task BytesThatAreNotTheRequestMessageAreUnknownWithoutDetail() => RejectedAsync("invalid_protobuf");

    [Fact] public Task CompressedFlagOtherThanZeroOrOneIsUnknownWithoutDetail() => RejectedAsync("invalid_compressed_flag");

    [Fact] public Task CompressedMessageWithoutGrpcEncodingIsInternal() => RejectedAsync("compressed_without_encoding");

    [Fact] public Task UnsupportedEncodingIsUnimplementedAndListsGzip() => RejectedAsync("unsupported_encoding");

    // grpc-dotnet ignores a grpc-timeout it cannot parse and serves the call without a deadline.
    [Fact] public Task UnparsableGrpcTimeoutIsIgnoredAndTheCallServed() => RejectedAsync("bad_timeout");

    [Fact] public Task NonGrpcContentTypeIsHttp415() => RejectedAsync("bad_content_type");

    [Fact] public Task ServerEndsACallThatOutlivesItsDeadline() => RejectedAsync("server_enforces_deadline");

    [Fact] public Task Http11OnTheCleartextHttp2PortGetsAnHttpError() => RejectedAsync("http1_cleartext");

    private async Task RejectedAsync(string testCase)
    {
        var result = await fixture.RunCaseAsync("malformed_client.py", testCase);
        Assert.True(result.ExitCode == 0, $"{testCase} failed: {result}\n--- server\n{fixture.Server.Output}");
        Assert.Contains($"PASS {testCase}", result.Stdout, StringComparison.Ordinal);
        Assert.False(fixture.Server.HasExited, "the interop server died");
    }
}
