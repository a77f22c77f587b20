using CapacityHub.Storage.Sqlite;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.Tests.Domain;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Storage;

/// <summary>
/// Nomination writes on a real SQLite file read the counters and the nominations they name, never the
/// roster: what a write reads does not grow with the number of people nominated.
/// </summary>
public sealed class RosterWritesTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Roster = 300;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trainings-roster-{Guid.NewGuid():N}");
    private SqliteDocumentStore _sqlite = null!;
    private CountingStore _store = null!;
    private TrainingStore _trainings = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _sqlite = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(_directory, "trainings.db") });
        _store = new CountingStore(_sqlite);
        await _store.MigrateAsync(TrainingsCollections.All);
        await TrainingsSchema.UpgradeAsync(_store, NullLogger.Instance, CancellationToken.None);
        _trainings = new TrainingStore(_store, new ImpactChanges(), new NotificationRepository(_store, new CapacityHub.Trainings.Mail.SmtpOptions(), TimeProvider.System));
        await _trainings.CreateAsync("create-t-1", "t-1", OpenTrainingResource(seats: 2, waitlist: 400, new Quota(QuotaScope.Country, "TH", 2)), CancellationToken.None);

        // A full roster: two seated, everyone else waitlisted, written like a bulk import (all loaded).
        await _trainings.WriteAsync("t-1", "test", aggregate =>
        {
            for (var i = 0; i < Roster; i++)
            {
                var n = aggregate.Roster.Nominate($"n-{i:D3}", TestData.Person($"p-{i:D3}"), "organisations/vncert", TestData.DuringWindow + Duration.FromSeconds(i), true);
                aggregate.Add(n, NominationResource("t-1", n), "CSIRT");
                aggregate.Roster.Approve(n.Id);
            }

            return "";
        }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ANominationReadsNoOtherNominationWhateverTheRosterSize()
    {
        _store.Reset();

        await NominateAsync("n-new", TestData.Person("newcomer", "TH"));

        Assert.Equal(0, _store.Read(TrainingsCollections.Nominations.Name));
        Assert.Equal(1, _store.Read(TrainingsCollections.Trainings.Name));
        var training = (await _trainings.FindAsync("t-1", CancellationToken.None))!.Value;
        Assert.Equal(2, training.SeatsTaken);
        Assert.Equal(Roster - 2, training.Waitlisted);
    }

    [Fact]
    public async Task AWithdrawalReadsTheNominationAndTheFirstWaitlistedOnlyAndPromotesThatOne()
    {
        _store.Reset();

        var promoted = await _trainings.WriteAsync("t-1", "test", aggregate =>
        {
            var changed = aggregate.Roster.Withdraw("n-000", "Visa refused");
            aggregate.Touch(changed);
            return changed.Single(n => n.Id != "n-000").Id;
        }, CancellationToken.None, needs: RosterNeeds.Of(["n-000"], firstWaitlisted: true));

        Assert.Equal("n-002", promoted); // the earliest of the waitlisted
        Assert.Equal(2, _store.Read(TrainingsCollections.Nominations.Name));
        var training = (await _trainings.FindAsync("t-1", CancellationToken.None))!.Value;
        Assert.Equal(2, training.SeatsTaken);
        Assert.Equal(Roster - 3, training.Waitlisted);
        Assert.Equal(V1.NominationStatus.Approved, (await _trainings.FindNominationAsync("t-1", "n-002", CancellationToken.None))!.Value.Resource.Status);
    }

    [Fact]
    public async Task QuotaAndDuplicateChecksHoldWithoutTheRoster()
    {
        await NominateAsync("th-1", TestData.Person("th-1", "TH"));
        await NominateAsync("th-2", TestData.Person("th-2", "TH"));

        var overQuota = await Assert.ThrowsAsync<CapacityHub.Trainings.Domain.DomainRuleException>(() => NominateAsync("th-3", TestData.Person("th-3", "TH")));
        var again = await Assert.ThrowsAsync<CapacityHub.Trainings.Domain.DomainRuleException>(() => NominateAsync("again", TestData.Person("p-007")));

        Assert.Contains("quota for country TH is used up (2 of 2", overQuota.Message, StringComparison.Ordinal);
        Assert.Contains("already nominated", again.Message, StringComparison.Ordinal);
        Assert.Null(await _trainings.FindNominationAsync("t-1", "again", CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentNominationsShareCommitsAndStayCorrect()
    {
        const int callers = 16, each = 25;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                await NominateAsync($"c{c}-{i}", TestData.Person($"c{c}-{i}", "JP"));
            }
        })));
        var rate = callers * each / clock.Elapsed.TotalSeconds;
        output.WriteLine($"{rate:N0} nomination writes/s with {callers} concurrent writers on a {Roster}-person roster");

        var usage = await _store.Collection(TrainingsCollections.QuotaUsage).GetAsync(QuotaUsage.IdOf("t-1", QuotaScope.Country, "JP"));
        Assert.Equal(callers * each, usage!.Value.Used);
    }

    private Task<string> NominateAsync(string id, Participant person) =>
        _trainings.WriteAsync("t-1", "test", aggregate =>
        {
            var n = aggregate.Roster.Nominate(id, person, "organisations/vncert", TestData.DuringWindow + Duration.FromHours(1), true);
            aggregate.Add(n, NominationResource("t-1", n), "CSIRT");
            return n.Id;
        }, CancellationToken.None, needs: RosterNeeds.NewNomination(person.CountryCode, "organisations/vncert"));

    internal static V1.Training OpenTrainingResource(int seats, int waitlist, params Quota[] quotas)
    {
        var domain = TestData.OpenTraining(seats, waitlist, quotas);
        var definition = domain.Definition;
        var resource = new V1.Training
        {
            Name = TrainingResources.TrainingName("t-1"),
            Programme = definition.ProgrammeId,
            Title = definition.Title,
            Language = definition.Language,
            Mode = (V1.TrainingMode)(int)definition.Mode,
            Venue = new V1.Venue { DisplayName = definition.Venue.Name, City = definition.Venue.City, CountryCode = definition.Venue.CountryCode, TimeZone = definition.Venue.Zone.Id },
            Seats = seats,
            WaitlistSize = waitlist,
            NominationOpenTime = TrainingResources.ToTimestamp(definition.NominationWindow.Opens),
            NominationDeadline = TrainingResources.ToTimestamp(definition.NominationWindow.Deadline),
        };
        resource.Quotas.AddRange(quotas.Select(q => new V1.Quota { Scope = (V1.QuotaScope)(int)q.Scope, Key = q.Key, Seats = q.Seats }));
        TrainingResources.WriteBack(domain, resource);
        return resource;
    }

    internal static V1.Nomination NominationResource(string trainingId, Nomination n) => new()
    {
        Name = TrainingResources.NominationName(trainingId, n.Id),
        NominatingOrganisation = n.NominatingOrganisationId,
        NominateTime = TrainingResources.ToTimestamp(n.NominatedAt),
        Participant = new V1.Participant
        {
            ParticipantId = n.Participant.Id,
            DisplayName = n.Participant.Name,
            Email = n.Participant.Email,
            Organisation = n.Participant.OrganisationId,
            CountryCode = n.Participant.CountryCode,
            Sex = (Programmes.V1.Sex)(int)n.Participant.Sex,
            Sector = n.Participant.Sector,
        },
    };
}
