using System.Globalization;

namespace CapacityHub.Rpc.Protocol;

/// <summary>The grpc-timeout header: at most 8 ASCII digits followed by a unit H, M, S, m, u or n.</summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(value) || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        var digits = value.AsSpan(0, value.Length - 1);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / TimeSpan.NanosecondsPerTick,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>The shortest exact-or-rounded-up form that fits in 8 digits; negative becomes "1n".</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        var ticks = timeout.Ticks;
        if (ticks <= MaxValue / TimeSpan.NanosecondsPerTick)
        {
            return Unit(ticks * TimeSpan.NanosecondsPerTick, 'n');
        }

        var micros = CeilDiv(ticks, TimeSpan.TicksPerMicrosecond);
        if (micros <= MaxValue)
        {
            return Unit(micros, 'u');
        }

        var millis = CeilDiv(ticks, TimeSpan.TicksPerMillisecond);
        if (millis <= MaxValue)
        {
            return Unit(millis, 'm');
        }

        var seconds = CeilDiv(ticks, TimeSpan.TicksPerSecond);
        if (seconds <= MaxValue)
        {
            return Unit(seconds, 'S');
        }

        var minutes = CeilDiv(ticks, TimeSpan.TicksPerMinute);
        if (minutes <= MaxValue)
        {
            return Unit(minutes, 'M');
        }

        return Unit(Math.Min(CeilDiv(ticks, TimeSpan.TicksPerHour), MaxValue), 'H');
    }

    private static long CeilDiv(long value, long divisor) => (value + divisor - 1) / divisor;

    private static string Unit(long amount, char unit) => amount.ToString(CultureInfo.InvariantCulture) + unit;
}
