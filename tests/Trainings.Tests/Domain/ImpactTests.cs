using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Domain.Learning;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;
using NodaTime;
using Xunit.Abstractions;

namespace CapacityHub.Trainings.Tests.Domain;

public class ImpactTests(ITestOutputHelper output)
{
    private const string Programme = "programmes/jpus-ics";
    private static readonly TrainingFacts Facts = new("t-1", Programme, Seats: 10, new LocalDate(2026, 3, 2), Cancelled: false);

    /// <summary>
    /// Four booked participants of a two-day training, hand-checked:
    ///   A: 2/2 days, pre 40 post 80 (max 100) → gain 40 pts, normalised 40/60 = 0.6667, passed → completer
    ///   B: 1/2 days, pre 50 post 75          → gain 25 pts, normalised 25/50 = 0.5, attendance 50% → not a completer
    ///   C: 0/2 days (no-show), no scores
    ///   D: 2/2 days, pre 100 post 100        → gain 0 pts, normalised undefined (perfect pre-test, left out), completer
    /// Reactions: A 5 (relevance 5), B 3 (relevance 2), D 4 (relevance 4). Follow-up at 3 months: A applying, D not.
    /// </summary>
    private static List<EnrolmentSnapshot> FourParticipants()
    {
        var training = TestData.OpenTraining(seats: 10);
        var roster = new Roster(training, []);
        var specs = new[]
        {
            ("A", Sex.Female, "VN", 2, (int?)40, (int?)80, (int?)5, (int?)5, (bool?)true),
            ("B", Sex.Male, "VN", 1, 50, 75, 3, 2, null),
            ("C", Sex.Female, "TH", 0, null, null, null, null, null),
            ("D", Sex.Male, "TH", 2, 100, 100, 4, 4, false),
        };
        foreach (var spec in specs)
        {
            roster.Nominate(spec.Item1, TestData.Person(spec.Item1, spec.Item3, spec.Item2), "organisations/vncert", TestData.DuringWindow, true);
            roster.Approve(spec.Item1);
            roster.Book(spec.Item1);
        }

        training.Confirm();
        training.Start();
        var end = training.LastEnd!.Value;
        var snapshots = new List<EnrolmentSnapshot>();
        foreach (var (id, _, _, days, pre, post, satisfaction, relevance, applying) in specs)
        {
            var nomination = roster.Find(id);
            var record = new LearningRecord(id);
            for (var d = 1; d <= days; d++)
            {
                record.RecordAttendance(training, nomination, $"d-{d}", true, TestData.AfterTheTraining);
            }

            if (pre is not null)
            {
                record.RecordAssessment(nomination, Assessment.Create(AssessmentKind.Pre, pre.Value, 100));
                record.RecordAssessment(nomination, Assessment.Create(AssessmentKind.Post, post!.Value, 100));
            }

            if (satisfaction is not null)
            {
                record.RecordReaction(nomination, ReactionEvaluation.Create(satisfaction.Value, relevance!.Value));
            }

            if (applying is not null)
            {
                record.RecordFollowUp(nomination, BehaviourFollowUp.Create(FollowUpPoint.ThreeMonths, applying.Value, end + Duration.FromDays(90), end, ""));
            }

            roster.CloseAttendance(id, days, 2);
            snapshots.Add(new EnrolmentSnapshot(nomination, record, "CSIRT", 2, CompletionPolicy.Default));
        }

        return snapshots;
    }

    private static List<ImpactCell> Aggregate(IEnumerable<EnrolmentSnapshot> snapshots)
    {
        var cells = new Dictionary<ImpactCellKey, ImpactCounts>();
        foreach (var change in snapshots.SelectMany(s => ImpactDelta.Between(null, s)))
        {
            cells[change.Key] = cells.GetValueOrDefault(change.Key) + change.Counts;
        }

        return cells.Select(c => new ImpactCell(c.Key, c.Value)).ToList();
    }

