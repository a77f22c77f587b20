using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Gateway.Authorization;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Tests.Grpc;

public sealed class GatewayPolicyTests
{
    private static CallerIdentity As(CallerRole role) => new("u", "U", role, "org", "TH", []);

    [Fact]
    public void EveryRpcOfTheThreeServicesIsDecidedByTheTableAndNothingElseIs()
    {
        var methods = ForwardedApi.Methods.Select(ForwardedApi.PathOf).ToHashSet();

        Assert.Equal(methods.Order(StringComparer.Ordinal), GatewayPolicy.Methods.Order(StringComparer.Ordinal));
        Assert.All(methods, m => Assert.NotEmpty(GatewayPolicy.RolesFor(m)));
    }

    [Fact]
    public void UnknownMethodsAreDeniedForEveryRole()
    {
        foreach (var role in Enum.GetValues<CallerRole>())
        {
            var denied = GatewayPolicy.Check(As(role), "/capacityhub.trainings.v1.NominationService/ExportEverything");

            Assert.Equal(StatusCode.PermissionDenied, denied!.StatusCode);
            Assert.Contains("ExportEverything", denied.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheDenialNamesTheRoleAndTheMethodWithOrWithoutTheLeadingSlash()
    {
        var withSlash = GatewayPolicy.Check(As(CallerRole.Funder), "/capacityhub.trainings.v1.NominationService/ListNominations");
        var without = GatewayPolicy.Check(As(CallerRole.Funder), "capacityhub.trainings.v1.NominationService/ListNominations");

        Assert.NotNull(withSlash);
        Assert.NotNull(without);
        Assert.Equal(withSlash.Detail, without.Detail);
        Assert.Contains("Funder", withSlash.Detail, StringComparison.Ordinal);
        Assert.Contains("capacityhub.trainings.v1.NominationService/ListNominations", withSlash.Detail, StringComparison.Ordinal);
        Assert.Throws<RpcException>(() => GatewayPolicy.Require(As(CallerRole.Funder), "capacityhub.trainings.v1.NominationService/ListNominations"));
    }

    [Fact]
    public void ServiceCallersNeverComeThroughTheGateway()
    {
        Assert.All(GatewayPolicy.Methods, m => Assert.False(GatewayPolicy.Allows(CallerRole.Service, m)));
    }

    [Fact]
    public void AllowedCallsReturnNoError()
    {
        Assert.Null(GatewayPolicy.Check(As(CallerRole.Administrator), "capacityhub.partners.v1.PartnerService/CreateOrganisation"));
        Assert.NotNull(GatewayPolicy.Check(As(CallerRole.ProgrammeManager), "capacityhub.partners.v1.PartnerService/CreateOrganisation"));
    }
}
