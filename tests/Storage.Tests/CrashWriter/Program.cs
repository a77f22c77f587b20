using CapacityHub.Storage;
using CapacityHub.Storage.CrashWriter;
using CapacityHub.Storage.Sqlite;

// Usage: CrashWriter <database file>
// Writes until killed. Even sequences are single auto-commit inserts; odd ones are transactions that insert
// and bump the totals document. "ack <id>" is printed only after the store acknowledged the write.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: CrashWriter <database file>");
    return 2;
}

await using var store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = args[0] });
await store.MigrateAsync(CrashCollections.All);
var enrolments = store.Collection(CrashCollections.Enrolments);
var payload = new string('x', 2_000);
var stdout = Console.Out;
await stdout.WriteLineAsync("ready");
await stdout.FlushAsync();

for (long sequence = 0; ; sequence++)
{
    var enrolment = new Enrolment($"e-{sequence:D8}", "t-1", sequence, payload);
    if (sequence % 2 == 0)
    {
        await enrolments.InsertAsync(enrolment);
    }
    else
    {
        await store.TransactAsync(async (tx, ct) =>
        {
            await tx.Collection(CrashCollections.Enrolments).InsertAsync(enrolment, ct);
            return await tx.Collection(CrashCollections.Totals).IncrementAsync(
                "t-1", [Increment.By("enrolled", 1L)], new EnrolmentTotals("t-1", 0), ct);
        });
    }

    await stdout.WriteLineAsync($"ack {enrolment.Id}");
    await stdout.FlushAsync();
}
