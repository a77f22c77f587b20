using System.IO.Compression;
using CapacityHub.Interop.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// Usage: CapacityHub.Interop.Server --port N [--host ADDRESS] [--use_tls true [--tls_cert_out PEM]]
// Prints "Listening on port N" once it accepts calls (useful with --port 0).
var options = ServerOptions.Parse(args);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Host, options.Port, listen =>
{
    if (options.UseTls)
    {
        // With TLS, ALPN picks HTTP/2 for gRPC clients; HTTP/1.1 clients reach grpc-dotnet, which answers 426.
        var certificate = SelfSignedCertificate.Create();
        if (options.CertificateOut is not null)
        {
            SelfSignedCertificate.WritePem(certificate, options.CertificateOut);
        }

        listen.Protocols = HttpProtocols.Http1AndHttp2;
        listen.UseHttps(certificate);
    }
    else
    {
        // Cleartext gRPC is HTTP/2 with prior knowledge.
        listen.Protocols = HttpProtocols.Http2;
    }
}));
builder.Services.AddGrpc(grpc =>
{
    // The same 4 MiB limit as CapacityHub's services, so the interop tests check the limit they rely on.
    grpc.MaxReceiveMessageSize = 4 * 1024 * 1024;
    // gzip is what the interop cases ask for; grpc-dotnet uses it only with clients that accept it, and
    // CompressionFeature turns it off per message unless the request asks for a compressed answer.
    grpc.ResponseCompressionAlgorithm = CompressionFeature.Algorithm;
    grpc.ResponseCompressionLevel = CompressionLevel.Fastest;
});
builder.Services.AddGrpcReflection();
// grpc-dotnet reports UNKNOWN, not SERVING, for a server with no health check at all: one that is healthy
// while the process answers makes grpc.health.v1 say SERVING, as a probe expects.
builder.Services.AddGrpcHealthChecks().AddCheck("process", () => HealthCheckResult.Healthy());

var app = builder.Build();
app.MapGrpcService<InteropTestService>();
app.MapGrpcReflectionService();
app.MapGrpcHealthChecksService();

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"Listening on port {new Uri(address).Port}");
await app.WaitForShutdownAsync();