    private static List<ReachCell> Reach(IEnumerable<EnrolmentSnapshot> snapshots, int year = 2026) =>
        snapshots.Where(s => s.IsEnrolled)
            .GroupBy(s => new ReachCellKey(Programme, year, s.Nomination.Participant.CountryCode, s.Nomination.NominatingOrganisationId, s.OrganisationType, s.Nomination.Participant.Sector, s.Nomination.Participant.Sex))
            .Select(g => new ReachCell(g.Key, g.Select(s => s.Nomination.Participant.Id).Distinct().Count()))
            .ToList();

    private static ImpactQuery Query(ImpactAudience audience = ImpactAudience.Internal) =>
        new() { ProgrammeIds = new HashSet<string> { Programme }, Audience = audience };

    [Fact]
    public void FormulasOnHandCheckedData()
    {
        var people = FourParticipants();
        var reporting = new[] { new ReportingCell(new ReportingCellKey(Programme, "organisations/vncert", 2026), Expected: 4, Received: 3, OnTime: 2) };

        var m = ImpactCalculator.Compute(Query(), [Facts], Aggregate(people), Reach(people), reporting);

        Assert.Equal(4, m.UniqueParticipants.Value);
        Assert.Equal(2, m.Countries);
        Assert.Equal(1, m.Organisations);
        Assert.Equal(0.4, m.FillRate.Value);                         // 4 booked / 10 seats
        Assert.Equal(0.25, m.NoShowRate.Value);                      // C
        Assert.Equal(5.0 / 8, m.AttendanceRate.Value);               // 2+1+0+2 of 4×2 days
        Assert.Equal(0.5, m.CompletionRate.Value);                   // A and D of 4
        Assert.Equal((40 + 25 + 0) / 3.0, m.MeanGainPoints.Value!.Value, 9);
        Assert.Equal((40.0 / 60 + 0.5) / 2, m.MeanNormalisedGain.Value!.Value, 9);
        Assert.Equal(4.0, m.MeanSatisfaction.Value);                 // (5+3+4)/3
        Assert.Equal(2.0 / 3, m.RelevantShare.Value!.Value, 9);      // A and D
        Assert.Equal(0.5, m.ApplyingAtThreeMonths.Value);            // A of A, D
        Assert.Null(m.ApplyingAtSixMonths.Value);                    // nobody asked yet
        Assert.Equal(0.5, m.FemaleShare.Value);
        Assert.Equal(0.5, m.FemaleShareByCountry.Cells["VN"].Value);
        Assert.Equal(0.75, m.ReportsReceived.Value);
        Assert.Equal(0.5, m.ReportsOnTime.Value);
        Assert.Equal(4, m.ParticipantsByOrganisationType.Cells["CSIRT"].Value);
        Assert.False(m.Suppressed);
    }

    [Fact]
    public void IncrementalUpdatesEqualAFullRecount()
    {
        var people = FourParticipants();
        var cells = Aggregate(people).ToDictionary(c => c.Key, c => c.Counts);

        // B's post-test is corrected from 75 to 95 (now passes) and B's 6-month follow-up arrives.
        var before = people[1];
        var record = LearningRecord.Restore("B", before.Learning!.Attendance, before.Learning.Assessments.Values, before.Learning.Reaction, before.Learning.FollowUps.Values, null);
        record.RecordAssessment(before.Nomination, Assessment.Create(AssessmentKind.Post, 95, 100));
        var after = before with { Learning = record };
        foreach (var change in ImpactDelta.Between(before, after))
        {
            cells[change.Key] = cells.GetValueOrDefault(change.Key) + change.Counts;
        }

        var recount = Aggregate([people[0], after, people[2], people[3]]).ToDictionary(c => c.Key, c => c.Counts);
        var maintained = cells.Where(c => !c.Value.IsZero).ToDictionary(c => c.Key, c => c.Value);
        Assert.Equal(recount.Keys.OrderBy(k => k.ToId()), maintained.Keys.OrderBy(k => k.ToId()));
        foreach (var (key, expected) in recount)
        {
            // Sums of fractions drift in the last bits when added in a different order; counts must match exactly.
            var actual = maintained[key];
            Assert.Equal(expected with { GainPointsSum = 0, NormalisedGainSum = 0 }, actual with { GainPointsSum = 0, NormalisedGainSum = 0 });
            Assert.Equal(expected.GainPointsSum, actual.GainPointsSum, 9);
            Assert.Equal(expected.NormalisedGainSum, actual.NormalisedGainSum, 9);
        }

        var metrics = ImpactCalculator.Compute(Query(), [Facts], cells.Select(c => new ImpactCell(c.Key, c.Value)), [], []);
        Assert.Equal((40.0 / 60 + 45.0 / 50) / 2, metrics.MeanNormalisedGain.Value!.Value, 9);
        // B now passes but attended 1 of 2 days: still not a completer.
        Assert.Equal(0.5, metrics.CompletionRate.Value);
    }

