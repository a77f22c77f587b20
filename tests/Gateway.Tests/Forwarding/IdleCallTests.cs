using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Tests.Forwarding;

/// <summary>
/// A gateway whose idle limit for forwarded calls is one second: a call on which nothing moves is given up,
/// a watch that is quiet between snapshots is not.
/// </summary>
public sealed class IdleCallTests : IAsyncLifetime
{
    private static readonly CallerIdentity PartnerTh = new("user-th", "Kanya", CallerRole.PartnerAgency, "etda", "TH", []);

    private GatewayUnderTest gateway = null!;

    public async Task InitializeAsync() =>
        gateway = await GatewayUnderTest.StartAsync(new Dictionary<string, string?> { ["Limits:IdleCallTimeout"] = "00:00:01" });

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task ACallTheServiceNeverAnswersEndsWithDeadlineExceededNamingTheServiceAndCancelsIt()
    {
        // No deadline from the client: only the gateway's idle limit can end this call.
        using var plain = global::Grpc.Net.Client.GrpcChannel.ForAddress(gateway.Address);
        var bearer = GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new TrainingService.TrainingServiceClient(plain).ListTrainingsAsync(new ListTrainingsRequest(), new CallOptions(bearer.Headers)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("Trainings service", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", error.Status.Detail, StringComparison.Ordinal);
        await gateway.Calls.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AWatchQuietForLongerThanTheIdleLimitKeepsStreaming()
    {
        var impact = new ImpactService.ImpactServiceClient(gateway.Channel);
        var request = new GetImpactMetricsRequest { Programmes = { "programmes/quiet" } };
        using var call = impact.WatchImpactMetrics(request, GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh)));

        var received = new List<long>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            received.Add(call.ResponseStream.Current.Countries);
        }

        Assert.Equal([1L, 2L, 3L], received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }
}
