using System.Collections.Frozen;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace CapacityHub.Gateway.Backends;

/// <summary>
/// Which CapacityHub service owns each gRPC service the gateway forwards: the one place that says so, for
/// the gRPC face, the REST face and the backends' names in messages (<c>Services:{Name}</c> holds the address).
/// </summary>
public static class ServiceOwners
{
    public const string Programmes = "Programmes";
    public const string Partners = "Partners";
    public const string Trainings = "Trainings";

    public static IReadOnlyList<string> Names { get; } = [Programmes, Partners, Trainings];

    public static FrozenDictionary<string, string> ByService { get; } = new Dictionary<string, string>
    {
        [ProgrammeService.Descriptor.FullName] = Programmes,
        [PartnerService.Descriptor.FullName] = Partners,
        [TrainingService.Descriptor.FullName] = Trainings,
        [NominationService.Descriptor.FullName] = Trainings,
        [OutcomeReportService.Descriptor.FullName] = Trainings,
        [ImpactService.Descriptor.FullName] = Trainings,
        [NotificationService.Descriptor.FullName] = Trainings,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        ProgrammeService.Descriptor, PartnerService.Descriptor, TrainingService.Descriptor,
        NominationService.Descriptor, OutcomeReportService.Descriptor, ImpactService.Descriptor, NotificationService.Descriptor,
    ];

    /// <summary>The descriptor of a forwarded "package.Service/Method", or null.</summary>
    public static Google.Protobuf.Reflection.MethodDescriptor? MethodOf(string method)
    {
        var parts = method.TrimStart('/').Split('/');
        return parts.Length == 2 && ServicesByName.TryGetValue(parts[0], out var service) ? service.FindMethodByName(parts[1]) : null;
    }

    private static FrozenDictionary<string, ServiceDescriptor> ServicesByName { get; } =
        Services.ToFrozenDictionary(s => s.FullName, StringComparer.Ordinal);

    /// <summary>The owner of "package.Service/Method" (leading '/' allowed), or null when the gateway does not forward it.</summary>
    public static string? OwnerOf(string method)
    {
        var service = method.TrimStart('/').Split('/')[0];
        return ByService.GetValueOrDefault(service);
    }
}
