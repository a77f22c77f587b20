using System.Net;
using System.Net.Http.Headers;

namespace CapacityHub.LocalRun;

/// <summary>
/// Asks a process's grpc.health.v1.Health/Check whether it is SERVING, with nothing but
/// HttpClient over cleartext HTTP/2, exactly as a Kubernetes gRPC probe would.
/// </summary>
public sealed class HealthProbe : IDisposable
{
    // An empty HealthCheckRequest ("" = the whole server) in one uncompressed gRPC frame.
    private static readonly byte[] EmptyRequestFrame = [0, 0, 0, 0, 0];

    // HealthCheckResponse { status: SERVING } is field 1, varint 1.
    private static readonly byte[] ServingMessage = [0x08, 0x01];

    private readonly HttpClient client = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public async Task<bool> IsServingAsync(string address, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address + "/grpc.health.v1.Health/Check")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(EmptyRequestFrame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                && body.Length == 5 + ServingMessage.Length
                && body.AsSpan(5).SequenceEqual(ServingMessage);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => client.Dispose();
}
