using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: BareKestrel --port N --response-file PATH
// Answers every POST with the bytes of PATH (an already length-prefixed gRPC message),
// content-type application/grpc and a grpc-status: 0 trailer: the cost of HTTP/2 alone.
var port = int.Parse(ArgValue(args, "--port") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
var responseFile = ArgValue(args, "--response-file")
    ?? throw new ArgumentException("--response-file is required");
var response = await File.ReadAllBytesAsync(responseFile);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));

var app = builder.Build();
app.Run(async context =>
{
    // Read the whole request, as any real server must before it answers a unary call.
    var reader = context.Request.BodyReader;
    while (true)
    {
        var read = await reader.ReadAsync(context.RequestAborted);
        reader.AdvanceTo(read.Buffer.End);
        if (read.IsCompleted)
        {
            break;
        }
    }

    context.Response.ContentType = "application/grpc";
    context.Response.AppendTrailer("grpc-status", "0");
    await context.Response.BodyWriter.WriteAsync(response, context.RequestAborted);
});

await app.StartAsync();
var address = app.Urls.First();
Console.WriteLine($"Listening on port {new Uri(address).Port}");
await app.WaitForShutdownAsync();

static string? ArgValue(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
