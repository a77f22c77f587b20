namespace CapacityHub.Benchmarks.GatewayHop;

/// <summary>Progress lines on stderr, so stdout holds only the report.</summary>
public static class Log
{
    public static void Line(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
