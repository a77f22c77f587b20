using System.Diagnostics;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>Progress lines on stderr, so stdout holds only the report.</summary>
public static class Log
{
    public static void Line(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}

/// <summary>Prints how far seeding got every 5%, with the rate so far.</summary>
public sealed class Progress(int total)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int done;
    private int reported;

    public void Add(int count)
    {
        var now = Interlocked.Add(ref done, count);
        var step = Math.Max(1, total / 20);
        if (now / step > Volatile.Read(ref reported) && Interlocked.Exchange(ref reported, now / step) < now / step)
        {
            Log.Line($"  {now:N0} of {total:N0} enrolments, {now / clock.Elapsed.TotalSeconds:N0}/s");
        }
    }
}
