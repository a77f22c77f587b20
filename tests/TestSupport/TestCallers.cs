using CapacityHub.Rpc;
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

    /// <summary>A channel to a running service whose every call carries a token for the given caller.</summary>
    public static RpcChannel ChannelAs(Uri address, CallerIdentity caller)
    {
        var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = SigningKey }, TimeProvider.System);
        var options = new RpcChannelOptions();
        options.Interceptors.Add(new TokenFor(tokens.Issue(caller)));
        return RpcChannel.ForAddress(address, options);
    }

    private sealed class TokenFor(string token) : IClientInterceptor
    {
        public ValueTask InterceptAsync(ClientCallInfo call, CancellationToken cancellationToken)
        {
            call.Headers.Add(CallerTokenOptions.MetadataKey, token);
            return ValueTask.CompletedTask;
        }
    }
}
