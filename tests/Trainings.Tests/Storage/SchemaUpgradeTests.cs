using CapacityHub.Storage.Sqlite;
using CapacityHub.Trainings.Domain.Scheduling;
using CapacityHub.Trainings.Storage;
using CapacityHub.Trainings.Tests.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Storage;

/// <summary>
/// A data folder written by the previous version (resources as JSON text inside a string, no roster
/// counters, no schema marker) opens after the upgrade: rewritten once, with a log line, nothing lost.
/// </summary>
public sealed class SchemaUpgradeTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trainings-upgrade-{Guid.NewGuid():N}");
    private string Path_ => Path.Combine(_directory, "trainings.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AStoreInThePreviousLayoutIsRewrittenOnceWithItsCountersAndALogLine()
    {
        await WritePreviousVersionStoreAsync();
        Assert.Equal("text", Scalar("SELECT json_type(doc, '$.resource') FROM c_nominations LIMIT 1"));

        var log = new RecordingLogger();
        await using (var store = await OpenAsync())
        {
            Assert.Equal(1, await TrainingsSchema.UpgradeAsync(store, log, CancellationToken.None));
            Assert.Equal(0, await TrainingsSchema.UpgradeAsync(store, log, CancellationToken.None));
            var trainings = new TrainingStore(store, new ImpactChanges(), new NotificationRepository(store, new CapacityHub.Trainings.Mail.SmtpOptions(), TimeProvider.System));
            var training = (await trainings.FindAsync("t-1", CancellationToken.None))!.Value;
            var thai = await trainings.FindNominationAsync("t-1", "n-1", CancellationToken.None);

            Assert.Equal(1, training.SeatsTaken);
            Assert.Equal(1, training.Waitlisted);
            Assert.Equal("Somchai ใจดี", thai!.Value.Resource.Participant.DisplayName);

            // The counters now decide: the Thai quota (1) is used up, and the same person cannot be nominated again.
            var refused = await Assert.ThrowsAsync<CapacityHub.Trainings.Domain.DomainRuleException>(() => trainings.WriteAsync("t-1", "test", aggregate =>
            {
                var n = aggregate.Roster.Nominate("n-9", TestData.Person("p-9", "TH"), "organisations/thaicert", TestData.DuringWindow + Duration.FromHours(2), true);
                aggregate.Add(n, RosterWritesTests.NominationResource("t-1", n), "CSIRT");
                return "";
            }, CancellationToken.None, needs: RosterNeeds.NewNomination("TH", "organisations/thaicert")));
            Assert.Contains("quota for country TH is used up", refused.Message, StringComparison.Ordinal);
        }

        Assert.Single(log.Lines, l => l.Contains($"upgraded to schema {TrainingsSchema.Current}", StringComparison.Ordinal) && l.Contains("1 trainings and 3 nominations", StringComparison.Ordinal));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM c_nominations WHERE json_type(doc, '$.resource') <> 'object'"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM c_trainings WHERE json_type(doc, '$.resource') <> 'object'"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM c_nominations WHERE instr(doc, '\\\"') > 0 OR instr(doc, '\\u') > 0"));
        Assert.Equal("Somchai ใจดี", Scalar("SELECT json_extract(doc, '$.resource.participant.displayName') FROM c_nominations WHERE id = 'n-1'"));

        // Lists can search and filter what the previous version stored.
        Assert.Equal(0L, Scalar("SELECT count(*) FROM c_nominations WHERE json_extract(doc, '$.searchText') IS NULL OR json_extract(doc, '$.countryCode') IS NULL"));
        Assert.Equal("TH", Scalar("SELECT json_extract(doc, '$.countryCode') FROM c_nominations WHERE id = 'n-1'"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM c_nominations WHERE instr(json_extract(doc, '$.searchText'), 'SOMCHAI ใจดี') > 0"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM c_trainings WHERE json_extract(doc, '$.searchText') IS NULL"));
    }

    [Fact]
    public async Task AStoreFromANewerVersionIsRefusedSayingWhatToDo()
    {
        await using var store = await OpenAsync();
        await store.Collection(TrainingsCollections.Schema).UpsertAsync(new StoreSchema(StoreSchema.Key, TrainingsSchema.Current + 1, 0));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TrainingsSchema.UpgradeAsync(store, new RecordingLogger(), CancellationToken.None));

        Assert.Contains("newer CapacityHub", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore the data folder", error.Message, StringComparison.Ordinal);
    }

    private async Task<SqliteDocumentStore> OpenAsync()
    {
        var store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = Path_ });
        await store.MigrateAsync(TrainingsCollections.All);
        return store;
    }

    /// <summary>
    /// Writes trainings and nominations with today's code, then turns the file into what the previous version
    /// left: the resource as a JSON string, no counters or live-person fields, no quota usage, no marker.
    /// </summary>
    private async Task WritePreviousVersionStoreAsync()
    {
        await using (var store = await OpenAsync())
        {
            var trainings = new TrainingStore(store, new ImpactChanges(), new NotificationRepository(store, new CapacityHub.Trainings.Mail.SmtpOptions(), TimeProvider.System));
            await trainings.CreateAsync("create", "t-1", RosterWritesTests.OpenTrainingResource(seats: 1, waitlist: 3, new Quota(QuotaScope.Country, "TH", 1)), CancellationToken.None);
            await trainings.WriteAsync("t-1", "test", aggregate =>
            {
                var people = new[]
                {
                    (Id: "n-0", Person: TestData.Person("p-0", "VN")),
                    (Id: "n-1", Person: TestData.Person("p-1", "TH") with { Name = "Somchai ใจดี" }),
                    (Id: "n-2", Person: TestData.Person("p-2", "VN")),
                };
                for (var i = 0; i < people.Length; i++)
                {
                    var n = aggregate.Roster.Nominate(people[i].Id, people[i].Person, "organisations/vncert", TestData.DuringWindow + Duration.FromMinutes(i), true);
                    aggregate.Add(n, RosterWritesTests.NominationResource("t-1", n), "CSIRT");
                }

                aggregate.Roster.Approve("n-0");
                aggregate.Roster.Approve("n-2");
                return "";
            }, CancellationToken.None);
        }

        Execute("""
            UPDATE c_nominations SET doc = json_remove(json_set(doc, '$.resource', json_extract(doc, '$.resource') || ''), '$.activeEmail', '$.activeParticipantId', '$.searchText', '$.countryCode');
            UPDATE c_trainings SET doc = json_remove(json_set(doc, '$.resource', json_extract(doc, '$.resource') || ''), '$.seatsTaken', '$.waitlisted', '$.searchText');
            DELETE FROM c_quotaUsage;
            DELETE FROM c_storeSchema;
            """);
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path_}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path_}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
