using System.Net;
using System.Net.Http.Headers;
using CapacityHub.Rpc.Protocol;

namespace CapacityHub.Rpc.Client.Calls;

/// <summary>Builds the HTTP/2 request of a call: path, gRPC headers, deadline and metadata.</summary>
internal static class CallRequestFactory
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new(GrpcHeaders.ContentType);

    public static HttpRequestMessage Create(
        Uri baseAddress, IMethod method, Metadata headers, DateTime? deadline, RpcChannelOptions options, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };

        content.Headers.ContentType = GrpcContentType;
        var requestHeaders = request.Headers;
        requestHeaders.TryAddWithoutValidation(GrpcHeaders.Te, "trailers");
        requestHeaders.TryAddWithoutValidation(GrpcHeaders.UserAgent, options.UserAgent);
        requestHeaders.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, GrpcHeaders.SupportedEncodings);
        if (options.RequestCompression == GrpcHeaders.Gzip)
        {
            requestHeaders.TryAddWithoutValidation(GrpcHeaders.Encoding, GrpcHeaders.Gzip);
        }

        if (deadline is { } due)
        {
            requestHeaders.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(due - DateTime.UtcNow));
        }

        foreach (var entry in headers)
        {
            if (GrpcHeaders.IsReserved(entry.Key))
            {
                throw new RpcException(
                    StatusCode.Internal, $"Metadata key '{entry.Key}' is reserved by the gRPC protocol and cannot be sent.");
            }

            if (!entry.IsBinary && !IsPrintableAscii(entry.Value!))
            {
                throw new RpcException(
                    StatusCode.Internal,
                    $"Metadata '{entry.Key}' has a value with characters outside printable ASCII; send such data in a -bin key.");
            }

            var value = entry.IsBinary ? BinaryHeader.Encode(entry.ValueBytes) : entry.Value!;
            if (!requestHeaders.TryAddWithoutValidation(entry.Key, value))
            {
                throw new RpcException(StatusCode.Internal, $"Metadata '{entry.Key}' cannot be sent as an HTTP/2 header.");
            }
        }

        return request;
    }

    private static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
