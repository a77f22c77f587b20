using CapacityHub.Programmes.V1;
using CapacityHub.Rpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Programmes.Api;

/// <summary>Applies an update mask (AIP-134) to the fields a client may change.</summary>
internal static class ProgrammeMask
{
    private static readonly HashSet<string> Updatable =
    [
        "code", "iati_identifier", "title", "description", "planned_period", "parent", "themes", "recipient_countries",
        "recipient_regions", "participating_organisations", "budgets", "funder_shares", "results",
    ];

    private static readonly FieldMask.MergeOptions Replace = new()
    {
        ReplaceMessageFields = true,
        ReplaceRepeatedFields = true,
        ReplacePrimitiveFields = true,
    };

    public static Programme Apply(Programme stored, Programme changes, FieldMask? mask)
    {
        List<string> paths = mask is null || mask.Paths.Count == 0 || mask.Paths is ["*"] ? [.. Updatable] : mask.Paths.ToList();
        var violations = new List<FieldViolation>();
        foreach (var path in paths)
        {
            var top = path.Split('.')[0];
            if (!Updatable.Contains(top))
            {
                var why = Programme.Descriptor.FindFieldByName(top) is null
                    ? $"\"{path}\" is not a field of Programme"
                    : $"\"{path}\" cannot be updated here (status changes use the status methods; name, etag and audit are set by the server)";
                violations.Add(new FieldViolation("update_mask.paths", why));
            }
            else if (!FieldMask.IsValid<Programme>(path))
            {
                violations.Add(new FieldViolation("update_mask.paths", $"\"{path}\" is not a field path of Programme"));
            }
        }

        if (violations.Count > 0)
        {
            throw RpcException.InvalidArgument($"Invalid update_mask: {violations[0].Description}", [.. violations]);
        }

        var updated = stored.Clone();
        FieldMask.FromStringEnumerable<Programme>(paths).Merge(changes, updated, Replace);
        return updated;
    }
}