    [Fact]
    public void MovingACellKeyTakesTheContributionAlong()
    {
        var snapshot = FourParticipants()[0];
        var moved = snapshot with { OrganisationType = "GOVERNMENT" };

        var delta = ImpactDelta.Between(snapshot, moved);

        Assert.Equal(2, delta.Count);
        Assert.Equal(-1, delta.Single(d => d.Key.OrganisationType == "CSIRT").Counts.Enrolled);
        Assert.Equal(1, delta.Single(d => d.Key.OrganisationType == "GOVERNMENT").Counts.Enrolled);
        Assert.Empty(ImpactDelta.Between(snapshot, snapshot));
    }

    [Fact]
    public void WithdrawnNominationCountsAsNominationOnly()
    {
        var training = TestData.OpenTraining();
        var roster = new Roster(training, []);
        var n = roster.Nominate("w", TestData.Person("w"), "organisations/vncert", TestData.DuringWindow, true);
        roster.Approve("w");
        roster.Book("w");
        var booked = new EnrolmentSnapshot(n, null, "CSIRT", 2, CompletionPolicy.Default).Contribution();
        roster.Withdraw("w", "ill");
        var withdrawn = new EnrolmentSnapshot(n, null, "CSIRT", 2, CompletionPolicy.Default).Contribution();

        Assert.Equal(1, booked.Enrolled);
        Assert.Equal(2, booked.DaysScheduled);
        Assert.Equal(new ImpactCounts { Nominations = 1 }, withdrawn);
    }

    [Fact]
    public void ReachCountsAPersonOncePerProgrammeYear()
    {
        Assert.Equal(1, ReachDelta.ForEnrolmentCountChange(0, 1));
        Assert.Equal(0, ReachDelta.ForEnrolmentCountChange(1, 2));
        Assert.Equal(0, ReachDelta.ForEnrolmentCountChange(2, 1));
        Assert.Equal(-1, ReachDelta.ForEnrolmentCountChange(1, 0));
    }

    [Fact]
    public void FunderViewSuppressesFiguresOnFewerThanFivePeople()
    {
        var people = FourParticipants();

        var m = ImpactCalculator.Compute(Query(ImpactAudience.Funder), [Facts], Aggregate(people), Reach(people), []);

        Assert.True(m.Suppressed);
        Assert.True(m.UniqueParticipants.Suppressed);
        Assert.Null(m.UniqueParticipants.Value);
        Assert.Equal(0, m.UniqueParticipants.Denominator);
        Assert.True(m.CompletionRate.Suppressed);
        Assert.True(m.MeanNormalisedGain.Suppressed);
        Assert.True(m.FemaleShareByCountry.Cells["VN"].Suppressed);
        // Counting countries and organisations identifies nobody.
        Assert.Equal(2, m.Countries);
        // Zero people is not a small cell: six-month follow-ups stay visibly empty.
        Assert.False(m.ApplyingAtSixMonths.Suppressed);
    }

