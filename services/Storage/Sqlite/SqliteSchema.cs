namespace CapacityHub.Storage.Sqlite;

/// <summary>
/// Brings a file's tables and indexes in line with the declared collections. Runs inside a write
/// transaction; re-running with the same declarations changes nothing.
/// </summary>
internal static class SqliteSchema
{
    public static void Migrate(SqliteSlot writer, CollectionSpec spec)
    {
        writer.Execute(
            $"CREATE TABLE IF NOT EXISTS {SqlText.Table(spec.Name)} (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL)");

        var existing = ExistingIndexes(writer, spec.Name);
        foreach (var index in spec.Indexes)
        {
            var name = SqlText.IndexName(spec.Name, index.Name);
            var definition = Definition(spec.Name, index);
            if (existing.Remove(name, out var current) && current == definition)
            {
                continue;
            }

            if (current is not null)
            {
                writer.Execute($"DROP INDEX \"{name}\"");
            }

            writer.Execute(definition);
        }

        // Whatever is left was declared once and no longer is.
        foreach (var stale in existing.Keys)
        {
            writer.Execute($"DROP INDEX \"{stale}\"");
        }
    }

    public static string Definition(string collection, IndexSpec index)
    {
        var columns = index.Paths.Select(SqlText.Field).ToList();
        if (!index.Unique && !index.Paths.Contains(FieldPath.Id))
        {
            // Trailing id: sorted pages break ties by id, and the index then serves the whole order.
            columns.Add("id");
        }

        var unique = index.Unique ? "UNIQUE " : "";
        return $"CREATE {unique}INDEX \"{SqlText.IndexName(collection, index.Name)}\" ON {SqlText.Table(collection)} ({string.Join(", ", columns)})";
    }

    private static Dictionary<string, string> ExistingIndexes(SqliteSlot writer, string collection)
    {
        var command = writer.Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL");
        command.Parameters.AddWithValue("$table", $"c_{collection}");
        var prefix = SqlText.IndexPrefix(collection);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                result[name] = reader.GetString(1);
            }
        }

        return result;
    }
}
