using System.Reflection;
using CapacityHub.Programmes.V1;
using Google.Protobuf.Reflection;

namespace CapacityHub.Gateway.Tests.Grpc;

/// <summary>
/// Every RPC of the three services, read from the compiled proto descriptors (every file of the
/// programmes, partners and trainings packages), so that a new RPC or service shows up on its own.
/// </summary>
public static class ForwardedApi
{
    private static readonly string[] Packages = ["capacityhub.programmes.v1", "capacityhub.partners.v1", "capacityhub.trainings.v1"];

    public static IReadOnlyList<MethodDescriptor> Methods { get; } = typeof(ProgrammeService).Assembly.GetTypes()
        .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(f => Packages.Contains(f.Package))
        .SelectMany(f => f.Services)
        .SelectMany(s => s.Methods)
        .OrderBy(m => m.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>"package.Service/Method", the form the gateway's policy and gRPC paths use.</summary>
    public static string PathOf(MethodDescriptor method) => $"{method.Service.FullName}/{method.Name}";
}
