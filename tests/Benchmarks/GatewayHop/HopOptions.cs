using System.Globalization;

namespace CapacityHub.Benchmarks.GatewayHop;

/// <summary>
/// tests/Benchmarks/GatewayHop/run.sh [--seconds S] [--warmup S] [--callers N] [--rounds R] [--base-port P] [--log-level L]
/// </summary>
/// <param name="LogLevel">
/// Logging:LogLevel:Default for every process; null keeps their own configuration (Information: ASP.NET Core
/// then logs every request, in each process a call passes through).
/// </param>
public sealed record HopOptions(TimeSpan Phase, TimeSpan Warmup, int Callers, int Rounds, int? BasePort, string? LogLevel)
{
    public static HopOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        var unknown = values.Keys.Except(["seconds", "warmup", "callers", "rounds", "base-port", "log-level"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(k => "--" + k))}.");
        }

        int Int(string name, int fallback, int min) =>
            values.TryGetValue(name, out var v) && int.Parse(v, CultureInfo.InvariantCulture) is var parsed
                ? parsed >= min ? parsed : throw new ArgumentException($"--{name} must be at least {min}.")
                : fallback;

        return new HopOptions(
            TimeSpan.FromSeconds(Int("seconds", 10, 1)),
            TimeSpan.FromSeconds(Int("warmup", 5, 0)),
            Int("callers", 16, 2),
            Int("rounds", 2, 1),
            values.ContainsKey("base-port") ? Int("base-port", 0, 1024) : null,
            values.GetValueOrDefault("log-level"));
    }
}
