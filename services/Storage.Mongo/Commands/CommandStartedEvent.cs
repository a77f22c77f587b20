using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>Command monitoring: the command as sent, with document sequences folded back into it (as the spec shows them).</summary>
public sealed record CommandStartedEvent(string DatabaseName, string CommandName, BsonDocument Command, string Address);
