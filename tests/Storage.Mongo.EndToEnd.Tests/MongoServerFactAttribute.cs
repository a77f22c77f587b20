namespace CapacityHub.Storage.Mongo.EndToEnd.Tests;

/// <summary>A fact that runs only when CAPACITYHUB_TEST_MONGODB_URI names a real MongoDB replica set; otherwise it is reported as skipped.</summary>
public sealed class MongoServerFactAttribute : FactAttribute
{
    public const string Variable = "CAPACITYHUB_TEST_MONGODB_URI";

    public MongoServerFactAttribute()
    {
        if (string.IsNullOrEmpty(Uri))
        {
            Skip = $"{Variable} is not set; no MongoDB server to run the service against.";
        }
    }

    public static string? Uri => Environment.GetEnvironmentVariable(Variable);
}
