using CapacityHub.Interop.Tests.Infrastructure;

namespace CapacityHub.Interop.Tests;

/// <summary>
/// Broken requests sent over raw HTTP/2 (python3-h2): each must get its precise error, and the
/// server must go on serving well-formed calls afterwards (the scripts check both).
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class MalformedInputTests(InteropFixture fixture)
{
    [Fact] public Task DataFrameOnStreamZeroIsAConnectionProtocolError() => RejectedAsync("bad_frame");

    [Fact] public Task UndecodableHeaderBlockIsACompressionError() => RejectedAsync("bad_hpack");

    [Fact] public Task MessageCutShortIsInternal() => RejectedAsync("truncated_message");

    [Fact] public Task LengthPrefixCutShortIsInternal() => RejectedAsync("truncated_prefix");

    [Fact] public Task MessageAboveTheReceiveLimitIsResourceExhausted() => RejectedAsync("oversized_message");

    [Fact] public Task BytesThatAreNotTheRequestMessageAreInternal() => RejectedAsync("invalid_protobuf");

    [Fact] public Task CompressedFlagOtherThanZeroOrOneIsInternal() => RejectedAsync("invalid_compressed_flag");

    [Fact] public Task CompressedMessageWithoutGrpcEncodingIsInternal() => RejectedAsync("compressed_without_encoding");

    [Fact] public Task UnsupportedEncodingIsUnimplementedAndListsGzip() => RejectedAsync("unsupported_encoding");

    [Fact] public Task UnparsableGrpcTimeoutIsRejected() => RejectedAsync("bad_timeout");

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
