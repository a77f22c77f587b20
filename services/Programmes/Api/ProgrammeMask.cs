using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Programmes.Api;

/// <summary>The programme fields UpdateProgramme may change; the rest belong to the status verbs or the server.</summary>
internal static class ProgrammeMask
{
    private static readonly HashSet<string> Updatable =
    [
        "code", "iati_identifier", "title", "description", "planned_period", "parent", "themes", "recipient_countries",
        "recipient_regions", "participating_organisations", "budgets", "funder_shares", "results", "managers",
    ];

    public static Programme Apply(Programme stored, Programme changes, FieldMask? mask) =>
        UpdateMasks.Apply(stored, changes, mask, Updatable, "status changes use the status methods; name, etag and audit are set by the server");
}
