using CapacityHub.Storage.Mongo.Topology;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>How one operation is routed and retried.</summary>
public sealed record OperationOptions(bool IsWrite, bool Retryable, MongoSession? Session = null, ReadPreference? ReadPreference = null, string? PinnedAddress = null);
