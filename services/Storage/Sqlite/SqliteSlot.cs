using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Sqlite;

/// <summary>
/// One open connection with its prepared statements. Statements are kept per SQL text so hot paths
/// (get, insert, replace) are compiled once per connection. Not thread-safe: one user at a time.
/// </summary>
internal sealed class SqliteSlot(SqliteConnection connection) : IDisposable
{
    // Query shapes vary with filters ("in" lists); a bound keeps rarely used shapes from piling up.
    private const int MaxCachedStatements = 256;

    private readonly Dictionary<string, SqliteCommand> statements = new(StringComparer.Ordinal);

    public SqliteCommand Command(string sql)
    {
        if (!statements.TryGetValue(sql, out var command))
        {
            if (statements.Count >= MaxCachedStatements)
            {
                DisposeStatements();
            }

            command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is built from validated identifiers only; values are always parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Prepare();
            statements.Add(sql, command);
        }

        command.Parameters.Clear();
        return command;
    }

    public int Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        DisposeStatements();
        connection.Dispose();
    }

    private void DisposeStatements()
    {
        foreach (var command in statements.Values)
        {
            command.Dispose();
        }

        statements.Clear();
    }
}
