using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using CapacityHub.Rpc.Protocol;
using Google.Protobuf;

namespace CapacityHub.Rpc.Tests.Infrastructure;

/// <summary>A finished response as seen on the wire: HTTP status, headers, frames and trailers.</summary>
public sealed record RawResponse(
    HttpStatusCode HttpStatus,
    Version Version,
    Dictionary<string, string> Headers,
    List<(bool Compressed, byte[] Payload)> Frames,
    Dictionary<string, string> Trailers)
{
    /// <summary>True when the status came in the response headers with no body (trailers-only).</summary>
    public bool TrailersOnly => Headers.ContainsKey(GrpcHeaders.Status) && Frames.Count == 0 && Trailers.Count == 0;

    public StatusCode? Status
    {
        get
        {
            var text = Trailers.GetValueOrDefault(GrpcHeaders.Status) ?? Headers.GetValueOrDefault(GrpcHeaders.Status);
            return text is null ? null : (StatusCode)int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public string? RawMessage => Trailers.GetValueOrDefault(GrpcHeaders.Message) ?? Headers.GetValueOrDefault(GrpcHeaders.Message);

    public string? Message => RawMessage is null ? null : PercentEncoding.Decode(RawMessage);

    public string? StatusField(string name) => Trailers.GetValueOrDefault(name) ?? Headers.GetValueOrDefault(name);

    public T Single<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        Assert.Single(Frames);
        return Parse(parser, 0);
    }

    public T Parse<T>(MessageParser<T> parser, int index)
        where T : IMessage<T>
    {
        var (compressed, payload) = Frames[index];
        if (compressed)
        {
            Assert.Equal("gzip", Headers.GetValueOrDefault(GrpcHeaders.Encoding));
            using var input = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            payload = output.ToArray();
        }

        return parser.ParseFrom(payload);
    }

    public static RawResponse From(HttpResponseMessage response, byte[] body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(",", values);
        }

        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.TrailingHeaders)
        {
            trailers[name] = string.Join(",", values);
        }

        return new RawResponse(response.StatusCode, response.Version, headers, ParseFrames(body), trailers);
    }

    public static List<(bool, byte[])> ParseFrames(ReadOnlySpan<byte> body)
    {
        var frames = new List<(bool, byte[])>();
        while (body.Length > 0)
        {
            Assert.True(body.Length >= 5, "Response ends inside a frame header.");
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body[1..]);
            Assert.True(body.Length >= 5 + length, "Response ends inside a frame.");
            frames.Add((body[0] == 1, body.Slice(5, length).ToArray()));
            body = body[(5 + length)..];
        }

        return frames;
    }
}
