using CapacityHub.Interop.Server;
using CapacityHub.Rpc;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: CapacityHub.Interop.Server --port N [--host ADDRESS] [--use_tls true [--tls_cert_out PEM]]
// Prints "Listening on port N" once it accepts calls (useful with --port 0).
var options = ServerOptions.Parse(args);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Host, options.Port, listen =>
{
    if (options.UseTls)
    {
        // With TLS, ALPN picks HTTP/2 for gRPC clients; HTTP/1.1 clients reach the RPC layer and get 426.
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
builder.Services.AddRpc(rpc => rpc.MaxReceiveMessageSize = 4 * 1024 * 1024);

var app = builder.Build();
app.MapRpcService<InteropTestService>();
app.MapRpcHealth();
app.MapRpcReflection();

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"Listening on port {new Uri(address).Port}");
await app.WaitForShutdownAsync();
