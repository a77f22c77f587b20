using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Web.Partner;

/// <summary>The `status` parameter of a partner's participant list: one nomination status by its lower-case name, or all.</summary>
public static class NominationStatusFilter
{
    public static readonly IReadOnlyList<NominationStatus> Offered =
        [.. Enum.GetValues<NominationStatus>().Where(s => s != NominationStatus.Unspecified)];

    public static string Value(NominationStatus status) => status.ToString().ToLowerInvariant();

    public static NominationStatus? Parse(string text) =>
        text.Length == 0 ? null
        : Offered.FirstOrDefault(s => Value(s) == text) is var found && found != NominationStatus.Unspecified ? found
        : throw new BadQueryParameterException("status", $"is not one of {string.Join(", ", Offered.Select(Value))} (\"{text}\")");
}