    [Fact]
    public void FunderViewRoundsFiguresOnFiveOrMorePeopleDownToFiveAndHidesSmallerOnes()
    {
        var cells = new List<ReachCell>
        {
            new(new ReachCellKey(Programme, 2026, "VN", "o1", "CSIRT", "CERT", Sex.Female), 6),
            new(new ReachCellKey(Programme, 2026, "VN", "o1", "CSIRT", "CERT", Sex.Male), 6),
            new(new ReachCellKey(Programme, 2026, "TH", "o2", "CSIRT", "CERT", Sex.Female), 9),
            new(new ReachCellKey(Programme, 2026, "PH", "o3", "CSIRT", "CERT", Sex.Female), 7),
            new(new ReachCellKey(Programme, 2026, "LA", "o4", "CSIRT", "CERT", Sex.Male), 2),
        };

        var m = ImpactCalculator.Compute(Query(ImpactAudience.Funder), [Facts], [], cells, []);

        Assert.Equal(30, m.UniqueParticipants.Value);
        // 22 women are published as 20 (of 30), every share from its rounded parts.
        Assert.Equal(20.0 / 30, m.FemaleShare.Value!.Value, 9);
        Assert.True(m.FemaleShareByCountry.Cells["LA"].Suppressed);
        Assert.Equal(1.0, m.FemaleShareByCountry.Cells["PH"].Value);   // 7 of 7 → 5 of 5
        Assert.Equal(5, m.FemaleShareByCountry.Cells["PH"].Denominator);
        Assert.Equal(0.5, m.FemaleShareByCountry.Cells["VN"].Value);   // 6 of 12 → 5 of 10
        Assert.Equal(1.0, m.FemaleShareByCountry.Cells["TH"].Value);   // 9 of 9 → 5 of 5
    }

    [Fact]
    public void ReportingDisciplineFollowsTheCountryFilterThroughTheCountrysOrganisations()
    {
        var reporting = new[]
        {
            new ReportingCell(new ReportingCellKey(Programme, "organisations/vncert", 2026), Expected: 4, Received: 3, OnTime: 2),
            new ReportingCell(new ReportingCellKey(Programme, "organisations/thaicert", 2026), Expected: 6, Received: 1, OnTime: 0),
        };
        var vietnam = Query() with { CountryCode = "VN", CountryOrganisations = new HashSet<string> { "organisations/vncert" } };

        var all = ImpactCalculator.Compute(Query(), [Facts], [], [], reporting);
        var vn = ImpactCalculator.Compute(vietnam, [Facts], [], [], reporting);

        Assert.Equal(0.4, all.ReportsReceived.Value);   // 4 of 10
        Assert.Equal(0.75, vn.ReportsReceived.Value);   // VNCERT's 3 of 4 only
        Assert.Equal(0.5, vn.ReportsOnTime.Value);
    }

    [Fact]
    public void InternalViewIsExactAndFunderViewCannotLowerTheMinimum()
    {
        var people = FourParticipants();
        Assert.Equal(4, ImpactCalculator.Compute(Query(), [Facts], Aggregate(people), Reach(people), []).UniqueParticipants.Value);

        var error = Assert.Throws<DomainValidationException>(() => ImpactCalculator.Compute(Query(ImpactAudience.Funder) with { MinimumCellCount = 2 }, [Facts], [], [], []));
        Assert.Equal("minimum_cell_count", error.Errors.Single().Field);
    }

    [Fact]
    public void FiltersSelectProgrammePeriodCountryAndOrganisation()
    {
        var people = FourParticipants();
        var later = Facts with { TrainingId = "t-2", StartDate = new LocalDate(2027, 2, 1) };
        var laterCells = Aggregate(people.Select(p => p)).Select(c => c with { Key = c.Key with { TrainingId = "t-2" } });
        var allCells = Aggregate(people).Concat(laterCells).ToList();

        var all = ImpactCalculator.Compute(Query(), [Facts, later], allCells, [], []);
        var only2026 = ImpactCalculator.Compute(Query() with { From = new LocalDate(2026, 1, 1), To = new LocalDate(2026, 12, 31) }, [Facts, later], allCells, [], []);
        var thailand = ImpactCalculator.Compute(Query() with { CountryCode = "TH" }, [Facts], allCells, [], []);
        var otherProgramme = ImpactCalculator.Compute(new ImpactQuery { ProgrammeIds = new HashSet<string> { "programmes/other" } }, [Facts, later], allCells, [], []);

        Assert.Equal(8, all.Participations.Value);
        Assert.Equal(0.4, all.FillRate.Value);
        Assert.Equal(4, only2026.Participations.Value);
        Assert.Equal(2, thailand.Participations.Value);
        Assert.Equal(0.5, thailand.NoShowRate.Value);
        Assert.Equal(0, otherProgramme.Participations.Value);
        Assert.Null(otherProgramme.FillRate.Value);
    }

