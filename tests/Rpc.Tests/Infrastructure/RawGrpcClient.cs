using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace CapacityHub.Rpc.Tests.Infrastructure;

/// <summary>
/// A deliberately dumb gRPC client: HttpClient over HTTP/2 with frames built by hand, so the server is
/// tested against the wire protocol rather than against our own client.
/// </summary>
public sealed class RawGrpcClient(Uri address) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray(), compressed: false);

    public static byte[] Frame(byte[] payload, bool compressed, uint? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static HttpRequestMessage Request(string path, byte[] body, string contentType = "application/grpc")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.ParseAdd("trailers");
        return request;
    }

    public Task<RawResponse> CallAsync(string path, params byte[][] frames) =>
        SendAsync(Request(path, frames.SelectMany(f => f).ToArray()));

    public async Task<RawResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return RawResponse.From(response, body);
    }

    /// <summary>Starts a call whose request body is written frame by frame while the response streams back.</summary>
    public async Task<StreamingCall> StartStreamingAsync(string path, Action<HttpRequestMessage>? configure = null)
    {
        var content = new PushContent();
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.ParseAdd("trailers");
        configure?.Invoke(request);
        var responseTask = _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new StreamingCall(content, responseTask);
    }

    public HttpClient Http => _http;

    public void Dispose() => _http.Dispose();
}
