using System.Text.Json;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>A nominating partner organisation as registered with the Partners service.</summary>
public sealed record Nominator(string Name, string CountryCode, string TypeLabel);

/// <summary>A seeded training: its programme, its session days and the partners that nominate to it.</summary>
public sealed record SeededTraining(string Name, string Id, string Programme, IReadOnlyList<string> SessionDays);

/// <summary>
/// Everything the setup created, by resource name, and how seeding went; kept as world.json in the data
/// folder so that <c>--measure-only</c> can measure the same system again.
/// </summary>
public sealed record ScaleWorld(
    string Funder,
    IReadOnlyList<Nominator> Nominators,
    IReadOnlyList<string> Programmes,
    string ProbeProgramme,
    IReadOnlyList<SeededTraining> Trainings,
    IReadOnlyList<SeededTraining> Probes,
    int Enrolments,
    string Seed,
    IReadOnlyList<SeedingPhase> Seeding)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public IReadOnlyList<string> AllProgrammes => [.. Programmes, ProbeProgramme];

    public void Save(string folder) => File.WriteAllText(Path.Combine(folder, "world.json"), JsonSerializer.Serialize(this, Json));

    public static ScaleWorld Load(string folder)
    {
        var file = Path.Combine(folder, "world.json");
        return File.Exists(file)
            ? JsonSerializer.Deserialize<ScaleWorld>(File.ReadAllText(file), Json) ?? throw new InvalidOperationException($"{file} is empty")
            : throw new FileNotFoundException($"{file} is missing: --measure-only measures a data folder an earlier run seeded", file);
    }
}

/// <summary>One step of seeding: what ran, how many calls or writes, how long it took.</summary>
public sealed record SeedingPhase(string Phase, int Calls, TimeSpan Took);
