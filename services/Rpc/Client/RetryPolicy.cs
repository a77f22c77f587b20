namespace CapacityHub.Rpc;

/// <summary>
/// Retries for unary calls that failed before any byte of a response arrived because no connection
/// could be made (refused, unreachable, name not resolved): the server never saw the request, so a
/// retry cannot duplicate work. Waits grow exponentially with random jitter and never outlast the deadline.
/// </summary>
public sealed record RetryPolicy(
    int MaxAttempts,
    TimeSpan InitialBackoff,
    TimeSpan MaxBackoff,
    double BackoffMultiplier = 2.0,
    double Jitter = 0.2)
{
    public static RetryPolicy Default { get; } = new(4, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The wait before attempt number <paramref name="attempt"/> + 1 (attempts count from 1).</summary>
    public TimeSpan BackoffAfter(int attempt, double random01)
    {
        var exponential = InitialBackoff.TotalMilliseconds * Math.Pow(BackoffMultiplier, attempt - 1);
        var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
        var jittered = capped * (1 + (Jitter * ((2 * random01) - 1)));
        return TimeSpan.FromMilliseconds(Math.Max(0, jittered));
    }

    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        }

        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            throw new ArgumentException("Backoffs must satisfy 0 <= InitialBackoff <= MaxBackoff.", nameof(MaxBackoff));
        }

        if (BackoffMultiplier < 1 || Jitter is < 0 or > 1)
        {
            throw new ArgumentException("BackoffMultiplier must be >= 1 and Jitter within [0, 1].", nameof(BackoffMultiplier));
        }
    }
}
