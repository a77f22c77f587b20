using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Sqlite;

/// <summary>Opens connections configured for durability: WAL, synchronous=FULL, a busy timeout.</summary>
internal static class SqliteConnections
{
    public static SqliteSlot Open(SqliteStoreOptions options, bool readOnly)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            // This store keeps its own connections open; the driver's pool would only keep file handles alive after dispose.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var slot = new SqliteSlot(connection);
            slot.Execute($"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}");
            if (!readOnly)
            {
                // Only a new file takes it (before WAL): documents of 1-2 KB fill 16 KiB pages far better than 4 KiB
                // ones, where two of them leave a quarter of the page empty.
                slot.Execute("PRAGMA page_size = 16384");
                slot.Execute("PRAGMA journal_mode = WAL");
            }

            // Negative = KiB. Expression indexes of a large collection outgrow the 2 MB default quickly.
            slot.Execute(readOnly ? "PRAGMA cache_size = -16384" : "PRAGMA cache_size = -65536");
            slot.Execute("PRAGMA temp_store = MEMORY");

            // FULL: a commit returns only after the WAL is fsynced, so an acknowledged write survives power loss.
            slot.Execute("PRAGMA synchronous = FULL");
            return slot;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
