namespace CapacityHub.Trainings.Domain.Impact;

/// <summary>The impact figures of DOMAIN.md for one query, each with the counts it was computed from.</summary>
public sealed record ImpactMetrics
{
    public required Metric UniqueParticipants { get; init; }
    public required Metric Participations { get; init; }
    public required long Countries { get; init; }
    public required long Organisations { get; init; }
    public required Breakdown ParticipantsByOrganisationType { get; init; }
    public required Breakdown ParticipantsBySector { get; init; }
    public required Metric FillRate { get; init; }
    public required Metric NoShowRate { get; init; }
    public required Metric AttendanceRate { get; init; }
    public required Metric CompletionRate { get; init; }
    public required Metric MeanGainPoints { get; init; }
    public required Metric MeanNormalisedGain { get; init; }
    public required Metric MeanSatisfaction { get; init; }
    public required Metric RelevantShare { get; init; }
    public required Metric ApplyingAtThreeMonths { get; init; }
    public required Metric ApplyingAtSixMonths { get; init; }
    public required Metric FemaleShare { get; init; }
    public required Breakdown FemaleShareByCountry { get; init; }
    public required Metric ReportsReceived { get; init; }
    public required Metric ReportsOnTime { get; init; }
    public required int TrainingsCounted { get; init; }
    public required bool Suppressed { get; init; }
}
