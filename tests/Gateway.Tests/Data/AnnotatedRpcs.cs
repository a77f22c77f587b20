using CapacityHub.Gateway.Backends;
using Google.Api;
using Google.Protobuf.Reflection;

namespace CapacityHub.Gateway.Tests.Data;

/// <summary>Every RPC the gateway serves, with the google.api.http rule its proto declares.</summary>
public static class AnnotatedRpcs
{
    public static IReadOnlyList<(MethodDescriptor Method, HttpRule? Rule)> All() =>
        [.. ServiceOwners.Services.Append(V1.DashboardService.Descriptor)
            .SelectMany(s => s.Methods)
            .Select(m => (m, m.GetOptions()?.GetExtension(AnnotationsExtensions.Http)))];
}
