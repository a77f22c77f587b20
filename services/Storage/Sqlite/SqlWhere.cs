using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CapacityHub.Storage.Sqlite;

/// <summary>Builds a WHERE clause with numbered parameters from filter conditions and a keyset position.</summary>
internal sealed class SqlWhere
{
    private readonly List<string> clauses = [];
    private readonly List<object> values = [];

    public static SqlWhere From(IReadOnlyList<BoundCondition> conditions)
    {
        var where = new SqlWhere();
        foreach (var condition in conditions)
        {
            where.Add(condition);
        }

        return where;
    }

    public string Sql => clauses.Count == 0 ? "" : " WHERE " + string.Join(" AND ", clauses);

    public void Bind(SqliteCommand command)
    {
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue($"$p{i}", values[i]);
        }
    }

    /// <summary>
    /// Rows after (sortValue, id) in the page order. SQLite, like MongoDB, puts nulls first ascending and last
    /// descending, which the null branches follow.
    /// </summary>
    public void After(ContinuationToken token)
    {
        var id = Parameter(token.Id);
        if (token.OrderBy is null)
        {
            clauses.Add(token.Descending ? $"id < {id}" : $"id > {id}");
            return;
        }

        var field = SqlText.Field(token.OrderBy);
        var sortValue = SqliteValues.FromJson(token.SortValue);
        if (sortValue is DBNull)
        {
            clauses.Add(token.Descending
                ? $"({field} IS NULL AND id < {id})"
                : $"(({field} IS NULL AND id > {id}) OR {field} IS NOT NULL)");
            return;
        }

        var value = Parameter(sortValue);
        clauses.Add(token.Descending
            ? $"(({field} <= {value} AND ({field} < {value} OR id < {id})) OR {field} IS NULL)"
            : $"({field} >= {value} AND ({field} > {value} OR id > {id}))");
    }

    private void Add(BoundCondition condition)
    {
        var field = SqlText.Field(condition.Path);
        switch (condition.Kind)
        {
            case ConditionKind.Equal:
                var equal = SqliteValues.FromJson(condition.Values[0]);
                clauses.Add(equal is DBNull ? $"{field} IS NULL" : $"{field} = {Parameter(equal)}");
                break;
            case ConditionKind.In:
                AddIn(field, condition.Values);
                break;
            case ConditionKind.Contains:
                // instr is an exact substring test: no LIKE wildcards to escape, and any script works.
                clauses.Add($"instr({field}, {Parameter(SqliteValues.FromJson(condition.Values[0]))}) > 0");
                break;
            case ConditionKind.Range:
                if (condition.From is { } from)
                {
                    clauses.Add($"{field} >= {Parameter(NotNull(from, condition.Path))}");
                }

                if (condition.To is { } to)
                {
                    clauses.Add($"{field} < {Parameter(NotNull(to, condition.Path))}");
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown condition.");
        }
    }

    private void AddIn(string field, IReadOnlyList<JsonElement> candidates)
    {
        var list = new StringBuilder();
        var matchesNull = false;
        foreach (var candidate in candidates)
        {
            var value = SqliteValues.FromJson(candidate);
            if (value is DBNull)
            {
                matchesNull = true;
                continue;
            }

            list.Append(list.Length == 0 ? "" : ", ").Append(Parameter(value));
        }

        var inList = list.Length == 0 ? null : $"{field} IN ({list})";
        clauses.Add((inList, matchesNull) switch
        {
            (null, _) => $"{field} IS NULL",
            (_, true) => $"({inList} OR {field} IS NULL)",
            _ => inList,
        });
    }

    private static object NotNull(JsonElement bound, string path)
    {
        var value = SqliteValues.FromJson(bound);
        return value is DBNull ? throw new InvalidQueryException(path, $"A range on '{path}' cannot end at null.") : value;
    }

    private string Parameter(object value)
    {
        values.Add(value);
        return $"$p{values.Count - 1}";
    }
}
