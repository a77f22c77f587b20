using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Sqlite;

/// <summary>Turns SQLite constraint failures into the store's exceptions, naming the declared index.</summary>
internal static partial class SqliteErrors
{
    private const int Constraint = 19;

    public static Exception Translate(SqliteException error, string collection)
    {
        if (error.SqliteErrorCode != Constraint)
        {
            return error;
        }

        var index = IndexInMessage().Match(error.Message);
        if (index.Success)
        {
            var prefix = SqlText.IndexPrefix(collection);
            var name = index.Groups[1].Value;
            return new DuplicateKeyException(collection, name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name, error);
        }

        return error.Message.Contains($"c_{collection}.id", StringComparison.Ordinal)
            ? new DuplicateKeyException(collection, DuplicateKeyException.IdIndexName, error)
            : error;
    }

    [GeneratedRegex("UNIQUE constraint failed: index '([^']+)'")]
    private static partial Regex IndexInMessage();
}
