using System.Globalization;

namespace CapacityHub.Gateway.Forwarding;

/// <summary>
/// The <c>grpc-timeout</c> header (gRPC over HTTP/2: at most 8 digits and a unit, H M S m u n), read and
/// written so the gateway can pass a call on with the time it spent taken off.
/// </summary>
public static class GrpcTimeout
{
    public const string Header = "grpc-timeout";

    private const long MaxDigits = 99_999_999;

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is not { Length: >= 2 and <= 9 } || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>The finest unit that holds the value in 8 digits (never rounding a deadline up).</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(0, timeout.Ticks);
        if (ticks / TimeSpan.TicksPerMicrosecond <= MaxDigits)
        {
            return Invariant(ticks / TimeSpan.TicksPerMicrosecond, 'u');
        }

        if (ticks / TimeSpan.TicksPerMillisecond <= MaxDigits)
        {
            return Invariant(ticks / TimeSpan.TicksPerMillisecond, 'm');
        }

        if (ticks / TimeSpan.TicksPerSecond <= MaxDigits)
        {
            return Invariant(ticks / TimeSpan.TicksPerSecond, 'S');
        }

        return ticks / TimeSpan.TicksPerMinute <= MaxDigits
            ? Invariant(ticks / TimeSpan.TicksPerMinute, 'M')
            : Invariant(Math.Min(MaxDigits, ticks / TimeSpan.TicksPerHour), 'H');
    }

    private static string Invariant(long amount, char unit) => amount.ToString(CultureInfo.InvariantCulture) + unit;
}
