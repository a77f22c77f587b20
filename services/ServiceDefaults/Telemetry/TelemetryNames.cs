namespace CapacityHub.ServiceDefaults.Telemetry;

/// <summary>
/// The ActivitySource and Meter names CapacityHub emits on, in one place so that every
/// process listens to the same set and an operator can find each signal by name.
/// </summary>
public static class TelemetryNames
{
    /// <summary>gRPC server and client spans and rpc.* metrics (CapacityHub.Rpc).</summary>
    public const string Rpc = "CapacityHub.Rpc";

    /// <summary>Store operation spans and durations (CapacityHub.Storage and its backends).</summary>
    public const string Storage = "CapacityHub.Storage";

    /// <summary>Business counters: trainings scheduled, nominations, outcome reports.</summary>
    public const string Business = "CapacityHub.Business";

    /// <summary>The gateway's own spans (authorisation, aggregation) beside ASP.NET Core's HTTP spans.</summary>
    public const string Gateway = "CapacityHub.Gateway";

    internal static readonly string[] ActivitySources =
    [
        Rpc,
        Storage,
        Business,
        Gateway,
        CapacityHub.Storage.Mongo.Store.MongoDocumentStore.DriverActivitySource, // MongoDB.Driver's command spans, under the store's spans
        "Microsoft.AspNetCore",
        "System.Net.Http",
    ];

    internal static readonly string[] Meters =
    [
        Rpc,
        Storage,
        Business,
        "CapacityHub.Trainings", // the Trainings service's business counters (its TrainingsMetrics)
        Gateway,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "System.Net.NameResolution",
        "System.Runtime",
    ];
}
