using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CapacityHub.Rpc.Tests.Client.Support;

namespace CapacityHub.Rpc.Tests.Client;

/// <summary>https:// addresses: TLS with ALPN h2 against grpcio, trusting a private certificate through the options.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "capacityhub-rpc-tls-" + Guid.NewGuid().ToString("N"));
    private X509Certificate2? _certificate;
    private PythonEchoServer? _server;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(_directory, "server.crt");
        var keyPath = Path.Combine(_directory, "server.key");
        await File.WriteAllTextAsync(certPath, _certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
        _server = await PythonEchoServer.StartAsync("--tls-cert", certPath, "--tls-key", keyPath);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _certificate?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task CallsSucceedWhenTheServerCertificateIsTrustedThroughTheOptions()
    {
        var expected = _certificate!.Thumbprint;
        var options = new RpcChannelOptions
        {
            ServerCertificateValidation = (_, certificate, _, _) =>
                certificate is not null && new X509Certificate2(certificate).Thumbprint == expected,
        };
        using var channel = RpcChannel.ForAddress($"https://localhost:{_server!.Port}", options);

        var reply = await channel.UnaryAsync(Echo.Say, Echo.Text("over TLS"), default);

        Assert.Equal("over TLS", reply.Value);
    }

    [Fact]
    public async Task UntrustedServerCertificatesFailTheCall()
    {
        using var channel = RpcChannel.ForAddress($"https://localhost:{_server!.Port}", new RpcChannelOptions { Retry = RetryPolicy.None });

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Echo.Say, Echo.Text("x"), default));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
