using System.Diagnostics;
using CapacityHub.Storage.Contract;
using CapacityHub.Storage.Sqlite;
using Xunit.Abstractions;

namespace CapacityHub.Storage.Tests;

/// <summary>
/// Concurrent writers share a commit (one fsync) on the SQLite file, yet each write stays its own: a failure
/// undoes only that write, and every acknowledged write is on disk.
/// </summary>
public sealed class GroupCommitTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task A_failing_write_among_concurrent_ones_is_undone_alone()
    {
        var path = directory.File("group.db");
        await using (var store = await OpenAsync(path))
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            {
                try
                {
                    await store.TransactAsync(async (tx, ct) =>
                    {
                        await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person($"p-{i:D2}"), ct);
                        await tx.Collection(TestCollections.Tallies).IncrementAsync("all", [Increment.By("count", 1L)], new Tally("all", 0, 0), ct);
                        if (i % 10 == 7)
                        {
                            throw new InvalidOperationException("rule broken");
                        }
                    });
                    return true;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            })));

            Assert.Equal(36, outcomes.Count(ok => ok));
        }

        // Reopened: what was acknowledged is on disk, what failed left nothing behind.
        await using var reopened = await OpenAsync(path);
        var participants = await reopened.Collection(TestCollections.Participants).ListAllAsync(Filter.All);
        Assert.Equal(36, participants.Count);
        Assert.DoesNotContain(participants, p => p.Id.EndsWith('7'));
        Assert.Equal(36, (await reopened.Collection(TestCollections.Tallies).GetAsync("all"))!.Value.Count);
    }

    [Fact]
    public async Task A_duplicate_key_in_one_write_does_not_fail_the_writes_committed_with_it()
    {
        await using var store = await OpenAsync(directory.File("dupes.db"));
        var participants = store.Collection(TestCollections.Participants);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            try
            {
                // Every third write reuses the e-mail of the one before it: the unique index refuses one of each pair.
                var email = i % 3 == 2 ? $"p-{i - 1:D2}@cert.example" : $"p-{i:D2}@cert.example";
                await participants.InsertAsync(TestCollections.Person($"p-{i:D2}") with { Email = email });
                return "inserted";
            }
            catch (DuplicateKeyException e)
            {
                return e.IndexName;
            }
        })));

        Assert.Equal(20, results.Count(r => r == "inserted"));
        Assert.Equal(10, results.Count(r => r == "oneSeatPerEmail"));
        Assert.Equal(20, await participants.CountAsync(Filter.All));
    }

    [Fact]
    public async Task Concurrent_durable_writers_share_commits()
    {
        await using var store = await OpenAsync(directory.File("rate.db"));
        var participants = store.Collection(TestCollections.Participants);
        const int writes = 400;

        var timer = Stopwatch.StartNew();
        for (var i = 0; i < writes / 4; i++)
        {
            await participants.InsertAsync(TestCollections.Person($"s-{i}"));
        }

        var alone = writes / 4 / timer.Elapsed.TotalSeconds;
        var before = store.Commits;
        timer.Restart();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < writes / 16; i++)
            {
                await participants.InsertAsync(TestCollections.Person($"c-{w}-{i}"));
            }
        })));
        var together = writes / timer.Elapsed.TotalSeconds;
        var commits = store.Commits - before;
        output.WriteLine($"durable inserts: {alone:N0}/s one writer; {together:N0}/s with 16 writers in {commits} commits for {writes} writes");

        // Rates depend on the disk and the shared machine, so they are only printed; sharing itself is asserted.
        Assert.True(commits < writes, $"{commits} commits for {writes} concurrent writes: none shared an fsync");
        Assert.Equal(writes / 4 + writes, await participants.CountAsync(Filter.All));
    }

    private static async Task<SqliteDocumentStore> OpenAsync(string path)
    {
        var store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = path });
        await store.MigrateAsync(TestCollections.All);
        return store;
    }
}
