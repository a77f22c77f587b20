using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Wire;

/// <summary>One OP_MSG: the kind 0 body plus any kind 1 document sequences.</summary>
public sealed record OpMsgMessage(
    int RequestId,
    int ResponseTo,
    OpMsgFlags Flags,
    BsonDocument Body,
    IReadOnlyList<DocumentSequence> Sequences)
{
    public OpMsgMessage(int requestId, BsonDocument body)
        : this(requestId, 0, OpMsgFlags.None, body, [])
    {
    }

    public bool MoreToCome => Flags.HasFlag(OpMsgFlags.MoreToCome);
}
