using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CapacityHub.Storage.Telemetry;

/// <summary>
/// Spans and durations of store operations, named per the OpenTelemetry database semantic conventions:
/// a client span "{db.operation.name} {db.collection.name}" with db.system.name, db.collection.name,
/// db.operation.name (the store operation: get, find, insert, replace, increment, transact...) and, on
/// failure, error.type; and the histogram db.client.operation.duration in seconds with the same attributes.
/// Wrap a backend with <see cref="Trace"/>; the backends themselves stay free of telemetry.
/// </summary>
public static class StoreTelemetry
{
    public const string Name = "CapacityHub.Storage";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    // The buckets the conventions recommend for database operations (seconds).
    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        "db.client.operation.duration",
        unit: "s",
        description: "Duration of store operations, as the service sees them.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10] });

    /// <param name="store">The backend.</param>
    /// <param name="system">db.system.name: "sqlite" or "mongodb".</param>
    /// <param name="databaseName">db.namespace, where the backend has one (MongoDB's database).</param>
    public static IDocumentStore Trace(IDocumentStore store, string system, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(system);
        return new TracedDocumentStore(store, new StoreOperations(system, databaseName));
    }
}
