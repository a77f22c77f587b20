using System.IO.Compression;

namespace CapacityHub.Rpc;

/// <summary>Server-wide settings, configured through <c>AddRpc(options => ...)</c>.</summary>
public sealed class RpcServerOptions
{
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>Largest request message accepted (after decompression); larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = DefaultMaxReceiveMessageSize;

    /// <summary>
    /// "gzip" to compress every response when the caller accepts it. Responses are also gzipped
    /// when the caller itself sent gzip and accepts it back.
    /// </summary>
    public string? ResponseCompression { get; set; }

    public CompressionLevel CompressionLevel { get; set; } = CompressionLevel.Fastest;

    /// <summary>Interceptors run around every call, first added outermost.</summary>
    public IList<Type> Interceptors { get; } = new InterceptorList();

    private sealed class InterceptorList : List<Type>
    {
    }
}
