using CapacityHub.ServiceDefaults.Clients;
using CapacityHub.Programmes.Extensions;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.TestSupport;
using static CapacityHub.Programmes.Tests.SampleProgrammes;

namespace CapacityHub.Programmes.Tests.Hosting;

/// <summary>The service as Program.cs wires it, on a real HTTP/2 socket, called with the generated client.</summary>
public sealed class ProgrammesHttpTests : IAsyncLifetime
{
    private ServiceTestHost? host;

    private ServiceChannel? asAdministrator;

    private ProgrammeService.ProgrammeServiceClient Client => new(asAdministrator!);

    public async Task InitializeAsync()
    {
        host = await ServiceTestHost.StartAsync("programmes", b => b.AddProgrammes(), a => a.MapProgrammes(),
            settings: new Dictionary<string, string?> { ["Identity:SigningKey"] = TestCallers.SigningKey });
        asAdministrator = TestCallers.ChannelAs(host.Channel.Address, TestCallers.Administrator);
    }

    public async Task DisposeAsync()
    {
        asAdministrator?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
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
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = p, RequestId = "http-2" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(e.FieldViolations(), v => v.Field == "programme.code");
    }

    [Fact]
    public async Task StateMachineRefusalIsFailedPreconditionWithReadableMessage()
    {
        var created = await Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = IcsTraining(), RequestId = "http-3" });
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.CloseProgrammeAsync(new ChangeProgrammeStatusRequest { Name = created.Name }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("JPUS-ICS", e.Detail);
    }

    [Fact]
    public async Task ServiceRefusesAManagerOfOtherProgrammesAndACallWithoutToken()
    {
        var created = await Client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = IcsTraining(), RequestId = "http-4" });
        using var other = TestCallers.ChannelAs(host!.Channel.Address, TestCallers.OtherManager());
        var denied = await Assert.ThrowsAsync<RpcException>(() => new ProgrammeService.ProgrammeServiceClient(other)
            .CancelProgrammeAsync(new ChangeProgrammeStatusRequest { Name = created.Name, Reason = "not mine" }).ResponseAsync);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => new ProgrammeService.ProgrammeServiceClient(host.Channel)
            .GetProgrammeAsync(new GetProgrammeRequest { Name = created.Name }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("ProgrammeManager", denied.Detail);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }
}
