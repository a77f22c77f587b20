namespace CapacityHub.Storage.Mongo.Wire;

/// <summary>The opCodes this client understands or recognises well enough to refuse clearly.</summary>
public static class WireOpCode
{
    public const int Reply = 1;
    public const int Query = 2004;
    public const int Compressed = 2012;
    public const int Msg = 2013;
}
