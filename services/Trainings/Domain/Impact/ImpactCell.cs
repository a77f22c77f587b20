using CapacityHub.Trainings.Domain.Nominations;

namespace CapacityHub.Trainings.Domain.Impact;

/// <summary>
/// The grain at which participant metrics are aggregated: one training × the participant's country,
/// nominating organisation (and its type), sector and sex. Small enough to fold fast, fine enough for
/// every breakdown funders and managers ask for.
/// </summary>
public sealed record ImpactCellKey(string TrainingId, string CountryCode, string OrganisationId, string OrganisationType, string Sector, Sex Sex)
{
    /// <summary>A stable document id for the cell (fields cannot contain the separator: '|' is rejected in ids).</summary>
    public string ToId() => string.Join('|', TrainingId, CountryCode, OrganisationId, OrganisationType, Sector, (int)Sex);

    /// <summary>
    /// The roll-up of every participant cell of one training. Kept alongside the detailed cells so that
    /// queries without a country or organisation filter fold one cell per training instead of hundreds.
    /// </summary>
    public static ImpactCellKey TrainingTotal(string trainingId) => new(trainingId, "*", "*", "*", "*", Sex.NotRecorded);

    public bool IsTrainingTotal => CountryCode == "*";
}

public sealed record ImpactCell(ImpactCellKey Key, ImpactCounts Counts);

/// <summary>What the training contributes regardless of who enrols: its seats, programme and date.</summary>
public sealed record TrainingFacts(string TrainingId, string ProgrammeId, int Seats, NodaTime.LocalDate StartDate, bool Cancelled);

/// <summary>
/// Unique people reached in a programme and year (people, not participations). Kept by reference count
/// per person so a person enrolled in three trainings of one programme-year counts once.
/// </summary>
public sealed record ReachCellKey(string ProgrammeId, int Year, string CountryCode, string OrganisationId, string OrganisationType, string Sector, Sex Sex)
{
    public string ToId() => string.Join('|', ProgrammeId, Year, CountryCode, OrganisationId, OrganisationType, Sector, (int)Sex);
}

public sealed record ReachCell(ReachCellKey Key, long UniqueParticipants);

/// <summary>Expected, received and on-time outcome reports for a programme × partner × due year.</summary>
public sealed record ReportingCellKey(string ProgrammeId, string OrganisationId, int DueYear)
{
    public string ToId() => string.Join('|', ProgrammeId, OrganisationId, DueYear);
}

public sealed record ReportingCell(ReportingCellKey Key, long Expected, long Received, long OnTime);
