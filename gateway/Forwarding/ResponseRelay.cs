using System.Net;
using CapacityHub.Rpc;
using CapacityHub.Rpc.Protocol;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>Copies a service's answer to the client: headers, frames as they arrive, then trailers.</summary>
internal static class ResponseRelay
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task CopyAsync(HttpContext http, HttpResponseMessage response, BackendTarget target, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            StatusAnswer.Write(http, new RpcStatus(StatusAnswer.FromHttpStatus((int)response.StatusCode),
                $"The {target.Name} service answered HTTP {(int)response.StatusCode} instead of a gRPC response."));
            return;
        }

        var client = http.Response;
        client.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (ForwardedHeaders.ToClient(name))
            {
                client.Headers[name] = values.ToArray();
            }
        }

        var statusInHeaders = response.Headers.Contains(GrpcHeaders.Status);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var writer = client.BodyWriter;
        while (true)
        {
            var read = await body.ReadAsync(writer.GetMemory(ChunkBytes), cancellationToken);
            if (read == 0)
            {
                break;
            }

            writer.Advance(read);
            var flushed = await writer.FlushAsync(cancellationToken);
            if (flushed.IsCanceled || flushed.IsCompleted)
            {
                return;
            }
        }

        if (statusInHeaders)
        {
            return;
        }

        var statusInTrailers = false;
        foreach (var (name, values) in response.TrailingHeaders)
        {
            statusInTrailers |= string.Equals(name, GrpcHeaders.Status, StringComparison.OrdinalIgnoreCase);
            foreach (var value in values)
            {
                client.AppendTrailer(name, value);
            }
        }

        if (!statusInTrailers)
        {
            StatusAnswer.Write(http, new RpcStatus(StatusCode.Internal, $"The {target.Name} service ended the call without a status."));
        }
    }
}
