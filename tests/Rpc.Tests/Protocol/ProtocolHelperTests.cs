using System.Buffers;
using System.IO.Pipelines;
using CapacityHub.Rpc.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Rpc.Tests.Protocol;

public sealed class ProtocolHelperTests
{
    [Theory]
    [InlineData("1H", 3600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("30S", 30_000)]
    [InlineData("250m", 250)]
    [InlineData("99999999m", 99_999_999)]
    public void GrpcTimeoutParsesEveryUnit(string text, long milliseconds)
    {
        Assert.True(GrpcTimeout.TryParse(text, out var timeout));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), timeout);
    }

    [Fact]
    public void GrpcTimeoutParsesSubMillisecondUnits()
    {
        Assert.True(GrpcTimeout.TryParse("1500u", out var micros));
        Assert.True(GrpcTimeout.TryParse("2000n", out var nanos));
        Assert.Equal(TimeSpan.FromMicroseconds(1500), micros);
        Assert.Equal(TimeSpan.FromTicks(20), nanos);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("123456789S")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    [InlineData("10s")]
    public void GrpcTimeoutRejectsMalformedValues(string text) => Assert.False(GrpcTimeout.TryParse(text, out _));

    [Theory]
    [InlineData(0.5)]
    [InlineData(250)]
    [InlineData(30_000)]
    [InlineData(86_400_000)]
    [InlineData(400_000_000_000)]
    public void GrpcTimeoutFormatFitsEightDigitsAndNeverShortens(double milliseconds)
    {
        var timeout = TimeSpan.FromMilliseconds(milliseconds);
        var text = GrpcTimeout.Format(timeout);

        Assert.InRange(text.Length, 2, 9);
        Assert.True(GrpcTimeout.TryParse(text, out var parsed));
        Assert.True(parsed >= timeout, $"{text} is shorter than {timeout}");
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("ünï", "%C3%BCn%C3%AF")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void PercentEncodingRoundTrips(string text, string wire)
    {
        Assert.Equal(wire, PercentEncoding.Encode(text));
        Assert.Equal(text, PercentEncoding.Decode(wire));
    }

    [Fact]
    public void PercentDecodingKeepsMalformedEscapes() => Assert.Equal("50%zz%4", PercentEncoding.Decode("50%zz%4"));

    [Fact]
    public void BinaryHeadersAreSentUnpaddedAndReadEitherWay()
    {
        byte[] value = [1, 2, 3, 4];

        Assert.Equal("AQIDBA", BinaryHeader.Encode(value));
        Assert.Equal(value, BinaryHeader.Decode("AQIDBA"));
        Assert.Equal(value, BinaryHeader.Decode("AQIDBA=="));
        Assert.False(BinaryHeader.TryDecode("A", out _));
    }

    [Fact]
    public void StatusSurvivesTheTrailerRoundTrip()
    {
        var error = RpcException.InvalidArgument("bad title", new FieldViolation("title", "required"));
        var trailers = StatusTrailers.ToHeaders(error.Status).ToDictionary(p => p.Key, p => p.Value);

        var status = StatusTrailers.FromHeaders(trailers.GetValueOrDefault);

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Equal("bad title", status.Detail);
        Assert.Equal([new FieldViolation("title", "required")], new RpcException(status).FieldViolations());
    }

    [Fact]
    public void MissingStatusIsUnknown() =>
        Assert.Equal(StatusCode.Unknown, StatusTrailers.FromHeaders(_ => null).StatusCode);

    [Fact]
    public async Task FramesWrittenToAPipeReadBackAsMessages()
    {
        var pipe = new Pipe();
        var first = new StringValue { Value = "first" };
        var second = new StringValue { Value = new string('x', 10_000) };
        MessageFraming.WriteMessage(pipe.Writer, first, compress: false);
        MessageFraming.WriteMessage(pipe.Writer, second, compress: true);
        await pipe.Writer.CompleteAsync();

        Assert.Equal(first, await MessageFraming.ReadMessageAsync(pipe.Reader, StringValue.Parser, "gzip", 1 << 20, default));
        Assert.Equal(second, await MessageFraming.ReadMessageAsync(pipe.Reader, StringValue.Parser, "gzip", 1 << 20, default));
        Assert.Null(await MessageFraming.ReadMessageAsync(pipe.Reader, StringValue.Parser, "gzip", 1 << 20, default));
    }

    [Fact]
    public void FrameLargerThanTheLimitIsRefusedFromItsHeader()
    {
        var buffer = new ReadOnlySequence<byte>([0, 0, 1, 0, 0]);

        var error = Assert.Throws<RpcException>(() => MessageFraming.TryReadFrame(ref buffer, 1000, out _, out _));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void MetadataKeysAreCaseInsensitiveAndBinaryKeysNeedBytes()
    {
        var metadata = new Metadata().Add("X-Trace", "abc").Add("x-blob-bin", [9]);

        Assert.Equal("abc", metadata.GetValue("x-trace"));
        Assert.Equal([(byte)9], metadata.GetBytes("X-BLOB-BIN")!);
        Assert.Throws<ArgumentException>(() => metadata.Add("x-blob-bin", "text"));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-text", [1]));
        Assert.Throws<ArgumentException>(() => metadata.Add("bad key", "v"));
    }
}
