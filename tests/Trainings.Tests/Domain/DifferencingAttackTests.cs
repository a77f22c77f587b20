using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Domain.Nominations;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Domain;

/// <summary>
/// Plays a funder who wants to learn a small group's figures: it asks for every combination of the filters it
/// can choose (all / country / organisation / programme / year), then subtracts every published figure from
/// every other one whose slice contains it, and intersects what all those differences allow. No group of one to
/// four people (nor its women, completers or no-shows) may come out as a single value.
/// </summary>
public class DifferencingAttackTests
{
    private sealed record Group(string Programme, int Year, string Country, string Organisation, int People, int Women, int Completers, int NoShows);

    // The issue's Malaysia example (CSM 5 people, 2 women; RMP 2 people, 1 woman, both completed) plus other slices.
    private static readonly Group[] Groups =
    [
        new("programmes/ajccbc", 2026, "MY", "organisations/cybersecurity-my", 5, 2, 2, 1),
        new("programmes/ajccbc", 2026, "MY", "organisations/rmp-my", 2, 1, 2, 0),
        new("programmes/ajccbc", 2026, "TH", "organisations/etda", 9, 4, 6, 1),
        new("programmes/ajccbc", 2025, "TH", "organisations/etda", 6, 3, 5, 0),
        new("programmes/ajccbc", 2025, "MY", "organisations/cybersecurity-my", 3, 1, 3, 0),
        new("programmes/arf-ict", 2026, "MY", "organisations/cybersecurity-my", 8, 3, 4, 2),
        new("programmes/arf-ict", 2026, "PH", "organisations/dict-ph", 12, 6, 9, 1),
        new("programmes/arf-ict", 2025, "PH", "organisations/dict-ph", 4, 2, 1, 1),
    ];

    private static readonly string[] Figures = ["people", "women", "completers", "no-shows"];

    [Fact]
    public void NoSmallGroupIsRecoveredBySubtractingAnyTwoFunderQueries()
    {
        var published = new List<(HashSet<int> Slice, Dictionary<string, (long Low, long High)> Ranges)>();
        foreach (var query in FunderQueries())
        {
            var slice = Enumerable.Range(0, Groups.Length).Where(i => Includes(query, Groups[i])).ToHashSet();
            if (slice.Count == 0)
            {
                continue;
            }

            var metrics = ImpactCalculator.Compute(query, Trainings(), ImpactCells(), ReachCells(), []);
            published.Add((slice, RangesOf(metrics)));
        }

        // What the attacker knows about each set of groups: direct answers, then every difference of nested answers.
        var known = new Dictionary<string, Dictionary<string, (long Low, long High)>>();
        void Learn(IEnumerable<int> slice, string figure, (long Low, long High) range)
        {
            var key = string.Join(',', slice.Order());
            var figures = known.TryGetValue(key, out var f) ? f : known[key] = [];
            var current = figures.TryGetValue(figure, out var c) ? c : (0, long.MaxValue);
            figures[figure] = (Math.Max(current.Low, range.Low), Math.Min(current.High, range.High));
        }

        foreach (var (slice, ranges) in published)
        {
            foreach (var (figure, range) in ranges)
            {
                Learn(slice, figure, range);
            }
        }

        foreach (var outer in published)
        {
            foreach (var inner in published.Where(p => p.Slice.IsProperSubsetOf(outer.Slice)))
            {
                var rest = outer.Slice.Except(inner.Slice).ToArray();
                foreach (var figure in Figures)
                {
                    if (outer.Ranges.TryGetValue(figure, out var a) && inner.Ranges.TryGetValue(figure, out var b))
                    {
                        Learn(rest, figure, (a.Low - b.High, a.High == long.MaxValue || b.Low < 0 ? long.MaxValue : a.High - b.Low));
                    }
                }
            }
        }

        var attempts = 0;
        foreach (var (key, figures) in known)
        {
            var members = key.Split(',').Select(int.Parse).ToArray();
            foreach (var (figure, range) in figures)
            {
                var truth = members.Sum(i => Value(Groups[i], figure));
                Assert.InRange(truth, range.Low, range.High); // the attacker's reasoning is sound
                if (truth is >= 1 and < ImpactQuery.DefaultMinimumCellCount)
                {
                    attempts++;
                    Assert.True(range.High > range.Low,
                        $"{figure} of groups [{key}] is {truth} and was recovered exactly from the published figures");
                }
            }
        }

        Assert.True(attempts > 20, $"the attack should have tried many small groups, tried {attempts}");
    }

    [Fact]
    public void TheIssuesSubtractionNoLongerRevealsTheRoyalMalaysiaPoliceCell()
    {
        var malaysia = Funder(country: "MY", year: 2026, programme: "programmes/ajccbc");
        var csm = malaysia with { OrganisationId = "organisations/cybersecurity-my" };

        var all = ImpactCalculator.Compute(malaysia, Trainings(), ImpactCells(), ReachCells(), []);
        var one = ImpactCalculator.Compute(csm, Trainings(), ImpactCells(), ReachCells(), []);

        // 7 and 5 people are both published as 5; 3 women and 2 women are both hidden.
        Assert.Equal(5, all.UniqueParticipants.Value);
        Assert.Equal(5, one.UniqueParticipants.Value);
        Assert.True(all.FemaleShare.Suppressed);
        Assert.True(one.FemaleShare.Suppressed);
        Assert.True(one.NoShowRate.Suppressed); // 1 of 5: the numerator is under the threshold
    }

