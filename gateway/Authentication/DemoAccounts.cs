using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Authentication;

/// <summary>
/// The accounts of the local demo sign-in, matching the organisations of the demo data
/// (services/DemoData/demo-data.json): a programme manager, two partner agencies from different
/// countries, a funder and an administrator. Never available outside the local profile.
/// </summary>
public static class DemoAccounts
{
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("manager", "Programme manager of the demo programmes",
            new CallerIdentity("demo-manager", "Aiko Manager (programme manager)", CallerRole.ProgrammeManager, "mofa-jp", "JP", ["ics-indo-pacific", "ajccbc", "arf-ict"])),
        new("partner-th", "Partner agency: ETDA / ThaiCERT, Thailand",
            new CallerIdentity("demo-partner-th", "Kanya Partner (ETDA, Thailand)", CallerRole.PartnerAgency, "etda", "TH", [])),
        new("partner-my", "Partner agency: CyberSecurity Malaysia",
            new CallerIdentity("demo-partner-my", "Hafiz Partner (CyberSecurity Malaysia)", CallerRole.PartnerAgency, "cybersecurity-my", "MY", [])),
        new("funder", "Funder: Japan-ASEAN Integration Fund",
            new CallerIdentity("demo-funder", "Rosa Funder (JAIF)", CallerRole.Funder, "jaif", "ID", [])),
        new("admin", "Administrator",
            new CallerIdentity("demo-admin", "Admin", CallerRole.Administrator, null, null, [])),
    ];

    public static DemoAccount? Find(string userName) =>
        All.FirstOrDefault(a => string.Equals(a.UserName, userName, StringComparison.OrdinalIgnoreCase));
}
