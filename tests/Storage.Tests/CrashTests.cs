using System.Diagnostics;
using CapacityHub.Storage.CrashWriter;
using CapacityHub.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Tests;

/// <summary>Acknowledged means durable: a writer killed with SIGKILL mid-loop loses nothing it acknowledged.</summary>
public sealed class CrashTests
{
    private const int AcksBeforeKill = 250;

    [Fact]
    public async Task Every_acknowledged_write_survives_kill_9_and_the_file_stays_intact()
    {
        using var directory = new TempDirectory();
        var database = directory.File("crash.db");
        var acknowledged = await RunWriterAndKillAsync(database);

        Assert.True(acknowledged.Count >= AcksBeforeKill, $"only {acknowledged.Count} writes were acknowledged");
        Assert.Equal("ok", IntegrityCheck(database));

        await using var store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = database });
        await store.MigrateAsync(CrashCollections.All);
        var enrolments = store.Collection(CrashCollections.Enrolments);
        foreach (var id in acknowledged)
        {
            Assert.NotNull(await enrolments.GetAsync(id));
        }

        // Transactions are all-or-nothing: the totals count exactly the odd-sequence enrolments on disk.
        var stored = await enrolments.CountAsync(Filter.Where("trainingId", "t-1"));
        Assert.InRange(stored, acknowledged.Count, acknowledged.Count + 1);
        var totals = await store.Collection(CrashCollections.Totals).GetAsync("t-1");
        Assert.Equal(stored / 2, totals!.Value.Enrolled);
    }

    private static async Task<List<string>> RunWriterAndKillAsync(string database)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CapacityHub.Storage.CrashWriter.dll"));
        start.ArgumentList.Add(database);

        using var writer = Process.Start(start)!;
        var acknowledged = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (acknowledged.Count < AcksBeforeKill)
            {
                var line = await writer.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The writer exited early: {await writer.StandardError.ReadToEndAsync(timeout.Token)}");
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    acknowledged.Add(line[4..]);
                }
            }

            // SIGKILL while it keeps writing: no flush, no dispose, no chance to finish the current commit.
            writer.Kill(entireProcessTree: true);
            while (await writer.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    acknowledged.Add(line[4..]);
                }
            }

            await writer.WaitForExitAsync(timeout.Token);
            Assert.NotEqual(0, writer.ExitCode);
            return acknowledged;
        }
        finally
        {
            if (!writer.HasExited)
            {
                writer.Kill(entireProcessTree: true);
            }
        }
    }

    private static string IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