    [Fact]
    public void FunderWideFoldOverAThousandTrainingsAndAMillionEnrolmentsStaysUnder200Milliseconds()
    {
        // 1,000 trainings × 1,000 enrolments, aggregated into cells of (training × 10 countries × 4 organisation types
        // × 3 sectors × 2 sexes) = 240,000 cells at most; the fold cost does not depend on the 1,000,000 enrolments.
        var countries = new[] { "VN", "TH", "MY", "ID", "PH", "SG", "KH", "LA", "MM", "BN" };
        var types = new[] { "CSIRT", "GOVERNMENT", "LAW_ENFORCEMENT", "REGULATOR" };
        var sectors = new[] { "CERT", "government", "finance" };
        var programmes = Enumerable.Range(0, 20).Select(i => $"programmes/p{i}").ToList();
        var trainings = Enumerable.Range(0, 1000).Select(i => new TrainingFacts($"t{i}", programmes[i % 20], 40, new LocalDate(2025, 1, 1).PlusDays(i), false)).ToList();
        var cells = new List<ImpactCell>(240_000);
        long enrolments = 0;
        foreach (var training in trainings)
        {
            foreach (var country in countries)
            {
                foreach (var type in types)
                {
                    foreach (var sector in sectors)
                    {
                        foreach (var sex in new[] { Sex.Female, Sex.Male })
                        {
                            // 1,000,000 / 240,000 ≈ 4.17 enrolments per cell.
                            var n = cells.Count % 6 == 0 ? 5 : 4;
                            enrolments += n;
                            cells.Add(new ImpactCell(new ImpactCellKey(training.TrainingId, country, $"organisations/{country}-{type}", type, sector, sex), new ImpactCounts
                            {
                                Nominations = n + 1,
                                Enrolled = n,
                                NoShows = 0,
                                DaysScheduled = 3 * n,
                                DaysAttended = 3 * n - 1,
                                Completers = n - 1,
                                GainPairs = n,
                                GainPointsSum = 20.5 * n,
                                NormalisedGainCount = n,
                                NormalisedGainSum = 0.4 * n,
                                Reactions = n,
                                SatisfactionSum = 4 * n,
                                RatedRelevant = n,
                            }));
                        }
                    }
                }
            }
        }

        // What storage keeps next to the participant cells: one roll-up per training.
        var rollUps = cells.GroupBy(c => c.Key.TrainingId)
            .Select(g => new ImpactCell(ImpactCellKey.TrainingTotal(g.Key), g.Aggregate(default(ImpactCounts), (sum, c) => sum + c.Counts)))
            .ToList();
        var funderWide = new ImpactQuery { ProgrammeIds = programmes.ToHashSet(), Audience = ImpactAudience.Funder };
        var oneCountry = funderWide with { CountryCode = "TH" };
        ImpactCalculator.Compute(funderWide, trainings, rollUps, [], []); // warm up JIT
        ImpactCalculator.Compute(oneCountry, trainings, cells, [], []);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var metrics = ImpactCalculator.Compute(funderWide, trainings, rollUps, [], []);
        var funderWideMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var thailand = ImpactCalculator.Compute(oneCountry, trainings, cells, [], []);
        var countryMs = watch.Elapsed.TotalMilliseconds;

        output.WriteLine($"funder-wide fold over {rollUps.Count} roll-ups: {funderWideMs:0.00} ms; country fold over {cells.Count} cells: {countryMs:0.00} ms");
        Assert.InRange(enrolments, 999_000, 1_001_000);
        Assert.Equal(enrolments, metrics.Participations.Value);
        Assert.Equal(0.4, metrics.MeanNormalisedGain.Value!.Value, 9);
        Assert.Equal(cells.Where(c => c.Key.CountryCode == "TH").Sum(c => c.Counts.Enrolled), thailand.Participations.Value);
        Assert.True(funderWideMs < 200, $"funder-wide fold took {funderWideMs:0.0} ms");
        // A filtered query folds participant cells; on one index-selected country that is a tenth of these.
        Assert.True(countryMs < 2_000, $"country fold over all 240,000 cells took {countryMs:0.0} ms");
    }
}
