using System.Diagnostics;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Benchmarks.GatewayHop;

/// <summary>What one target did in one phase (possibly summed over rounds).</summary>
public sealed record PhaseResult(int Calls, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, TimeSpan ServerCpu)
{
    public static PhaseResult Empty { get; } = new(0, TimeSpan.Zero, [], TimeSpan.Zero);

    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    /// <summary>Server CPU per call: what the path costs, far less disturbed by other load on the machine than calls/s.</summary>
    public double ServerCpuMicrosecondsPerCall => ServerCpu.TotalMicroseconds / Calls;

    public PhaseResult Add(PhaseResult other) =>
        new(Calls + other.Calls, Elapsed + other.Elapsed, [.. LatenciesMs, .. other.LatenciesMs], ServerCpu + other.ServerCpu);

    /// <summary>Nearest-rank percentile.</summary>
    private double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>Closed-loop load: each caller sends its next GetTraining as soon as the previous one answers.</summary>
public static class Load
{
    public static async Task<PhaseResult> RunAsync(Target target, string training, int callers, TimeSpan duration)
    {
        var request = new GetTrainingRequest { Name = training };
        var cpuBefore = target.ServerCpu();
        var clock = Stopwatch.StartNew();
        // Task.Run puts every caller on the thread pool at once, so none waits for another to reach its first await.
        var perCaller = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(capacity: 4096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await target.GetAsync(request);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        })));
        var elapsed = clock.Elapsed;
        var cpu = target.ServerCpu() - cpuBefore;
        List<double> all = [.. perCaller.SelectMany(l => l)];
        return new PhaseResult(all.Count, elapsed, all, cpu);
    }
}
