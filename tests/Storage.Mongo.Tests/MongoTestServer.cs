namespace CapacityHub.Storage.Mongo.Tests;

/// <summary>The real MongoDB replica set the tests may use: CAPACITYHUB_TEST_MONGODB_URI (see the README).</summary>
public static class MongoTestServer
{
    public const string Variable = "CAPACITYHUB_TEST_MONGODB_URI";

    public static string? Uri => Environment.GetEnvironmentVariable(Variable);
}
