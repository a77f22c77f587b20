using CapacityHub.Programmes.Extensions;
using CapacityHub.Programmes.V1;
using CapacityHub.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static CapacityHub.Programmes.Tests.SampleProgrammes;

namespace CapacityHub.Programmes.Tests.Hosting;

/// <summary>The service as Program.cs wires it, on a real HTTP/2 socket, called with the generated client.</summary>
public sealed class ProgrammesHttpTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "capacityhub-programmes-http-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;
    private RpcChannel? channel;

    private ProgrammeService.ProgrammeServiceClient Client => new(channel!);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Storage:Path"] = Path.Combine(folder, "programmes.db"),
        });
        builder.AddProgrammes();
        app = builder.Build();
        app.MapProgrammes();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        channel = RpcChannel.ForAddress(address);
    }

    public async Task DisposeAsync()
    {
        channel?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task CreateStartAndCheckOverHttp2()
    {
        var created = await Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = IcsTraining(), RequestId = "http-1" });
        await Client.StartImplementationAsync(new ChangeProgrammeStatusRequest { Name = created.Name, Etag = created.Etag, EffectiveDate = D(2018, 4, 2) });

        var answer = await Client.CheckTrainingWindowAsync(new CheckTrainingWindowRequest
        {
            Programme = created.Name,
            TrainingDates = Range(D(2018, 9, 10), D(2018, 9, 14)),
            Organisations = { Etda },
        });

        Assert.True(answer.Allowed);
        Assert.True(answer.Organisations[0].MayNominate);
    }

    [Fact]
    public async Task ValidationErrorsArriveAsInvalidArgumentWithFieldViolations()
    {
        var p = IcsTraining();
        p.Code = "";
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = p, RequestId = "http-2" }));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(e.FieldViolations(), v => v.Field == "programme.code");
    }

    [Fact]
    public async Task StateMachineRefusalIsFailedPreconditionWithReadableMessage()
    {
        var created = await Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = IcsTraining(), RequestId = "http-3" });
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.CloseProgrammeAsync(new ChangeProgrammeStatusRequest { Name = created.Name }));

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("JPUS-ICS", e.Detail);
    }
}