    private static IEnumerable<ImpactQuery> FunderQueries()
    {
        string?[] programmes = [null, .. Groups.Select(g => g.Programme).Distinct()];
        int?[] years = [null, .. Groups.Select(g => g.Year).Distinct()];
        string?[] countries = [null, .. Groups.Select(g => g.Country).Distinct()];
        string?[] organisations = [null, .. Groups.Select(g => g.Organisation).Distinct()];
        return from p in programmes
               from y in years
               from c in countries
               from o in organisations
               select Funder(c, y, p) with { OrganisationId = o };
    }

    private static ImpactQuery Funder(string? country, int? year, string? programme) => new()
    {
        ProgrammeIds = programme is null ? Groups.Select(g => g.Programme).ToHashSet() : new HashSet<string> { programme },
        CountryCode = country,
        From = year is { } y ? new LocalDate(y, 1, 1) : null,
        To = year is { } e ? new LocalDate(e, 12, 31) : null,
        Audience = ImpactAudience.Funder,
    };

    private static bool Includes(ImpactQuery q, Group g) =>
        q.ProgrammeIds.Contains(g.Programme) && q.IncludesYear(g.Year) && q.IncludesCell(g.Country, g.Organisation);

    private static long Value(Group g, string figure) => figure switch
    {
        "people" => g.People,
        "women" => g.Women,
        "completers" => g.Completers,
        _ => g.NoShows,
    };

    /// <summary>
    /// What a published figure says about the true count: a hidden count is 1..4 (a hidden share's numerator 0..4, since a
    /// small denominator hides it too), a published one P the values P..P+4 (rounded down to a multiple of 5).
    /// </summary>
    private static Dictionary<string, (long Low, long High)> RangesOf(ImpactMetrics m)
    {
        var ranges = new Dictionary<string, (long, long)> { ["people"] = Range(m.UniqueParticipants, m.UniqueParticipants.Numerator, hiddenLow: 1) };
        ranges["women"] = Range(m.FemaleShare, m.FemaleShare.Numerator, hiddenLow: 0);
        ranges["completers"] = Range(m.CompletionRate, m.CompletionRate.Numerator, hiddenLow: 0);
        ranges["no-shows"] = Range(m.NoShowRate, m.NoShowRate.Numerator, hiddenLow: 0);
        return ranges;
    }

    private static (long Low, long High) Range(Metric metric, double shown, long hiddenLow)
    {
        const int Minimum = ImpactQuery.DefaultMinimumCellCount;
        if (metric.Suppressed)
        {
            return (hiddenLow, Minimum - 1);
        }

        var value = (long)Math.Round(shown);
        return value == 0 ? (0, 0) : (value, value + Minimum - 1);
    }

    private static string TrainingOf(Group g) => $"{g.Programme[11..]}-{g.Year}";

    private static IEnumerable<TrainingFacts> Trainings() =>
        Groups.Select(g => (g.Programme, g.Year)).Distinct()
            .Select(t => new TrainingFacts(TrainingOf(Groups.First(g => g.Programme == t.Programme && g.Year == t.Year)), t.Programme, 40, new LocalDate(t.Year, 3, 2), false));

    /// <summary>Each group split into a women's and a men's cell; completers and no-shows spread as evenly as the counts allow.</summary>
    private static List<ImpactCell> ImpactCells()
    {
        var cells = new List<ImpactCell>();
        foreach (var g in Groups)
        {
            var men = g.People - g.Women;
            var womenCompleting = Math.Min(g.Women, g.Completers);
            var womenNoShows = Math.Min(g.Women - womenCompleting, g.NoShows);
            cells.Add(Cell(g, Sex.Female, g.Women, womenCompleting, womenNoShows));
            cells.Add(Cell(g, Sex.Male, men, g.Completers - womenCompleting, g.NoShows - womenNoShows));
        }

        return cells.Where(c => c.Counts.Enrolled > 0).ToList();
    }

    private static ImpactCell Cell(Group g, Sex sex, int people, int completers, int noShows) => new(
        new ImpactCellKey(TrainingOf(g), g.Country, g.Organisation, "Csirt", "CERT", sex),
        new ImpactCounts { Nominations = people, Enrolled = people, Completers = completers, NoShows = noShows, DaysScheduled = people * 2L, DaysAttended = (people - noShows) * 2L });

    private static List<ReachCell> ReachCells() =>
    [
        .. Groups.SelectMany(g => new[]
        {
            new ReachCell(new ReachCellKey(g.Programme, g.Year, g.Country, g.Organisation, "Csirt", "CERT", Sex.Female), g.Women),
            new ReachCell(new ReachCellKey(g.Programme, g.Year, g.Country, g.Organisation, "Csirt", "CERT", Sex.Male), g.People - g.Women),
        }),
    ];
}
