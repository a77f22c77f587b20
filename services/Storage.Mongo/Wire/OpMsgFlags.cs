namespace CapacityHub.Storage.Mongo.Wire;

/// <summary>OP_MSG flagBits. Bits 0-15 are "required": a peer must reject unknown ones.</summary>
[Flags]
public enum OpMsgFlags : uint
{
    None = 0,
    ChecksumPresent = 1u << 0,
    MoreToCome = 1u << 1,
    ExhaustAllowed = 1u << 16,
}
