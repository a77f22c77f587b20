using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Web.Pages.Manager;

/// <summary>What the queue shows, read from the query string; a value the page does not offer is refused (400).</summary>
public sealed record NominationQueueFilter(string Training, string Organisation, string Country, NominationStatus Status, string Sort, string Search)
{
    public static readonly IReadOnlyList<(string Value, string Text)> Sorts =
        [("oldest", "Oldest first (waitlist order)"), ("newest", "Newest first"), ("participant", "Participant name"), ("organisation", "Organisation"), ("country", "Country")];

    /// <summary>The states a manager decides from: new nominations, the waitlist, and approved ones to book.</summary>
    public static readonly IReadOnlyList<(NominationStatus Value, string Text)> Statuses =
        [(NominationStatus.Nominated, "Waiting for a decision"), (NominationStatus.Waitlisted, "On the waitlist"), (NominationStatus.Approved, "Approved, not yet booked")];

    public static NominationQueueFilter From(Func<string, string> query)
    {
        var status = query("status") switch
        {
            "" or "nominated" => NominationStatus.Nominated,
            "waitlisted" => NominationStatus.Waitlisted,
            "approved" => NominationStatus.Approved,
            var other => throw new BadQueryParameterException("status", $"is not one of nominated, waitlisted, approved (\"{other}\")"),
        };
        var sort = query("sort") is { Length: > 0 } asked ? asked : "oldest";
        if (!Sorts.Any(s => s.Value == sort))
        {
            throw new BadQueryParameterException("sort", $"is not one of {string.Join(", ", Sorts.Select(s => s.Value))} (\"{sort}\")");
        }

        return new NominationQueueFilter(query("training"), query("organisation"), query("country").ToUpperInvariant(), status, sort, query("query"));
    }

    public static string StatusValue(NominationStatus status) => status.ToString().ToLowerInvariant();

    public IEnumerable<Nomination> Apply(IEnumerable<Nomination> nominations, Func<string, string> organisationName)
    {
        var chosen = nominations.Where(n => (Organisation.Length == 0 || Formats.Id(n.NominatingOrganisation) == Organisation)
            && (Country.Length == 0 || string.Equals(n.Participant?.CountryCode, Country, StringComparison.OrdinalIgnoreCase)));
        return Sort switch
        {
            "newest" => chosen.OrderByDescending(n => n.NominateTime?.ToDateTimeOffset()),
            "participant" => chosen.OrderBy(n => n.Participant?.DisplayName, StringComparer.CurrentCultureIgnoreCase),
            "organisation" => chosen.OrderBy(n => organisationName(n.NominatingOrganisation), StringComparer.CurrentCultureIgnoreCase),
            "country" => chosen.OrderBy(n => n.Participant?.CountryCode, StringComparer.Ordinal),
            _ => chosen.OrderBy(n => n.NominateTime?.ToDateTimeOffset()),
        };
    }
}
