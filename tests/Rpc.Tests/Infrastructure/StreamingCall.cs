using System.Buffers.Binary;
using System.Net;
using System.Threading.Channels;
using Google.Protobuf;

namespace CapacityHub.Rpc.Tests.Infrastructure;

/// <summary>A call in progress: frames can be sent and response frames read one by one.</summary>
public sealed class StreamingCall(PushContent content, Task<HttpResponseMessage> responseTask) : IDisposable
{
    private Stream? _body;
    private HttpResponseMessage? _response;

    public Task SendAsync(IMessage message) => content.SendAsync(RawGrpcClient.Frame(message));

    public void CompleteRequest() => content.Complete();

    public async Task<HttpResponseMessage> ResponseAsync() => _response ??= await responseTask.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>The next response message, or null at end of stream.</summary>
    public async Task<T?> ReadAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        _body ??= await (await ResponseAsync()).Content.ReadAsStreamAsync();
        var header = new byte[5];
        if (!await ReadExactlyOrEndAsync(_body, header))
        {
            return null;
        }

        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        await _body.ReadExactlyAsync(payload).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return parser.ParseFrom(payload);
    }

    public async Task<Dictionary<string, string>> TrailersAsync()
    {
        var response = await ResponseAsync();
        _body ??= await response.Content.ReadAsStreamAsync();
        await _body.CopyToAsync(Stream.Null).WaitAsync(TimeSpan.FromSeconds(10));
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.TrailingHeaders.Concat(response.Headers))
        {
            result.TryAdd(name, string.Join(",", values));
        }

        return result;
    }

    public void Dispose()
    {
        content.Complete();
        _body?.Dispose();
        _response?.Dispose();
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream stream, byte[] buffer)
    {
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return read == buffer.Length;
    }
}

/// <summary>Request content written as the test goes, so client streaming can interleave with responses.</summary>
public sealed class PushContent : HttpContent
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>();

    public PushContent() => Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");

    public Task SendAsync(byte[] frame) => _frames.Writer.WriteAsync(frame).AsTask();

    public void Complete() => _frames.Writer.TryComplete();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await foreach (var frame in _frames.Reader.ReadAllAsync())
        {
            await stream.WriteAsync(frame);
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
