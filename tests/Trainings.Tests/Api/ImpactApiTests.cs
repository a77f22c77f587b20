using CapacityHub.ServiceDefaults.Clients;
using System.Net;
using System.Net.Sockets;
using CapacityHub.Common.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Storage.Sqlite;
using CapacityHub.Trainings.Api;
using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.V1;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Api;

public sealed class ImpactApiTests : IAsyncLifetime
{
    private const string Funded = "programmes/asean-japan";
    private const string NotFunded = "programmes/other";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trainings-api-{Guid.NewGuid():N}");
    private SqliteDocumentStore _store = null!;

    private sealed class FakeFunders(params string[] programmes) : IProgrammeMemberships
    {
        public Task<IReadOnlySet<string>> ProgrammesFundedByAsync(string funder, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<string>>(programmes.ToHashSet());

        public Task<IReadOnlySet<string>> ProgrammesNominatingInAsync(string organisation, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
    }

    private sealed class NoOrganisations : ICountryOrganisations
    {
        public Task<IReadOnlySet<string>> OrganisationsInAsync(string countryCode, CancellationToken ct) => Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(_directory, "trainings.db") });
        await _store.MigrateAsync(TrainingsCollections.All);
        // t-1 in the funded programme: 3 booked people from VN; t-2 in another programme: 40 booked from TH.
        await _store.TransactAsync(async (tx, ct) =>
        {
            await ImpactAggregates.SaveFactsAsync(tx, new TrainingFacts("t-1", Funded, 20, new LocalDate(2026, 3, 2), false), ct);
            await ImpactAggregates.SaveFactsAsync(tx, new TrainingFacts("t-2", NotFunded, 40, new LocalDate(2026, 4, 2), false), ct);
            await ImpactAggregates.ApplyAsync(tx, Cells("t-1", "VN", enrolled: 3), ct);
            await ImpactAggregates.ApplyAsync(tx, Cells("t-2", "TH", enrolled: 40), ct);
            return true;
        });
    }

