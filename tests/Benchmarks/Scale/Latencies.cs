using System.Diagnostics;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>Round-trip times of one kind of call, in milliseconds.</summary>
public sealed class Latencies(string name)
{
    private readonly List<double> milliseconds = [];

    public string Name { get; } = name;

    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public int Count => milliseconds.Count;

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p)
    {
        if (milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
