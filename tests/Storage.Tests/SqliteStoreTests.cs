using CapacityHub.Storage.Contract;
using CapacityHub.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Tests;

/// <summary>What the SQLite backend promises beyond the contract: WAL, index use, failures that say what happened.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task The_file_is_in_WAL_mode_and_data_survives_closing_and_reopening()
    {
        var path = directory.File("nested/dir/trainings.db");
        await using (var store = await OpenAsync(path))
        {
            await store.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-1"));
        }

        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
        Assert.Equal("ok", Scalar(path, "PRAGMA integrity_check"));
        await using var reopened = await OpenAsync(path);
        Assert.NotNull(await reopened.Collection(TestCollections.Participants).GetAsync("p-1"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Filtered_sorted_pages_and_counts_are_served_by_the_declared_index(bool descending)
    {
        var path = directory.File("plan.db");
        await using var store = await OpenAsync(path);
        var participants = store.Collection(TestCollections.Participants);
        await participants.InsertManyAsync(Enumerable.Range(0, 50).Select(i => TestCollections.Person($"p-{i:D2}", createdAt: i % 7)));
        var query = new Query { Filter = Filter.Where("trainingId", "t-1"), OrderBy = "createdAtUnixMs", Descending = descending, Limit = 10 };
        var first = await participants.FindAsync(query);

        // The plans of the exact statements the store runs, for a later page (with the keyset condition).
        var page = SqlPage.For(TestCollections.Participants, query with { After = first.Next });
        var pagePlan = Plan(path, page.Sql, command =>
        {
            page.Where.Bind(command);
            command.Parameters.AddWithValue("$limit", 11);
        });
        var count = SqlWhere.From(Filter.Where("status", ParticipantStatus.Booked).Bind(TestCollections.Participants));
        var countPlan = Plan(path, $"SELECT count(*) FROM \"c_participants\"{count.Sql}", count.Bind);

        Assert.Contains("USING INDEX ix_participants__byTraining", pagePlan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", pagePlan, StringComparison.Ordinal);
        Assert.Contains("ix_participants__byStatus", countPlan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_reported_unavailable_and_left_untouched()
    {
        var path = directory.File("garbage.db");
        var garbage = Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray();
        await File.WriteAllBytesAsync(path, garbage);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = path }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Ping_after_dispose_reports_the_store_unavailable()
    {
        var store = await OpenAsync(directory.File("closed.db"));
        await store.PingAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PingAsync());
    }

    [Fact]
    public async Task An_auto_commit_write_from_inside_a_transaction_fails_fast_instead_of_deadlocking()
    {
        await using var store = await OpenAsync(directory.File("nested.db"));
        var outside = store.Collection(TestCollections.Participants);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.TransactAsync(async (tx, ct) =>
        {
            await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-1"), ct);
            return await outside.InsertAsync(TestCollections.Person("p-2"), ct);
        }));

        Assert.Contains("tx.Collection", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await outside.CountAsync(Filter.All));
    }

    [Fact]
    public async Task Readers_are_not_blocked_by_an_open_write_transaction()
    {
        await using var store = await OpenAsync(directory.File("concurrent.db"));
        var participants = store.Collection(TestCollections.Participants);
        await participants.InsertAsync(TestCollections.Person("p-0"));
        var inTransaction = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writing = store.TransactAsync(async (tx, ct) =>
        {
            await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-1"), ct);
            inTransaction.SetResult();
            await release.Task.WaitAsync(ct);
            return 0;
        });
        await inTransaction.Task;
        var read = await Task.Run(() => participants.CountAsync(Filter.All)).WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();
        await writing;

        Assert.Equal(1, read);
        Assert.Equal(2, await participants.CountAsync(Filter.All));
    }

    [Fact]
    public async Task Two_stores_on_one_file_wait_for_each_other_instead_of_failing_or_losing_writes()
    {
        var path = directory.File("shared.db");
        await using var first = await OpenAsync(path);
        await using var second = await OpenAsync(path);
        await first.Collection(TestCollections.Tallies).InsertAsync(new Tally("shared", 0, 0));

        await Task.WhenAll(new[] { first, second }.Select(store => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await store.Collection(TestCollections.Tallies).IncrementAsync("shared", [Increment.By("count", 1L)]);
            }
        })));

        Assert.Equal(80, (await second.Collection(TestCollections.Tallies).GetAsync("shared"))!.Value.Count);
    }

    private static async Task<SqliteDocumentStore> OpenAsync(string path)
    {
        var store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = path });
        await store.MigrateAsync(TestCollections.All);
        return store;
    }

    private static string Plan(string path, string sql, Action<SqliteCommand> bind)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the store's own generated SQL
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
#pragma warning restore CA2100
        bind(command);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(3));
        }

        return string.Join(" | ", rows);
    }

    private static string Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // test-only literal SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetValue(0).ToString()!);
        }

        return string.Join(" | ", rows);
    }
}
