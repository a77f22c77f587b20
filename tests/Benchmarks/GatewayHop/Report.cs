using System.Globalization;

namespace CapacityHub.Benchmarks.GatewayHop;

/// <summary>The figures as a markdown table, each gateway figure next to the direct one of the same run.</summary>
public static class Report
{
    public static string Markdown(HopOptions options, PhaseResult directOne, PhaseResult gatewayOne, PhaseResult directMany, PhaseResult gatewayMany)
    {
        var lines = new List<string>
        {
            $"GetTraining (one stored training, administrator): {options.Phase.TotalSeconds:0} s per target and phase in {options.Rounds} alternating round(s), after {options.Warmup.TotalSeconds:0} s of warm-up per target; " +
            $"log level {options.LogLevel ?? "as configured"}",
            "",
            "| measure | direct to Trainings | through the gateway | gateway/direct |",
            "|---|---:|---:|---:|",
            Row("1 caller: p50 latency (ms)", directOne.P50, gatewayOne.P50, "0.000"),
            Row("1 caller: p99 latency (ms)", directOne.P99, gatewayOne.P99, "0.000"),
            Row("1 caller: calls/s", directOne.CallsPerSecond, gatewayOne.CallsPerSecond, "0"),
            Row($"{options.Callers} callers: calls/s", directMany.CallsPerSecond, gatewayMany.CallsPerSecond, "0"),
            Row($"{options.Callers} callers: p50 latency (ms)", directMany.P50, gatewayMany.P50, "0.000"),
            Row($"{options.Callers} callers: p99 latency (ms)", directMany.P99, gatewayMany.P99, "0.000"),
            Row($"{options.Callers} callers: server CPU per call (µs; direct: Trainings, gateway: gateway + Trainings)",
                directMany.ServerCpuMicrosecondsPerCall, gatewayMany.ServerCpuMicrosecondsPerCall, "0"),
            "",
            $"calls: direct {directOne.Calls:N0} + {directMany.Calls:N0}, gateway {gatewayOne.Calls:N0} + {gatewayMany.Calls:N0}; " +
            $"{Environment.ProcessorCount} CPUs, load average {LoadAverage()}",
        };
        return string.Join('\n', lines);
    }

    private static string Row(string measure, double direct, double gateway, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"| {measure} | {direct.ToString(format, CultureInfo.InvariantCulture)} | {gateway.ToString(format, CultureInfo.InvariantCulture)} | {gateway / direct:0.00}x |");

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
