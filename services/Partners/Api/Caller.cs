using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Partners.Api;

/// <summary>Who to name in audit fields: the authenticated principal of the call, if any.</summary>
internal static class Caller
{
    public static string SubjectOf(ServerCallContext context) =>
        context.CallerOrNull()?.Subject ?? context.GetHttpContext()?.User?.Identity?.Name ?? "";
}
