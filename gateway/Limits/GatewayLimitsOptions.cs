namespace CapacityHub.Gateway.Limits;

/// <summary>
/// Configuration section <c>Limits</c>: how much one user and one organisation may ask of the gateway
/// (token buckets: a burst of <c>TokenLimit</c>, refilled by <c>TokensPerPeriod</c> every
/// <c>ReplenishmentPeriod</c>), and how large requests may be.
/// </summary>
public sealed class GatewayLimitsOptions
{
    public const string Section = "Limits";

    public static GatewayLimitsOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<GatewayLimitsOptions>() ?? new GatewayLimitsOptions();

    /// <summary>Largest gRPC message a client may send, as the gRPC default (4 MiB).</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest HTTP request body (REST, forms, uploads); gRPC streams are held per message instead.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How long a forwarded call may see nothing move between the gateway and the service before the gateway
    /// gives up on it (DEADLINE_EXCEEDED), whatever the client's deadline. Server-streaming calls (the watches)
    /// are exempt: they are quiet until something changes and end when the client or the deadline ends them.
    /// </summary>
    public TimeSpan IdleCallTimeout { get; set; } = TimeSpan.FromSeconds(100);

    public BucketOptions PerUser { get; set; } = new() { TokenLimit = 200, TokensPerPeriod = 100 };

    /// <summary>Every user of one organisation together: one agency's scripts cannot starve the others.</summary>
    public BucketOptions PerOrganisation { get; set; } = new() { TokenLimit = 1000, TokensPerPeriod = 500 };

    public sealed class BucketOptions
    {
        public int TokenLimit { get; set; }

        public int TokensPerPeriod { get; set; }

        public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
    }
}
