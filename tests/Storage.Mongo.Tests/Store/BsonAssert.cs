using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace CapacityHub.Storage.Mongo.Tests.Store;

/// <summary>
/// Type- and order-exact BSON comparison. BsonValue equality treats 3 and 3L as equal, but a command that
/// sends Int32 where Int64 is meant is a different command; canonical extended JSON tells them apart.
/// </summary>
internal static class BsonAssert
{
    private static readonly JsonWriterSettings Canonical = new() { OutputMode = JsonOutputMode.CanonicalExtendedJson };

    public static void Same(BsonValue expected, BsonValue actual) =>
        Assert.Equal(Json(expected), Json(actual));

    private static string Json(BsonValue value) => new BsonDocument("value", value).ToJson(Canonical);
}
