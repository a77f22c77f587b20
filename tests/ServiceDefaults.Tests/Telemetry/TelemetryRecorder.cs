using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CapacityHub.ServiceDefaults.Tests.Telemetry;

/// <summary>One measurement as an instrument recorded it, with its attributes.</summary>
public sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? this[string tag] => Tags.TryGetValue(tag, out var value) ? value : null;
}

/// <summary>
/// Listens in-process to the spans and measurements of the named sources and meters, as the
/// OpenTelemetry SDK would, so tests can assert on names, attributes and parent links.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ConcurrentQueue<Measurement> measurements = new();
    private readonly ActivityListener spans;
    private readonly MeterListener meters = new();

    public TelemetryRecorder(string source)
    {
        spans = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(spans);
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == source)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        meters.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        meters.Start();
    }

    /// <summary>The stopped spans of one trace, in the order they stopped.</summary>
    public IReadOnlyList<Activity> SpansOf(ActivityTraceId trace) => stopped.Where(a => a.TraceId == trace).ToList();

    public IReadOnlyList<Measurement> Measurements(string instrument) => measurements.Where(m => m.Instrument == instrument).ToList();

    /// <summary>Waits (without a fixed sleep) until what a call records at its very end has arrived.</summary>
    public async Task<IReadOnlyList<T>> WaitForAsync<T>(Func<TelemetryRecorder, IReadOnlyList<T>> probe, int atLeast, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var found = probe(this);
            if (found.Count >= atLeast)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join(", ", measurements.Select(m => m.Instrument).Distinct());
                throw new TimeoutException($"Expected at least {atLeast} of {what}, got {found.Count} (instruments seen: {seen}).");
            }

            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        spans.Dispose();
        meters.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, copy));
    }
}
