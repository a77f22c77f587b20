namespace CapacityHub.Trainings.Domain.Impact;

/// <summary>
/// Folds aggregate cells into metrics. Cost is linear in the number of cells passed, independent of the
/// number of enrolments. Unfiltered queries (a programme, a funder's programmes, a period) should be given
/// the training roll-up cells (one per training); country or organisation filters need participant cells.
/// </summary>
public static class ImpactCalculator
{
    public static ImpactMetrics Compute(
        ImpactQuery query,
        IEnumerable<TrainingFacts> trainings,
        IEnumerable<ImpactCell> impactCells,
        IEnumerable<ReachCell> reachCells,
        IEnumerable<ReportingCell> reportingCells) =>
        Compute(query, trainings, impactCells, FoldReach(query, reachCells), reportingCells);

    /// <summary>
    /// As above with reach already folded, e.g. from per programme-year roll-ups, so an unfiltered query
    /// reads one reach document per programme-year instead of every participant cell.
    /// </summary>
    public static ImpactMetrics Compute(
        ImpactQuery query,
        IEnumerable<TrainingFacts> trainings,
        IEnumerable<ImpactCell> impactCells,
        ReachSummary reach,
        IEnumerable<ReportingCell> reportingCells)
    {
        query.Validate();
        var inScope = new Dictionary<string, TrainingFacts>(StringComparer.Ordinal);
        foreach (var training in trainings)
        {
            if (query.IncludesTraining(training))
            {
                inScope[training.TrainingId] = training;
            }
        }

        var seats = inScope.Values.Where(t => !t.Cancelled).Sum(t => (long)t.Seats);
        // Callers may pass roll-ups, participant cells or both; roll-ups answer unfiltered queries, participant cells filtered ones.
        var useRollUps = !query.NeedsParticipantCells;
        var totals = default(ImpactCounts);
        var detailed = default(ImpactCounts);
        var sawRollUp = false;
        foreach (var cell in impactCells)
        {
            if (!inScope.ContainsKey(cell.Key.TrainingId))
            {
                continue;
            }

            if (cell.Key.IsTrainingTotal)
            {
                if (useRollUps)
                {
                    totals += cell.Counts;
                    sawRollUp = true;
                }
            }
            else if (query.IncludesCell(cell.Key.CountryCode, cell.Key.OrganisationId))
            {
                detailed += cell.Counts;
            }
        }

        if (!sawRollUp)
        {
            totals = detailed;
        }

        var reporting = FoldReporting(query, reportingCells);
        var metrics = new ImpactMetrics
        {
            UniqueParticipants = Metric.Count(reach.Unique),
            Participations = Metric.Count(totals.Enrolled),
            Countries = reach.Countries.Count,
            Organisations = reach.Organisations.Count,
            ParticipantsByOrganisationType = CountBreakdown(reach.ByOrganisationType),
            ParticipantsBySector = CountBreakdown(reach.BySector),
            FillRate = Metric.Ratio(totals.Enrolled, seats),
            NoShowRate = Metric.Ratio(totals.NoShows, totals.Enrolled),
            AttendanceRate = Metric.Ratio(totals.DaysAttended, totals.DaysScheduled),
            CompletionRate = Metric.Ratio(totals.Completers, totals.Enrolled),
            MeanGainPoints = Metric.Ratio(totals.GainPointsSum, totals.GainPairs),
            MeanNormalisedGain = Metric.Ratio(totals.NormalisedGainSum, totals.NormalisedGainCount),
            MeanSatisfaction = Metric.Ratio(totals.SatisfactionSum, totals.Reactions),
            RelevantShare = Metric.Ratio(totals.RatedRelevant, totals.Reactions),
            ApplyingAtThreeMonths = Metric.Ratio(totals.Applying3, totals.FollowUps3),
            ApplyingAtSixMonths = Metric.Ratio(totals.Applying6, totals.FollowUps6),
            FemaleShare = Metric.Ratio(reach.Female, reach.Unique),
            FemaleShareByCountry = new Breakdown(reach.ByCountry.Where(c => c.Value.Total > 0).ToDictionary(
                c => c.Key, c => Metric.Ratio(c.Value.Female, c.Value.Total), StringComparer.Ordinal)),
            ReportsReceived = Metric.Ratio(reporting.Received, reporting.Expected),
            ReportsOnTime = Metric.Ratio(reporting.OnTime, reporting.Expected),
            TrainingsCounted = inScope.Count,
            Suppressed = query.Suppresses,
        };

        return query.Suppresses ? Suppress(metrics, seats, query.MinimumCellCount) : metrics;
    }

