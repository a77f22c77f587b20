using CapacityHub.Common.V1;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Trainings.Tests.Api.TrainingsServiceHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>WatchImpactMetrics over real HTTP/2: first message at once, a new one per change, and how the stream ends.</summary>
public sealed class WatchImpactMetricsTests : IAsyncLifetime
{
    // A guard against hanging forever, not a synchronisation: every wait below ends on an event first.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly TrainingsServiceHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private ImpactService.ImpactServiceClient Impact => new(_host.Channel);

    private OutcomeReportService.OutcomeReportServiceClient Reports => new(_host.Channel);

    private static GetImpactMetricsRequest Query => new() { Programmes = { Programme } };

    private async Task<OutcomeReport> CreateReportAsync() => await Reports.CreateOutcomeReportAsync(
        new CreateOutcomeReportRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            OutcomeReport = new OutcomeReport
            {
                Programme = Programme,
                PartnerOrganisation = Partner,
                Period = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2026, Month = 6, Day = 30 } },
                DueDate = new Date { Year = 2099, Month = 1, Day = 31 },
                Narrative = "Exercise held.",
            },
        },
        _host.As(PartnerAgency));

    private static async Task<ImpactMetrics> NextAsync(AsyncServerStreamingCall<ImpactMetrics> call)
    {
        using var guard = new CancellationTokenSource(Guard);
        Assert.True(await call.ResponseStream.MoveNext(guard.Token), "the stream ended early");
        return call.ResponseStream.Current;
    }

    [Fact]
    public async Task SendsCurrentMetricsAtOnceThenAfterEachChange()
    {
        await CreateReportAsync();
        using var call = Impact.WatchImpactMetrics(Query, _host.As(Manager));

        var first = await NextAsync(call);
        Assert.Equal(1, first.ReportsReceived.Denominator);
        Assert.Equal(0, first.ReportsReceived.Numerator);

        var report = await CreateReportAsync();
        var afterCreate = await NextAsync(call);
        Assert.Equal(2, afterCreate.ReportsReceived.Denominator);

        await Reports.SubmitOutcomeReportAsync(new SubmitOutcomeReportRequest { Name = report.Name, RequestId = "s-1" }, _host.As(PartnerAgency));
        var afterSubmit = await NextAsync(call);
        Assert.Equal(1, afterSubmit.ReportsReceived.Numerator);
    }

    [Fact]
    public async Task ClientCancellationEndsTheStream()
    {
        using var cancel = new CancellationTokenSource();
        using var call = Impact.WatchImpactMetrics(Query, _host.As(Manager, cancellationToken: cancel.Token));
        await NextAsync(call);

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(error is OperationCanceledException || (error is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled), error.ToString());
    }

    [Fact]
    public async Task DeadlineEndsTheStreamWithDeadlineExceeded()
    {
        using var call = Impact.WatchImpactMetrics(Query, _host.As(Manager, deadline: DateTime.UtcNow.AddSeconds(2)));
        await NextAsync(call);

        using var guard = new CancellationTokenSource(Guard);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(guard.Token));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task WatchIsAuthorisedLikeGet()
    {
        using var call = Impact.WatchImpactMetrics(new GetImpactMetricsRequest { Programmes = { OtherProgramme } }, _host.As(Manager));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
