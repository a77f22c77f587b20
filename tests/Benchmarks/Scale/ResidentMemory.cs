using System.Globalization;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>
/// Each service process's resident set (VmRSS of /proc/PID/status), read now or sampled in the background
/// while load runs, keeping the peak.
/// </summary>
public sealed class ResidentMemory(IReadOnlyDictionary<string, int> processIds) : IAsyncDisposable
{
    private readonly Dictionary<string, long> peaks = processIds.Keys.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private Task? sampling;

    public static long? ReadKilobytes(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public IReadOnlyDictionary<string, long> Now() =>
        processIds.ToDictionary(p => p.Key, p => ReadKilobytes(p.Value) ?? 0, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Peaks
    {
        get
        {
            lock (peaks)
            {
                return new Dictionary<string, long>(peaks, StringComparer.Ordinal);
            }
        }
    }

    public void StartSampling() => sampling = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            foreach (var (name, kb) in Now())
            {
                lock (peaks)
                {
                    peaks[name] = Math.Max(peaks[name], kb);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default));
    });

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (sampling is not null)
        {
            await sampling;
        }

        stop.Dispose();
    }
}
