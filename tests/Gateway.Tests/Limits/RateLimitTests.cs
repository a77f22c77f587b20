using CapacityHub.ServiceDefaults.Errors;
using System.Net;
using System.Net.Http.Headers;
using CapacityHub.Gateway.Tests.Forwarding;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Google.Rpc;

namespace CapacityHub.Gateway.Tests.Limits;

/// <summary>Per-user and per-organisation buckets, configured small and refilled only hourly so nothing refills mid-test.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private static readonly CallerIdentity First = new("user-1", "One", CallerRole.PartnerAgency, "etda", "TH", []);
    private static readonly CallerIdentity Colleague = new("user-2", "Two", CallerRole.PartnerAgency, "etda", "TH", []);
    private static readonly CallerIdentity Elsewhere = new("user-3", "Three", CallerRole.PartnerAgency, "cybersecurity-my", "MY", []);

    private GatewayUnderTest gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayUnderTest.StartAsync(new Dictionary<string, string?>
    {
        ["Limits:PerUser:TokenLimit"] = "2",
        ["Limits:PerUser:TokensPerPeriod"] = "1",
        ["Limits:PerUser:ReplenishmentPeriod"] = "01:00:00",
        ["Limits:PerOrganisation:TokenLimit"] = "3",
        ["Limits:PerOrganisation:TokensPerPeriod"] = "1",
        ["Limits:PerOrganisation:ReplenishmentPeriod"] = "01:00:00",
    });

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task AUserOverItsLimitGetsResourceExhaustedWithARetryHint()
    {
        await CallAsync(First);
        await CallAsync(First);

        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(First));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("retry after", error.Detail, StringComparison.Ordinal);
        var retry = error.GetRpcStatus()!.Details.Single(d => d.Is(RetryInfo.Descriptor)).Unpack<RetryInfo>();
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
        Assert.Equal(2, gateway.Calls.Calls.Count);
    }

    [Fact]
    public async Task AnOrganisationsUsersShareItsLimitWhileOtherOrganisationsGoOn()
    {
        await CallAsync(First);
        await CallAsync(First);
        await CallAsync(Colleague);

        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(Colleague));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        await CallAsync(Elsewhere);
        Assert.Equal(4, gateway.Calls.Calls.Count);
    }

    [Fact]
    public async Task HttpCallersOverTheLimitGet429WithRetryAfter()
    {
        await CallAsync(First);
        await CallAsync(First);
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Address), DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", gateway.TokenFor(First));

        using var response = await http.GetAsync("/demo/accounts");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    private Task<Training> CallAsync(CallerIdentity caller) =>
        new TrainingService.TrainingServiceClient(gateway.Channel)
            .GetTrainingAsync(new GetTrainingRequest { Name = "trainings/t1" }, GatewayUnderTest.Bearer(gateway.TokenFor(caller))).ResponseAsync;
}
