using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>Options of the find command that this client passes through.</summary>
public sealed record FindOptions
{
    public BsonDocument? Sort { get; init; }

    public BsonDocument? Projection { get; init; }

    public int? Skip { get; init; }

    public int? Limit { get; init; }

    public int? BatchSize { get; init; }

    public BsonValue? Hint { get; init; }

    public BsonValue? Comment { get; init; }

    public BsonDocument? Let { get; init; }

    public BsonDocument? Collation { get; init; }

    public bool? AllowDiskUse { get; init; }
}
