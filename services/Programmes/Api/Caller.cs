using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Programmes.Api;

/// <summary>Who to name in audit fields: the caller token's subject (creators manage what they create).</summary>
internal static class Caller
{
    public static string SubjectOf(ServerCallContext context) =>
        context.CallerOrNull()?.Subject ?? context.GetHttpContext()?.User?.Identity?.Name ?? "";
}
