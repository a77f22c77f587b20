using System.Text.RegularExpressions;
using System.Xml.Linq;
using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Pages.Manager;
using CapacityHub.Gateway.Web.Pages.Partner;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Tests.Localisation;

/// <summary>
/// Every interface text the web app asks the localizer for has a Japanese and a Thai translation that keeps
/// its placeholders, and the resource files hold nothing the app no longer says. The texts are read from the
/// pages' source (each <c>L["…"]</c>) plus the texts the app looks up by value: status words and the choices
/// of its forms and filters.
/// </summary>
public sealed partial class TranslationCoverageTests
{
    public static TheoryData<string> Languages => ["ja", "th"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryInterfaceTextIsTranslated(string culture)
    {
        var translated = Translations(culture);
        var missing = InterfaceTexts().Where(key => !translated.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} text(s) without a {culture} translation:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TranslationsKeepEveryPlaceholderOfTheirText(string culture)
    {
        var broken = Translations(culture)
            .Where(t => !Placeholders(t.Key).SetEquals(Placeholders(t.Value)))
            .Select(t => $"{t.Key} → {t.Value}")
            .ToList();
        Assert.True(broken.Count == 0, "placeholders differ:\n" + string.Join("\n", broken));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void NoTranslationIsLeftOverFromTextTheAppNoLongerShows(string culture)
    {
        var used = InterfaceTexts();
        var stale = Translations(culture).Keys.Where(key => !used.Contains(key)).ToList();
        Assert.True(stale.Count == 0, $"{culture} translations of texts no page uses:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void TheSourceScanFindsTheTextsOfPagesAndHelpers()
    {
        var texts = InterfaceTexts();
        Assert.Contains("Nominate a participant", texts);
        Assert.Contains("closes in {0} days", texts);
        Assert.Contains("booked", texts);
        Assert.Contains("Prefer not to say", texts);
    }

    private static HashSet<string> InterfaceTexts()
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var web = Path.Combine(RepositoryRoot(), "gateway");
        foreach (var file in Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match m in LocalizerKey().Matches(File.ReadAllText(file)))
            {
                texts.Add(Regex.Unescape(m.Groups[1].Value));
            }
        }

        texts.UnionWith(WebNavigation.LinksFor(CallerRole.ProgrammeManager).Concat(WebNavigation.LinksFor(CallerRole.PartnerAgency))
            .Concat(WebNavigation.LinksFor(CallerRole.Funder)).Select(l => l.Text));
        texts.UnionWith(Words<CallerRole>().Concat(Words<NominationStatus>()).Concat(Words<TrainingStatus>()).Concat(Words<OutcomeReportStatus>())
            .Concat(Words<ActivityStatus>()).Concat(Words<OrganisationRole>()).Concat(Words<LocalRole>()).Concat(Words<ResultType>())
            .Concat(Words<KirkpatrickLevel>()).Concat(Words<IndicatorMeasure>()));
        // Metrics read as the dashboard names them ("Completion rate"); an indicator without one is "reported by hand".
        texts.UnionWith(Enum.GetValues<ImpactMetric>().Where(m => m != ImpactMetric.Unspecified).Select(m => Formats.Capitalised(Formats.Words(m))));
        // An inbox entry says what kind of news it is in the reader's language; its title is the service's.
        texts.UnionWith(Enum.GetValues<NotificationKind>().Where(k => k != NotificationKind.Unspecified).Select(k => Formats.Capitalised(Formats.Words(k))));
        texts.UnionWith(PartnerTrainingActions.Sexes.Select(s => s.Text));
        texts.UnionWith(ProgrammeForms.Themes.Select(c => c.Text).Concat(TrainingForms.Modes.Select(m => m.Text)));
        texts.UnionWith(NominationQueueFilter.Sorts.Select(s => s.Text).Concat(NominationQueueFilter.Statuses.Select(s => s.Text)));
        texts.UnionWith(NominationDecisions.Choices.Select(c => c.Text));
        texts.UnionWith(Enum.GetValues<TrainingStatus>().SelectMany(TrainingDetailData.VerbsFor).Select(v => v.Label));
        // The actions an outcome report's history records (the Trainings service's audit words).
        texts.UnionWith(["created", "updated", "submitted", "approved", "returned", "reopened"]);
        return texts;
    }

    private static IEnumerable<string> Words<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => Formats.Words(v));

    private static Dictionary<string, string> Translations(string culture) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), "gateway", "Resources", "Localisation", $"UiText.{culture}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CapacityHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CapacityHub.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b[Ll]\[\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
