using System.Collections.Concurrent;
using CapacityHub.Common.V1;
using CapacityHub.Partners.V1;
using Grpc.Core;
using Xunit.Abstractions;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>
/// SIGKILL of the Partners process in the middle of a loop of creates, then a restart on the same SQLite
/// file: every create the service acknowledged must be there, exactly as acknowledged.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class KillDuringWritesTests(EmptySystemFixture fixture, ITestOutputHelper output)
{
    private const int Writers = 4;
    private const int AcknowledgedBeforeKill = 150;
    // Organisations of this test only, told apart from the scenario's by their country.
    private const string Country = "BN";

    private readonly RunningSystem system = fixture.System;

    [Fact]
    public async Task EveryAcknowledgedCreateSurvivesAKilledProcess()
    {
        var acknowledged = new ConcurrentDictionary<string, Organisation>(StringComparer.Ordinal);
        var sent = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteUntilFailureAsync(w, sent, acknowledged, stop.Token))).ToArray();

        await WaitUntilAsync(() => acknowledged.Count >= AcknowledgedBeforeKill || writers.Any(t => t.IsCompleted), TimeSpan.FromSeconds(60));
        Assert.All(writers, t => Assert.False(t.IsFaulted, t.Exception?.ToString()));
        await system.System.Process("partners").KillAsync();
        // The run's supervisor starts Partners again by itself: a writer that had not yet called the dead process
        // must not carry on writing to the new one.
        stop.Cancel();
        var failures = await Task.WhenAll(writers);

        // Every writer was cut off by the kill, not by anything else.
        Assert.All(failures, f => Assert.Contains(f, new[] { StatusCode.Unavailable, StatusCode.Internal, StatusCode.Unknown, StatusCode.Cancelled }));
        await system.System.StartServiceAsync("partners");
        await UntilReachableAsync();

        var admin = system.As(Callers.Admin);
        foreach (var (requestId, ack) in acknowledged)
        {
            var read = await system.Clients.Partners.GetOrganisationAsync(new GetOrganisationRequest { Name = ack.Name }, admin);
            Assert.Equal(ack, read);
        }

        // Retrying every request sent, acknowledged or cut off, returns one organisation per request and no more.
        foreach (var requestId in sent.Keys)
        {
            var retried = await Create(requestId, admin);
            if (acknowledged.TryGetValue(requestId, out var ack))
            {
                Assert.Equal(ack, retried);
            }
        }

        var stored = await ListAllAsync();
        output.WriteLine($"{acknowledged.Count} creates acknowledged before the kill, {sent.Count} sent; {stored.Count} stored after retrying all");
        Assert.Equal(sent.Count, stored.Count);
        Assert.Equal(sent.Count, stored.Select(o => o.DisplayName).Distinct(StringComparer.Ordinal).Count());
        Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"only {acknowledged.Count} writes were acknowledged before the kill");
    }

    private async Task<StatusCode> WriteUntilFailureAsync(
        int writer, ConcurrentDictionary<string, bool> sent, ConcurrentDictionary<string, Organisation> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var requestId = $"kill-{writer}-{i}";
            sent[requestId] = true;
            try
            {
                acknowledged[requestId] = await Create(requestId, system.As(Callers.Admin));
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }

        return StatusCode.Cancelled;
    }

    private Task<Organisation> Create(string requestId, CallOptions caller) =>
        system.Clients.Partners.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            RequestId = requestId,
            Organisation = new Organisation
            {
                DisplayName = $"Kill test {requestId}",
                Type = OrganisationType.Csirt,
                CountryCode = Country,
                RegionGroups = { RegionGroup.Asean },
            },
        }, caller).ResponseAsync;

    private async Task<List<Organisation>> ListAllAsync()
    {
        var all = new List<Organisation>();
        var request = new ListOrganisationsRequest { CountryCode = Country, PageSize = 1000 };
        do
        {
            var page = await system.Clients.Partners.ListOrganisationsAsync(request, system.As(Callers.Admin));
            all.AddRange(page.Organisations);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return all;
    }

    /// <summary>
    /// The shared client channel backed off while Partners was down and may refuse calls for a few seconds more
    /// (grpc reconnect back-off, up to 5 s); this test's reads, and the tests after it, need it connected again.
    /// </summary>
    private async Task UntilReachableAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await system.Clients.Partners.ListOrganisationsAsync(new ListOrganisationsRequest { CountryCode = Country, PageSize = 1 }, system.As(Callers.Admin));
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {timeout.TotalSeconds:0}s");
            await Task.Delay(20);
        }
    }
}
