using CapacityHub.ServiceDefaults.Clients;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.TestSupport;

/// <summary>The callers the authorisation rules tell apart, and a channel that calls as one of them.</summary>
public static class TestCallers
{
    /// <summary>A test key (base64 of 32 bytes); services accept tokens signed with it.</summary>
    public const string SigningKey = "Y2FwYWNpdHlodWItdGVzdC1zaWduaW5nLWtleS0zMmI=";

    public static readonly CallerIdentity Administrator = new("admin-1", "Test administrator", CallerRole.Administrator, null, null, []);

    public static readonly CallerIdentity TrainingsService = CallerIdentity.ForService("trainings");

    public static CallerIdentity Manager(params string[] programmeIds) =>
        new("manager-1", "Test manager", CallerRole.ProgrammeManager, "mofa-jp", "JP", programmeIds);

    public static CallerIdentity OtherManager() => new("manager-2", "Other manager", CallerRole.ProgrammeManager, "mofa-jp", "JP", []);

    public static CallerIdentity Funder(string organisationId) => new("funder-1", "Test funder", CallerRole.Funder, organisationId, "JP", []);

    public static CallerIdentity Partner(string organisationId) => new("partner-1", "Test partner", CallerRole.PartnerAgency, organisationId, "TH", []);

    /// <summary>Calls to a running service, every one carrying a token for the given caller.</summary>
    public static ServiceChannel ChannelAs(Uri address, CallerIdentity caller) => ChannelAs(address.ToString(), caller);

    /// <inheritdoc cref="ChannelAs(Uri, CallerIdentity)"/>
    public static ServiceChannel ChannelAs(string address, CallerIdentity caller)
    {
        var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = SigningKey }, TimeProvider.System);
        return ServiceChannels.Open(address, new FixedToken(tokens.Issue(caller)));
    }

    private sealed class FixedToken(string token) : CallerTokenInterceptor
    {
        protected override string TokenFor() => token;
    }
}
