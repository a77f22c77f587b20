namespace CapacityHub.Storage.Mongo.Wire;

/// <summary>Process-wide request id source; ids only need to be unique per connection, but one counter is simplest.</summary>
public static class RequestIds
{
    private static int last;

    public static int Next() => Interlocked.Increment(ref last) & int.MaxValue;
}
