using System.Globalization;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>How big the seeded system is, how it is seeded and how much is measured.</summary>
public sealed record ScaleOptions
{
    public int Trainings { get; init; } = 1_000;
    public int Enrolments { get; init; } = 1_000_000;
    /// <summary>The funder's programmes; the trainings are spread evenly over them.</summary>
    public int Programmes { get; init; } = 10;
    /// <summary>"bulk" (the Trainings domain and store in this process, service stopped) or "grpc" (the public write RPCs).</summary>
    public string Seed { get; init; } = "bulk";
    /// <summary>Concurrent gRPC callers for seeding and for the throughput measurements.</summary>
    public int Concurrency { get; init; } = 16;
    /// <summary>Nominations (and GetTraining calls) in the throughput measurement.</summary>
    public int ProbeNominations { get; init; } = 2_000;
    /// <summary>Calls per latency measurement (impact calls and their health-check baseline).</summary>
    public int Calls { get; init; } = 200;
    /// <summary>LocalRun's base port; a free one is picked when not given.</summary>
    public int? BasePort { get; init; }
    /// <summary>Where the SQLite files live (kept afterwards); a fresh temp folder (deleted afterwards) when not given.</summary>
    public string? Data { get; init; }
    /// <summary>Measure a system an earlier run seeded in <see cref="Data"/> (its world.json), without seeding again.</summary>
    public bool MeasureOnly { get; init; }

    public int EnrolmentsPerTraining => (int)Math.Ceiling(Enrolments / (double)Trainings);

    public static ScaleOptions Parse(string[] args)
    {
        var options = new ScaleOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--measure-only")
            {
                options = options with { MeasureOnly = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--trainings" => options with { Trainings = Count(args[i], value) },
                "--enrolments" => options with { Enrolments = Count(args[i], value) },
                "--programmes" => options with { Programmes = Count(args[i], value) },
                "--seed" => options with { Seed = value is "bulk" or "grpc" ? value : throw new ArgumentException("--seed is bulk or grpc") },
                "--concurrency" => options with { Concurrency = Count(args[i], value) },
                "--probe-nominations" => options with { ProbeNominations = Count(args[i], value) },
                "--calls" => options with { Calls = Count(args[i], value) },
                "--base-port" => options with { BasePort = Count(args[i], value) },
                "--data" => options with { Data = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        if (options.MeasureOnly && options.Data is null)
        {
            throw new ArgumentException("--measure-only needs --data DIR of an earlier run");
        }

        if (options.EnrolmentsPerTraining > 10_000)
        {
            throw new ArgumentException("at most 10,000 enrolments per training (the seat limit); add trainings");
        }

        return options;
    }

    private static int Count(string name, string value) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException($"{name} must be a positive whole number, not \"{value}\"");
}
