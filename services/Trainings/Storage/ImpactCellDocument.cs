using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Domain.Nominations;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// One impact cell as stored: the key fields (indexed for filtered queries) plus every additive count.
/// Field names are the increment paths, so <see cref="IncrementsOf"/> and the record must stay in step.
/// </summary>
public sealed record ImpactCellDocument
{
    public required string Id { get; init; }
    public required string TrainingId { get; init; }
    public bool RollUp { get; init; }
    public string CountryCode { get; init; } = "";
    public string OrganisationId { get; init; } = "";
    public string OrganisationType { get; init; } = "";
    public string Sector { get; init; } = "";
    public Sex Sex { get; init; }
    public long Nominations { get; init; }
    public long Enrolled { get; init; }
    public long NoShows { get; init; }
    public long DaysScheduled { get; init; }
    public long DaysAttended { get; init; }
    public long Completers { get; init; }
    public long GainPairs { get; init; }
    public double GainPointsSum { get; init; }
    public long NormalisedGainCount { get; init; }
    public double NormalisedGainSum { get; init; }
    public long Reactions { get; init; }
    public long SatisfactionSum { get; init; }
    public long RatedRelevant { get; init; }
    public long FollowUps3 { get; init; }
    public long Applying3 { get; init; }
    public long FollowUps6 { get; init; }
    public long Applying6 { get; init; }

    /// <summary>An all-zero cell to seed the first increment with.</summary>
    public static ImpactCellDocument Seed(ImpactCellKey key) => new()
    {
        Id = key.ToId(),
        TrainingId = key.TrainingId,
        RollUp = key.IsTrainingTotal,
        CountryCode = key.CountryCode,
        OrganisationId = key.OrganisationId,
        OrganisationType = key.OrganisationType,
        Sector = key.Sector,
        Sex = key.Sex,
    };

    public ImpactCell ToCell() => new(
        new ImpactCellKey(TrainingId, CountryCode, OrganisationId, OrganisationType, Sector, Sex),
        new ImpactCounts
        {
            Nominations = Nominations,
            Enrolled = Enrolled,
            NoShows = NoShows,
            DaysScheduled = DaysScheduled,
            DaysAttended = DaysAttended,
            Completers = Completers,
            GainPairs = GainPairs,
            GainPointsSum = GainPointsSum,
            NormalisedGainCount = NormalisedGainCount,
            NormalisedGainSum = NormalisedGainSum,
            Reactions = Reactions,
            SatisfactionSum = SatisfactionSum,
            RatedRelevant = RatedRelevant,
            FollowUps3 = FollowUps3,
            Applying3 = Applying3,
            FollowUps6 = FollowUps6,
            Applying6 = Applying6,
        });

    /// <summary>The non-zero increments a delta needs; integer counts stay integral in the store.</summary>
    public static IReadOnlyList<CapacityHub.Storage.Increment> IncrementsOf(ImpactCounts d)
    {
        var increments = new List<CapacityHub.Storage.Increment>();
        void Long(string path, long value)
        {
            if (value != 0)
            {
                increments.Add(CapacityHub.Storage.Increment.By(path, value));
            }
        }

        void Real(string path, double value)
        {
            if (value != 0)
            {
                increments.Add(CapacityHub.Storage.Increment.By(path, value));
            }
        }

        Long("nominations", d.Nominations);
        Long("enrolled", d.Enrolled);
        Long("noShows", d.NoShows);
        Long("daysScheduled", d.DaysScheduled);
        Long("daysAttended", d.DaysAttended);
        Long("completers", d.Completers);
        Long("gainPairs", d.GainPairs);
        Real("gainPointsSum", d.GainPointsSum);
        Long("normalisedGainCount", d.NormalisedGainCount);
        Real("normalisedGainSum", d.NormalisedGainSum);
        Long("reactions", d.Reactions);
        Long("satisfactionSum", d.SatisfactionSum);
        Long("ratedRelevant", d.RatedRelevant);
        Long("followUps3", d.FollowUps3);
        Long("applying3", d.Applying3);
        Long("followUps6", d.FollowUps6);
        Long("applying6", d.Applying6);
        return increments;
    }
}

/// <summary>The per-training facts metrics need (seats for fill rate, programme and date for scoping).</summary>
public sealed record TrainingFactsDocument(string Id, string ProgrammeId, int Seats, int StartDateNumber, bool Cancelled)
{
    public TrainingFacts ToFacts() =>
        new(Id, ProgrammeId, Seats, new NodaTime.LocalDate(StartDateNumber / 10000, StartDateNumber / 100 % 100, StartDateNumber % 100), Cancelled);

    public static TrainingFactsDocument From(TrainingFacts facts) =>
        new(facts.TrainingId, facts.ProgrammeId, facts.Seats, (facts.StartDate.Year * 10000) + (facts.StartDate.Month * 100) + facts.StartDate.Day, facts.Cancelled);
}
