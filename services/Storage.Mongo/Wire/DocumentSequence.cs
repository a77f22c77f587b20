using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Wire;

/// <summary>An OP_MSG kind 1 section: many documents under one identifier (e.g. "documents" of an insert).</summary>
public sealed record DocumentSequence(string Identifier, IReadOnlyList<BsonDocument> Documents);
