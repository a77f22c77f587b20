using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.ServiceDefaults.Validation;

/// <summary>
/// Applies an AIP-134 update mask: only the named fields change, an empty mask or "*" means every
/// updatable field, and naming a field the server owns (status, etag, audit) is INVALID_ARGUMENT.
/// </summary>
public static class UpdateMasks
{
    private static readonly FieldMask.MergeOptions Replace = new()
    {
        ReplaceMessageFields = true,
        ReplaceRepeatedFields = true,
        ReplacePrimitiveFields = true,
    };

    public static T Apply<T>(T stored, T changes, FieldMask? mask, IReadOnlySet<string> updatable, string serverOwnedHint)
        where T : class, IMessage<T>, new()
    {
        List<string> paths = mask is null || mask.Paths.Count == 0 || (mask.Paths.Count == 1 && mask.Paths[0] == "*")
            ? [.. updatable]
            : [.. mask.Paths];
        var descriptor = new T().Descriptor;
        var violations = new List<FieldViolation>();
        foreach (var path in paths)
        {
            var top = path.Split('.')[0];
            if (!updatable.Contains(top))
            {
                var why = descriptor.FindFieldByName(top) is null
                    ? $"\"{path}\" is not a field of {descriptor.Name}"
                    : $"\"{path}\" cannot be updated here ({serverOwnedHint})";
                violations.Add(new FieldViolation("update_mask.paths", why));
            }
            else if (!FieldMask.IsValid<T>(path))
            {
                violations.Add(new FieldViolation("update_mask.paths", $"\"{path}\" is not a field path of {descriptor.Name}"));
            }
        }

        if (violations.Count > 0)
        {
            throw RpcException.InvalidArgument($"Invalid update_mask: {violations[0].Description}", [.. violations]);
        }

        var updated = stored.Clone();
        FieldMask.FromStringEnumerable<T>(paths).Merge(changes, updated, Replace);
        return updated;
    }
}
