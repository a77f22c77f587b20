using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>services/DemoData/demo-data.json as read by the seeder; enum values are the proto names without their prefix.</summary>
public sealed record DemoDataFile(
    IReadOnlyList<DemoOrganisation> Organisations,
    IReadOnlyList<DemoProgramme> Programmes,
    IReadOnlyList<DemoAgreement> Agreements,
    DemoOutcomeReports OutcomeReports,
    DemoPeople Participants,
    string AsOf)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static DemoDataFile Load(string repositoryRoot)
    {
        var file = Path.Combine(repositoryRoot, "services", "DemoData", "demo-data.json");
        return JsonSerializer.Deserialize<DemoDataFile>(File.ReadAllText(file), Options)
            ?? throw new InvalidOperationException($"{file} is empty.");
    }

    public DemoOrganisation Organisation(string key) => Organisations.Single(o => o.Key == key);
}

public sealed record DemoOrganisation(string Key, string Name, string? Acronym, string Type, string Country, IReadOnlyList<string> Regions, string? Iati, string? Focal);

public sealed record DemoPeriod(string Start, string? End);

public sealed record DemoProgramme(
    string Key,
    string Code,
    string? Iati,
    string Title,
    string Description,
    string Status,
    DemoPeriod Planned,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<DemoParticipation> Organisations,
    IReadOnlyList<DemoBudget> Budgets,
    IReadOnlyList<DemoResult> Results,
    IReadOnlyList<DemoTraining> Trainings);

public sealed record DemoParticipation(string Org, string IatiRole, IReadOnlyList<string> Local);

public sealed record DemoBudget(string Funder, DemoPeriod Period, string Currency, string Amount);

public sealed record DemoResult(string Type, int Kirkpatrick, string Title, IReadOnlyList<DemoIndicator> Indicators);

public sealed record DemoIndicator(string Title, string Measure, bool Ascending, double Baseline, string? Metric, double Target);

public sealed record DemoTraining(
    string Key,
    string Title,
    IReadOnlyList<string> Topics,
    string Language,
    string Mode,
    string Venue,
    string Zone,
    int Seats,
    int Waitlist,
    string NominationsOpen,
    string Deadline,
    int QuotaPerCountry,
    string Status,
    IReadOnlyList<IReadOnlyList<string>> Days,
    string Room,
    IReadOnlyList<string> Trainers,
    IReadOnlyList<DemoNominations> Nominations);

/// <summary>How many people an organisation nominates, and (for trainings still ahead) how many get approved and booked.</summary>
public sealed record DemoNominations(string Org, int People, int? Approved, int? Booked);

public sealed record DemoAgreement(
    string Key, string Type, string Title, IReadOnlyList<string> Parties, string? Programme, string Signed, DemoPeriod Term,
    string? Currency, string? Amount, DemoReporting Reporting);

public sealed record DemoReporting(string Frequency, int DueDays);

public sealed record DemoOutcomeReports(string Programme, DemoPeriod Period, string Due, IReadOnlyList<DemoOutcomeReport> Reports);

public sealed record DemoOutcomeReport(string Org, string State, int ParticipantsTrained, string Narrative, string? ReturnReason);

public sealed record DemoPeople(
    IReadOnlyList<string> GivenNamesFemale,
    IReadOnlyList<string> GivenNamesMale,
    IReadOnlyList<string> FamilyNames,
    IReadOnlyList<string> JobTitles,
    IReadOnlyList<string> Sectors);