    private static IReadOnlyList<ImpactCell> Cells(string training, string country, long enrolled)
    {
        var counts = new ImpactCounts { Nominations = enrolled, Enrolled = enrolled, DaysScheduled = 2 * enrolled, DaysAttended = 2 * enrolled, Completers = enrolled };
        return [new ImpactCell(new ImpactCellKey(training, country, "organisations/x", "CSIRT", "CERT", CapacityHub.Trainings.Domain.Nominations.Sex.Female), counts), new ImpactCell(ImpactCellKey.TrainingTotal(training), counts)];
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private ImpactApi Api(IProgrammeMemberships? funders = null) =>
        new(new ImpactAggregates(_store), funders ?? new FakeFunders(Funded), new NoOrganisations(), new ImpactChanges(), new TestLifetime());

    private static TestCallContext As(CallerIdentity caller)
    {
        var context = new TestCallContext();
        context.SetCaller(caller);
        return context;
    }

    private static TestCallContext Admin() => As(new CallerIdentity("admin-1", "Admin", CallerRole.Administrator, null, null, []));

    [Fact]
    public async Task ManagerSeesExactFiguresOfTheNamedProgrammes()
    {
        var metrics = await Api().GetImpactMetrics(new GetImpactMetricsRequest { Programmes = { Funded, NotFunded } }, Admin());

        Assert.Equal(43, metrics.Participations.Value);
        Assert.Equal(43.0 / 60, metrics.FillRate.Value, 9);
        Assert.False(metrics.SuppressionApplied);
    }

    [Fact]
    public async Task FunderSeesOnlyItsProgrammesWithSmallCellsSuppressed()
    {
        var metrics = await Api().GetImpactMetrics(new GetImpactMetricsRequest { Funder = "organisations/jaif", Programmes = { NotFunded } }, Admin());

        // NotFunded is not the funder's: nothing in common, so nothing is shown.
        Assert.Equal(0, metrics.TrainingsCounted);

        var own = await Api().GetImpactMetrics(new GetImpactMetricsRequest { Funder = "organisations/jaif" }, Admin());
        Assert.Equal(1, own.TrainingsCounted);
        Assert.True(own.SuppressionApplied);
        Assert.Equal(5, own.MinimumCellCount);
        Assert.True(own.Participations.Suppressed);        // 3 people < 5
        Assert.False(own.Participations.HasValue);
        Assert.True(own.CompletionRate.Suppressed);
    }

    [Fact]
    public async Task AFunderNamingAProgrammeItDoesNotFundIsDeniedNotShownZeros()
    {
        var funder = As(new CallerIdentity("jaif-1", "JAIF", CallerRole.Funder, "jaif", "ID", []));

        var error = await Assert.ThrowsAsync<RpcException>(() => Api().GetImpactMetrics(new GetImpactMetricsRequest { Programmes = { NotFunded } }, funder));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains(NotFunded, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidQueryListsEveryBadField()
    {
        var request = new GetImpactMetricsRequest
        {
            Programmes = { "trainings/t-1" },
            CountryCode = "XX",
            MinimumCellCount = 500,
            Period = new DateRange { StartDate = new Date { Year = 2026, Month = 12, Day = 1 }, EndDate = new Date { Year = 2026, Month = 1, Day = 1 } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Api().GetImpactMetrics(request, Admin()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.FieldViolations().Select(v => v.Field).ToList();
        Assert.Contains("programmes[0]", fields);
        Assert.Contains("country_code", fields);
        Assert.Contains("minimum_cell_count", fields);
        Assert.Contains(fields, f => f.StartsWith("period", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProgrammesServiceDownIsUnavailableWithAClearMessage()
    {
        // A port that was free a moment ago: nothing listens there.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var channel = ServiceChannels.Open($"http://127.0.0.1:{port}");
        var funders = new ProgrammeMembershipsClient(new ProgrammeService.ProgrammeServiceClient(channel));

        var error = await Assert.ThrowsAsync<RpcException>(() => Api(funders).GetImpactMetrics(new GetImpactMetricsRequest { Funder = "organisations/jaif" }, Admin()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("Programmes service cannot be reached", error.Detail);
    }

    [Fact]
    public async Task WatchSendsAtOnceFollowsChangesAndEndsCleanlyOnShutdown()
    {
        var changes = new ImpactChanges();
        using var lifetime = new TestLifetime();
        var api = new ImpactApi(new ImpactAggregates(_store), new FakeFunders(Funded), new NoOrganisations(), changes, lifetime);
        var stream = new CollectingStream();

        var watching = api.WatchImpactMetrics(new GetImpactMetricsRequest { Programmes = { Funded } }, stream, Admin());
        Assert.Equal(3, (await stream.NextAsync()).Participations.Value);

        await _store.TransactAsync(async (tx, ct) =>
        {
            await ImpactAggregates.ApplyAsync(tx, Cells("t-1", "TH", enrolled: 2), ct);
            return true;
        });
        changes.Notify(Funded);
        Assert.Equal(5, (await stream.NextAsync()).Participations.Value);

        lifetime.StopApplication();
        await watching; // returns (status OK) instead of throwing
        Assert.Equal(0, changes.WatcherCount);
    }

    /// <summary>Hands each written message to the test as it arrives.</summary>
    private sealed class CollectingStream : IServerStreamWriter<CapacityHub.Trainings.V1.ImpactMetrics>
    {
        private readonly System.Threading.Channels.Channel<CapacityHub.Trainings.V1.ImpactMetrics> _written =
            System.Threading.Channels.Channel.CreateUnbounded<CapacityHub.Trainings.V1.ImpactMetrics>();

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(CapacityHub.Trainings.V1.ImpactMetrics message) => WriteAsync(message, CancellationToken.None);

        public Task WriteAsync(CapacityHub.Trainings.V1.ImpactMetrics message, CancellationToken cancellationToken) =>
            _written.Writer.WriteAsync(message, cancellationToken).AsTask();

        public async Task<CapacityHub.Trainings.V1.ImpactMetrics> NextAsync()
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await _written.Reader.ReadAsync(guard.Token);
        }
    }
}
