using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Sqlite;

/// <summary>One collection's operations as SQL on its table; the session decides connection and transaction.</summary>
internal sealed class SqliteCollection<T>(CollectionSpec<T> spec, ISqliteSession session) : IDocumentCollection<T>
    where T : class
{
    private readonly string table = SqlText.Table(spec.Name);

    public CollectionSpec<T> Spec => spec;

    public Task<Document<T>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return session.ReadAsync(slot => Get(slot, id), cancellationToken);
    }

    public Task<Document<T>?> FindOneAsync(Filter filter, CancellationToken cancellationToken = default)
    {
        var where = SqlWhere.From(filter.Bind(spec));
        return session.ReadAsync(
            slot =>
            {
                var command = slot.Command($"SELECT id, version, doc FROM {table}{where.Sql} ORDER BY id LIMIT 1");
                where.Bind(command);
                using var reader = command.ExecuteReader();
                return reader.Read() ? ReadDocument(reader, 0) : null;
            },
            cancellationToken);
    }

    public Task<Page<T>> FindAsync(Query query, CancellationToken cancellationToken = default)
    {
        var (sql, where) = SqlPage.For(spec, query);
        return session.ReadAsync(
            slot =>
            {
                var command = slot.Command(sql);
                where.Bind(command);
                // One extra row tells whether another page exists, so the last page carries no token.
                command.Parameters.AddWithValue("$limit", query.Limit + 1);
                var items = new List<Document<T>>(Math.Min(query.Limit, 64));
                object? lastSortValue = null;
                var more = false;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (items.Count == query.Limit)
                    {
                        more = true;
                        break;
                    }

                    items.Add(ReadDocument(reader, 0));
                    lastSortValue = reader.GetValue(3);
                }

                var next = more
                    ? new ContinuationToken(query.OrderBy, query.Descending, SqliteValues.ToJson(lastSortValue), items[^1].Id).Encode()
                    : null;
                return new Page<T>(items, next);
            },
            cancellationToken);
    }

    public Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default)
    {
        var where = SqlWhere.From(filter.Bind(spec));
        return session.ReadAsync(
            slot =>
            {
                var command = slot.Command($"SELECT count(*) FROM {table}{where.Sql}");
                where.Bind(command);
                return (long)command.ExecuteScalar()!;
            },
            cancellationToken);
    }

    public Task<Document<T>> InsertAsync(T value, CancellationToken cancellationToken = default)
    {
        var id = spec.RequireId(value);
        var json = Serialize(value);
        return session.WriteAsync(
            slot =>
            {
                Insert(slot, id, json);
                return new Document<T>(id, 1, value);
            },
            cancellationToken);
    }

    public Task<int> InsertManyAsync(IEnumerable<T> values, CancellationToken cancellationToken = default)
    {
        // Serialise before taking the writer so the single writer only does SQLite work.
        var rows = values.Select(v => (Id: spec.RequireId(v), Json: Serialize(v))).ToList();
        return session.WriteAsync(
            slot =>
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    if (i % 1024 == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    Insert(slot, rows[i].Id, rows[i].Json);
                }

                return rows.Count;
            },
            cancellationToken);
    }

    public Task<Document<T>> ReplaceAsync(T value, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var id = spec.RequireId(value);
        var json = Serialize(value);
        return session.WriteAsync(
            slot =>
            {
                var command = slot.Command($"UPDATE {table} SET doc = $doc, version = version + 1 WHERE id = $id AND version = $version RETURNING version");
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$doc", json);
                command.Parameters.AddWithValue("$version", expectedVersion);
                var version = Translate(() => command.ExecuteScalar());
                if (version is long written)
                {
                    return new Document<T>(id, written, value);
                }

                var actual = VersionOf(slot, id);
                throw actual is null
                    ? new DocumentNotFoundException(spec.Name, id)
                    : new ConcurrencyConflictException(spec.Name, id, expectedVersion, actual);
            },
            cancellationToken);
    }

    public Task<Document<T>> UpsertAsync(T value, CancellationToken cancellationToken = default)
    {
        var id = spec.RequireId(value);
        var json = Serialize(value);
        return session.WriteAsync(
            slot =>
            {
                var command = slot.Command(
                    $"INSERT INTO {table} (id, version, doc) VALUES ($id, 1, $doc) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, version = version + 1 RETURNING version");
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$doc", json);
                return new Document<T>(id, (long)Translate(() => command.ExecuteScalar())!, value);
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string id, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return session.WriteAsync(
            slot =>
            {
                if (expectedVersion is null)
                {
                    var command = slot.Command($"DELETE FROM {table} WHERE id = $id");
                    command.Parameters.AddWithValue("$id", id);
                    return command.ExecuteNonQuery() == 1;
                }

                var conditional = slot.Command($"DELETE FROM {table} WHERE id = $id AND version = $version");
                conditional.Parameters.AddWithValue("$id", id);
                conditional.Parameters.AddWithValue("$version", expectedVersion.Value);
                if (conditional.ExecuteNonQuery() == 1)
                {
                    return true;
                }

                var actual = VersionOf(slot, id);
                return actual is null ? false : throw new ConcurrencyConflictException(spec.Name, id, expectedVersion, actual);
            },
            cancellationToken);
    }

    public Task<Document<T>> IncrementAsync(string id, IReadOnlyList<Increment> increments, T? seedIfMissing = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (increments.Count == 0)
        {
            throw new ArgumentException("At least one increment is required.", nameof(increments));
        }

        if (seedIfMissing is not null && spec.RequireId(seedIfMissing) != id)
        {
            throw new ArgumentException($"The seed's id must be '{id}'.", nameof(seedIfMissing));
        }

        var seed = seedIfMissing is null ? null : Serialize(seedIfMissing);
        var sql = IncrementSql(increments);
        return session.WriteAsync(
            slot =>
            {
                var updated = TryIncrement(slot, sql, id, increments);
                if (updated is not null)
                {
                    return updated;
                }

                if (VersionOf(slot, id) is not null)
                {
                    throw new ArgumentException(
                        $"'{spec.Name}/{id}' holds a non-numeric value in one of {string.Join(", ", increments.Select(i => i.Path))}.", nameof(increments));
                }

                if (seed is null)
                {
                    throw new DocumentNotFoundException(spec.Name, id);
                }

                Insert(slot, id, seed);
                return TryIncrement(slot, sql, id, increments)
                    ?? throw new ArgumentException($"The seed for '{spec.Name}/{id}' holds a non-numeric value in an incremented field.", nameof(seedIfMissing));
            },
            cancellationToken);
    }

    private string IncrementSql(IReadOnlyList<Increment> increments)
    {
        var sets = new StringBuilder();
        for (var i = 0; i < increments.Count; i++)
        {
            var path = increments[i].Path;
            sets.Append($", '$.{path}', coalesce({SqlText.Field(path)}, 0) + $d{i}");
        }

        // Only numbers (or missing fields) may be incremented; SQLite would otherwise turn 'abc' + 1 into 1.
        var numeric = string.Concat(increments.Select(i => $" AND coalesce(json_type(doc, '$.{i.Path}'), 'integer') IN ('integer', 'real')"));
        return $"UPDATE {table} SET doc = json_set(doc{sets}), version = version + 1 WHERE id = $id{numeric} RETURNING version, doc";
    }

    private Document<T>? TryIncrement(SqliteSlot slot, string sql, string id, IReadOnlyList<Increment> increments)
    {
        var command = slot.Command(sql);
        command.Parameters.AddWithValue("$id", id);
        for (var i = 0; i < increments.Count; i++)
        {
            command.Parameters.AddWithValue($"$d{i}", increments[i].Integer is { } integer ? (object)integer : increments[i].Real!.Value);
        }

        using var reader = command.ExecuteReader();
        return reader.Read() ? new Document<T>(id, reader.GetInt64(0), Deserialize(reader.GetString(1))) : null;
    }

    private Document<T>? Get(SqliteSlot slot, string id)
    {
        var command = slot.Command($"SELECT id, version, doc FROM {table} WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadDocument(reader, 0) : null;
    }

    private long? VersionOf(SqliteSlot slot, string id)
    {
        var command = slot.Command($"SELECT version FROM {table} WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() as long?;
    }

    private void Insert(SqliteSlot slot, string id, string json)
    {
        var command = slot.Command($"INSERT INTO {table} (id, version, doc) VALUES ($id, 1, $doc)");
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$doc", json);
        Translate(command.ExecuteNonQuery);
    }

    private TResult Translate<TResult>(Func<TResult> statement)
    {
        try
        {
            return statement();
        }
        catch (SqliteException e)
        {
            var translated = SqliteErrors.Translate(e, spec);
            if (ReferenceEquals(translated, e))
            {
                throw;
            }

            throw translated;
        }
    }

    private Document<T> ReadDocument(SqliteDataReader reader, int first) =>
        new(reader.GetString(first), reader.GetInt64(first + 1), Deserialize(reader.GetString(first + 2)));

    private string Serialize(T value) => JsonSerializer.Serialize(value, spec.Json);

    private T Deserialize(string json) =>
        JsonSerializer.Deserialize<T>(json, spec.Json) ?? throw new InvalidDataException($"A '{spec.Name}' document is JSON null.");
}
