namespace CapacityHub.Storage.Mongo.Tests.EndToEnd;

/// <summary>A fact that runs only when CAPACITYHUB_TEST_MONGODB_URI names a real server; otherwise it is reported as skipped.</summary>
public sealed class RealServerFactAttribute : FactAttribute
{
    public const string Variable = "CAPACITYHUB_TEST_MONGODB_URI";

    public RealServerFactAttribute()
    {
        if (string.IsNullOrEmpty(Uri))
        {
            Skip = $"{Variable} is not set; no MongoDB server to test against.";
        }
    }

    public static string? Uri => Environment.GetEnvironmentVariable(Variable);
}
