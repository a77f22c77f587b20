namespace CapacityHub.Storage.Sqlite;

/// <summary>
/// SQL fragments for collections. Names and paths are validated identifiers (see <see cref="FieldPath"/>),
/// so they can be spliced into SQL; every value goes through a parameter.
/// </summary>
internal static class SqlText
{
    public const string IndexPrefixSeparator = "__";

    public static string Table(string collection) => $"\"c_{collection}\"";

    public static string IndexName(string collection, string index) => $"ix_{collection}{IndexPrefixSeparator}{index}";

    public static string IndexPrefix(string collection) => $"ix_{collection}{IndexPrefixSeparator}";

    /// <summary>
    /// The expression for a field; queries use the same text as the index definitions so SQLite
    /// matches them to the expression indexes.
    /// </summary>
    public static string Field(string path) => path == FieldPath.Id ? "id" : $"json_extract(doc, '$.{path}')";
}
