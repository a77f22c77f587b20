using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>
/// Caller tokens as the gateway would mint them, signed with the data folder's local key. Tokens live
/// five minutes, so each identity's token is re-issued every minute rather than once per run.
/// </summary>
public sealed class Callers(string signingKey)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);
    private readonly CallerTokens tokens = new(new CallerTokenOptions { SigningKey = signingKey }, TimeProvider.System);
    private readonly Dictionary<string, (string Token, DateTime Issued)> issued = new(StringComparer.Ordinal);

    public static CallerIdentity Admin { get; } = new("scale-admin", "Scale benchmark", CallerRole.Administrator, null, null, []);

    /// <summary>Tokens carry bare programme ids, as the gateway issues them (impact access accepts only that form).</summary>
    public static CallerIdentity Manager(IReadOnlyList<string> programmes) =>
        new("scale-manager", "Scale manager", CallerRole.ProgrammeManager, null, null, [.. programmes.Select(p => p["programmes/".Length..])]);

    public static CallerIdentity Partner(string organisation, string country) =>
        new($"scale-{organisation}", "Scale partner", CallerRole.PartnerAgency, organisation, country, []);

    public static CallerIdentity Funder(string organisation) =>
        new("scale-funder", "Scale funder", CallerRole.Funder, organisation["organisations/".Length..], null, []);

    public CallOptions As(CallerIdentity caller, TimeSpan? timeout = null)
    {
        string token;
        var key = $"{caller.Subject}|{caller.Role}|{caller.OrganisationId}|{string.Join(',', caller.ProgrammeIds)}";
        lock (issued)
        {
            if (!issued.TryGetValue(key, out var entry) || DateTime.UtcNow - entry.Issued > Refresh)
            {
                entry = (tokens.Issue(caller), DateTime.UtcNow);
                issued[key] = entry;
            }

            token = entry.Token;
        }

        return new CallOptions(
            headers: new Metadata { { CallerTokenOptions.MetadataKey, token } },
            deadline: DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60)));
    }
}
