using System.Security.Cryptography.X509Certificates;

namespace CapacityHub.Interop.Tests.Infrastructure;

/// <summary>An interop server started with --use_tls: HTTP/1.1 and HTTP/2 chosen by ALPN, self-signed certificate.</summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "capacityhub-interop-tls-" + Guid.NewGuid().ToString("N"));

    public InteropServerProcess Server { get; private set; } = null!;

    public string CertificatePath => Path.Combine(_directory, "server.pem");

    public X509Certificate2 Certificate { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Server = await InteropServerProcess.StartAsync("--use_tls", "true", "--tls_cert_out", CertificatePath);
        Certificate = X509CertificateLoader.LoadCertificateFromFile(CertificatePath);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Certificate?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>An HttpClient that trusts exactly this server's certificate and speaks the given HTTP version.</summary>
    public HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString(),
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{Server.Port}") };
    }
}
