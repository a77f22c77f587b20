using CapacityHub.ServiceDefaults.Identity;
using Grpc.Core;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>
/// The people the demo data is entered as, with caller tokens signed by the local run's key, exactly as the
/// gateway would pass them: an administrator for organisations and programmes, the programme manager of
/// the gateway's demo accounts for schedules and reviews, and each partner agency for its own nominations.
/// </summary>
public sealed class DemoCallers(CallerTokens tokens, IReadOnlyList<string> managedProgrammes)
{
    public CallerIdentity Administrator { get; } = new("demo-admin", "Admin", CallerRole.Administrator, null, null, []);

    public const string ManagerSubject = "demo-manager";

    public CallerIdentity Manager { get; } =
        new(ManagerSubject, "Aiko Manager (programme manager)", CallerRole.ProgrammeManager, "mofa-jp", "JP", managedProgrammes);

    public static DemoCallers ForKey(string callerTokenKey, IReadOnlyList<string> managedProgrammes) =>
        new(new CallerTokens(new CallerTokenOptions { SigningKey = callerTokenKey }, TimeProvider.System), managedProgrammes);

    public CallerIdentity Partner(DemoOrganisation organisation) =>
        new($"demo-partner-{organisation.Key}", $"Focal point ({organisation.Acronym ?? organisation.Name})", CallerRole.PartnerAgency,
            organisation.Key, organisation.Country, []);

    /// <summary>Call options carrying a fresh token for <paramref name="caller"/> (tokens live minutes; seeding may not).</summary>
    public CallOptions As(CallerIdentity caller, CancellationToken cancellationToken) =>
        new(new Metadata { { CallerTokenOptions.MetadataKey, tokens.Issue(caller) } }, DateTime.UtcNow.AddSeconds(60), cancellationToken);
}
