using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Sqlite;

/// <summary>Turns SQLite constraint failures into the store's exceptions, naming the declared index.</summary>
internal static partial class SqliteErrors
{
    private const int Constraint = 19;

    public static Exception Translate(SqliteException error, CollectionSpec spec)
    {
        if (error.SqliteErrorCode != Constraint)
        {
            return error;
        }

        var index = IndexInMessage().Match(error.Message);
        if (index.Success)
        {
            var prefix = SqlText.IndexPrefix(spec.Name);
            var name = index.Groups[1].Value;
            name = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
            return new DuplicateKeyException(spec.Name, name, spec.Indexes.FirstOrDefault(i => i.Name == name)?.Paths ?? [], error);
        }

        return error.Message.Contains($"c_{spec.Name}.id", StringComparison.Ordinal)
            ? new DuplicateKeyException(spec.Name, DuplicateKeyException.IdIndexName, [FieldPath.Id], error)
            : error;
    }

    [GeneratedRegex("UNIQUE constraint failed: index '([^']+)'")]
    private static partial Regex IndexInMessage();
}
