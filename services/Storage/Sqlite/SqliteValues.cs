using System.Text.Json;

namespace CapacityHub.Storage.Sqlite;

/// <summary>Converts between JSON scalars and the values json_extract yields (booleans become 1/0).</summary>
internal static class SqliteValues
{
    public static object FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.TryGetInt64(out var integer) ? integer : value.GetDouble(),
        JsonValueKind.True => 1L,
        JsonValueKind.False => 0L,
        JsonValueKind.Null or JsonValueKind.Undefined => DBNull.Value,
        _ => throw new ArgumentException("Only strings, numbers, booleans and null can be compared.", nameof(value)),
    };

    public static JsonElement ToJson(object? value) => value switch
    {
        null or DBNull => JsonSerializer.SerializeToElement<object?>(null),
        long l => JsonSerializer.SerializeToElement(l),
        double d => JsonSerializer.SerializeToElement(d),
        string s => JsonSerializer.SerializeToElement(s),
        _ => throw new InvalidOperationException($"Unexpected SQLite value of type {value.GetType().Name}."),
    };
}
