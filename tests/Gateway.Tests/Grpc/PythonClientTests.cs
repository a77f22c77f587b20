using System.Diagnostics;
using CapacityHub.Partners.V1;
using Google.Protobuf;

namespace CapacityHub.Gateway.Tests.Grpc;

/// <summary>A real foreign gRPC implementation (Python grpcio) calls the running system through the gateway.</summary>
[Collection(RunningSystemCollection.Name)]
public sealed class PythonClientTests(RunningSystem system)
{
    private const string ListOrganisations = "/capacityhub.partners.v1.PartnerService/ListOrganisations";

    [Fact]
    public async Task GrpcioWithABearerTokenListsWhatTheAdministratorCreated()
    {
        var admin = await system.TokenAsync("admin");
        var created = await new PartnerService.PartnerServiceClient(system.Channel).CreateOrganisationAsync(new CreateOrganisationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Organisation = new Organisation
            {
                DisplayName = "Python Interop Agency " + Guid.NewGuid().ToString("N")[..8],
                Type = OrganisationType.Csirt,
                CountryCode = "VN",
            },
        }, RunningSystem.As(admin));
        var request = new ListOrganisationsRequest { PageSize = 1000 };

        var (status, payload) = await RunAsync(ListOrganisations, await system.TokenAsync("manager"), request);

        Assert.True(status == "OK", $"{status} {payload}");
        var response = ListOrganisationsResponse.Parser.ParseFrom(Convert.FromHexString(payload));
        Assert.Contains(response.Organisations, o => o.Name == created.Name && o.DisplayName == created.DisplayName);
    }

    [Fact]
    public async Task GrpcioWithoutATokenIsUnauthenticated()
    {
        var (status, details) = await RunAsync(ListOrganisations, null, new ListOrganisationsRequest());

        Assert.Equal("UNAUTHENTICATED", status);
        Assert.Contains("Bearer", details, StringComparison.Ordinal);
    }

    private async Task<(string Status, string Text)> RunAsync(string method, string? token, IMessage request)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-u", Path.Combine(AppContext.BaseDirectory, "python", "gateway_call.py"),
            $"{system.GatewayGrpc.Host}:{system.GatewayGrpc.Port}", method, token ?? "-", Convert.ToHexString(request.ToByteArray()),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"python exited {process.ExitCode}: {await errors}");
        var line = (await output).Trim();
        var space = line.IndexOf(' ');
        return space < 0 ? (line, "") : (line[..space], line[(space + 1)..]);
    }
}
