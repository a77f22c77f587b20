namespace CapacityHub.Gateway.Limits;

/// <summary>A request body over the gateway's one limit (<see cref="GatewayLimitsOptions.MaxRequestBodyBytes"/>): answered with 413.</summary>
public sealed class BodyTooLargeException(long limit) : Exception($"The request body is larger than the gateway's limit of {limit} bytes ({limit / (1024 * 1024)} MiB).")
{
    public long Limit { get; } = limit;
}
