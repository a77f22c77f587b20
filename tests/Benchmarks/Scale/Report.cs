using System.Globalization;
using System.Text;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>The run's figures as markdown tables, each next to its same-run baseline.</summary>
public static class Report
{
    public const double FunderBudgetMilliseconds = 200;

    public static string Markdown(ScaleOptions options, ScaleWorld world, Figures f, long databaseBytes)
    {
        var perProgramme = world.Trainings.Count(t => t.Programme == world.Programmes[0]);
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"## Scale benchmark: {world.Trainings.Count:N0} trainings, {world.Enrolments:N0} enrolments ({Math.Ceiling(world.Enrolments / (double)world.Trainings.Count):N0} per training), {world.Programmes.Count} programmes of one funder");
        s.AppendLine();
        // The file also holds the trainings, the probe nominations and the impact/reach aggregates: all counted against the enrolments.
        var enrolmentsOnDisk = world.Enrolments + options.ProbeNominations;
        s.AppendLine(CultureInfo.InvariantCulture, $"Seeded with `--seed {world.Seed}`; Trainings SQLite file {databaseBytes / 1048576.0:N0} MiB (WAL included), {databaseBytes / (double)enrolmentsOnDisk:N0} bytes per enrolment ({enrolmentsOnDisk:N0} seeded and probe nominations). {Environment.ProcessorCount} CPUs, shared.");
        s.AppendLine();
        s.AppendLine("| seeding phase | calls or writes | took | per second |");
        s.AppendLine("|---|---|---|---|");
        foreach (var (phase, calls, took) in world.Seeding)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {phase} | {calls:N0} | {took.TotalSeconds:N1} s | {calls / took.TotalSeconds:N0} |");
        }

        s.AppendLine();
        s.AppendLine("| measure | figure | baseline in the same run | ratio |");
        s.AppendLine("|---|---|---|---|");
        s.AppendLine(CultureInfo.InvariantCulture, $"| Nominate through gRPC, {options.Concurrency} concurrent callers | {f.NominationsPerSecond:N0} /s | GetTraining {f.GetTrainingPerSecond:N0} /s | {f.NominationsPerSecond / f.GetTrainingPerSecond:N2} |");
        Latency(s, $"GetImpactMetrics, one programme ({perProgramme} trainings), p50 / p99", f.ProgrammeImpact, f.Health);
        Latency(s, $"GetImpactMetrics, funder-wide ({world.Programmes.Count} programmes, {world.Trainings.Count} trainings), p50 / p99", f.FunderImpact, f.Health);
        Latency(s, "of which: ListProgrammes(funder) that Trainings asks Programmes first (measured directly), p50 / p99", f.FunderProgrammes, f.Health);
        s.AppendLine();
        var verdict = f.FunderImpact.P99 < FunderBudgetMilliseconds ? "within" : "OVER";
        s.AppendLine(CultureInfo.InvariantCulture, $"Funder-wide p99 {f.FunderImpact.P99:N1} ms: {verdict} the {FunderBudgetMilliseconds:N0} ms budget ({f.FunderImpact.Count} calls, one caller, interleaved with the baseline).");
        s.AppendLine();
        s.AppendLine("| process | RSS idle (after seeding) | RSS peak under load |");
        s.AppendLine("|---|---|---|");
        foreach (var name in f.IdleKilobytes.Keys)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {f.IdleKilobytes[name] / 1024.0:N0} MiB | {f.LoadedKilobytes.GetValueOrDefault(name) / 1024.0:N0} MiB |");
        }

        s.AppendLine();
        var m = f.FunderMetrics;
        s.AppendLine(CultureInfo.InvariantCulture,
            $"Check (funder view): {m.TrainingsCounted} trainings, {Value(m.Participations)} participations, {Value(m.UniqueParticipants)} unique participants, completion {Value(m.CompletionRate, "P1")}, attendance {Value(m.AttendanceRate, "P1")}, mean gain {Value(m.MeanGainPoints, "N1")} points.");
        return s.ToString();
    }

    private static void Latency(StringBuilder s, string what, Latencies call, Latencies baseline) =>
        s.AppendLine(CultureInfo.InvariantCulture,
            $"| {what} | {call.P50:N1} / {call.P99:N1} ms | {baseline.Name} {baseline.P50:N2} / {baseline.P99:N2} ms | ×{call.P50 / baseline.P50:N0} / ×{call.P99 / baseline.P99:N0} |");

    private static string Value(Trainings.V1.Metric? metric, string format = "N0") =>
        metric is null ? "-" : metric.Suppressed ? "suppressed" : metric.HasValue ? metric.Value.ToString(format, CultureInfo.InvariantCulture) : "-";
}
