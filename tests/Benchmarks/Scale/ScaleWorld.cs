namespace CapacityHub.Benchmarks.Scale;

/// <summary>A nominating partner organisation as registered with the Partners service.</summary>
public sealed record Nominator(string Name, string CountryCode, string TypeLabel);

/// <summary>A seeded training: its programme, its session days and the partners that nominate to it.</summary>
public sealed record SeededTraining(string Name, string Id, string Programme, IReadOnlyList<string> SessionDays);

/// <summary>Everything the setup created, by resource name.</summary>
public sealed record ScaleWorld(
    string Funder,
    IReadOnlyList<Nominator> Nominators,
    IReadOnlyList<string> Programmes,
    string ProbeProgramme,
    IReadOnlyList<SeededTraining> Trainings)
{
    public IReadOnlyList<string> AllProgrammes => [.. Programmes, ProbeProgramme];
}
