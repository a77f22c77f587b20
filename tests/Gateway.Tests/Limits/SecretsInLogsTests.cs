using CapacityHub.Gateway.Tests.Forwarding;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Tests.Limits;

/// <summary>Bearer tokens and minted caller tokens never appear in the gateway's logs, even at Trace level.</summary>
public sealed class SecretsInLogsTests : IAsyncLifetime
{
    private GatewayUnderTest gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayUnderTest.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task NoTokenIsLoggedOnGoodBadOrFailingCalls()
    {
        var client = new TrainingService.TrainingServiceClient(gateway.Channel);
        var good = gateway.TokenFor(new CallerIdentity("user-1", "One", CallerRole.Administrator, null, null, []));
        var expired = good[..^4] + "AAAA";

        await client.GetTrainingAsync(new GetTrainingRequest { Name = "trainings/t1" }, GatewayUnderTest.Bearer(good));
        await Assert.ThrowsAsync<RpcException>(() => client.GetTrainingAsync(new GetTrainingRequest(), GatewayUnderTest.Bearer(expired)).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => new Programmes.V1.ProgrammeService.ProgrammeServiceClient(gateway.Channel)
            .GetProgrammeAsync(new Programmes.V1.GetProgrammeRequest(), GatewayUnderTest.Bearer(good)).ResponseAsync);

        var minted = Assert.Single(gateway.Calls.Calls).Headers.GetValue(CallerTokenOptions.MetadataKey)!;
        var lines = gateway.Logs.Lines.ToList();
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Contains("Programmes", StringComparison.Ordinal));
        foreach (var secret in new[] { good, expired, minted, SignatureOf(good), SignatureOf(minted) })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static string SignatureOf(string jwt) => jwt[(jwt.LastIndexOf('.') + 1)..];
}
