namespace CapacityHub.Storage.Sqlite;

/// <summary>The SELECT for one page: filter, keyset position, order (sort key then id) and one row more than the page.</summary>
internal sealed record SqlPage(string Sql, SqlWhere Where)
{
    public static SqlPage For(CollectionSpec spec, Query query)
    {
        query.Validate(spec);
        var where = SqlWhere.From(query.Filter.Bind(spec));
        if (query.After is not null)
        {
            where.After(ContinuationToken.Decode(query.After, query.OrderBy, query.Descending));
        }

        var sortKey = SqlText.Field(query.OrderBy ?? FieldPath.Id);
        var direction = query.Descending ? "DESC" : "ASC";
        var order = query.OrderBy is null ? $"id {direction}" : $"{sortKey} {direction}, id {direction}";
        return new SqlPage($"SELECT id, version, doc, {sortKey} FROM {SqlText.Table(spec.Name)}{where.Sql} ORDER BY {order} LIMIT $limit", where);
    }
}