    /// <summary>
    /// The funder view (DisclosureControl): counts of people hidden under the minimum and rounded to its base
    /// above it, shares recomputed from rounded parts, means coarsened. Reporting discipline is about
    /// organisations, not people, and stays exact.
    /// </summary>
    private static ImpactMetrics Suppress(ImpactMetrics m, long seats, int min) => m with
    {
        UniqueParticipants = DisclosureControl.Count(m.UniqueParticipants, min),
        Participations = DisclosureControl.Count(m.Participations, min),
        ParticipantsByOrganisationType = DisclosureControl.Counts(m.ParticipantsByOrganisationType, min),
        ParticipantsBySector = DisclosureControl.Counts(m.ParticipantsBySector, min),
        FillRate = DisclosureControl.PeopleOverCapacity(m.FillRate, seats, min),
        NoShowRate = DisclosureControl.PeopleRatio(m.NoShowRate, min),
        AttendanceRate = DisclosureControl.Mean(m.AttendanceRate, m.Participations.Denominator, 0.01, min),
        CompletionRate = DisclosureControl.PeopleRatio(m.CompletionRate, min),
        MeanGainPoints = DisclosureControl.Mean(m.MeanGainPoints, m.MeanGainPoints.Denominator, 1, min),
        MeanNormalisedGain = DisclosureControl.Mean(m.MeanNormalisedGain, m.MeanNormalisedGain.Denominator, 0.01, min),
        MeanSatisfaction = DisclosureControl.Mean(m.MeanSatisfaction, m.MeanSatisfaction.Denominator, 0.1, min),
        RelevantShare = DisclosureControl.PeopleRatio(m.RelevantShare, min),
        ApplyingAtThreeMonths = DisclosureControl.PeopleRatio(m.ApplyingAtThreeMonths, min),
        ApplyingAtSixMonths = DisclosureControl.PeopleRatio(m.ApplyingAtSixMonths, min),
        FemaleShare = DisclosureControl.PeopleRatio(m.FemaleShare, min),
        FemaleShareByCountry = DisclosureControl.PeopleRatios(m.FemaleShareByCountry, min),
    };

    private static Breakdown CountBreakdown(IReadOnlyDictionary<string, long> counts) =>
        new(counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => Metric.Count(c.Value), StringComparer.Ordinal));

    private static ReachSummary FoldReach(ImpactQuery query, IEnumerable<ReachCell> cells)
    {
        var totals = new ReachSummary();
        foreach (var cell in cells)
        {
            var key = cell.Key;
            if (cell.UniqueParticipants > 0 && query.ProgrammeIds.Contains(key.ProgrammeId) && query.IncludesYear(key.Year)
                && query.IncludesCell(key.CountryCode, key.OrganisationId))
            {
                totals.Add(key, cell.UniqueParticipants);
            }
        }

        return totals;
    }

    private static (long Expected, long Received, long OnTime) FoldReporting(ImpactQuery query, IEnumerable<ReportingCell> cells)
    {
        long expected = 0, received = 0, onTime = 0;
        foreach (var cell in cells)
        {
            if (query.ProgrammeIds.Contains(cell.Key.ProgrammeId) && query.IncludesYear(cell.Key.DueYear)
                && (query.OrganisationId is null || query.OrganisationId == cell.Key.OrganisationId)
                && (query.CountryCode is null || query.CountryOrganisations?.Contains(cell.Key.OrganisationId) == true))
            {
                expected += cell.Expected;
                received += cell.Received;
                onTime += cell.OnTime;
            }
        }

        return (expected, received, onTime);
    }
}
