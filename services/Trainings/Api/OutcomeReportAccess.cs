using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Trainings.Api;

/// <summary>
/// Who may do what with outcome reports. Partners write their own organisation's reports; the managers
/// of the programme review them; administrators and services may do everything. Funders never see
/// reports: they hold names and personal detail, and funders get aggregates only (DOMAIN.md roles).
/// Programme and organisation arguments are resource names; the caller holds bare ids.
/// </summary>
public static class OutcomeReportAccess
{
    public static void EnsureCanRead(CallerIdentity caller, string programme, string partner, bool unsubmittedDraft)
    {
        RefuseFunder(caller);
        if (!IsPrivileged(caller) && !Manages(caller, programme) && !ActsFor(caller, partner))
        {
            throw Denied("only the reporting partner and the programme's managers can read this outcome report");
        }

        if (unsubmittedDraft && !SeesDrafts(caller, partner))
        {
            throw Denied("a draft outcome report is its partner's own until it is submitted");
        }
    }

    /// <summary>
    /// A draft that was never submitted is the partner's work in progress: managers see a report from its first
    /// submission on (a reopened report they have seen stays visible).
    /// </summary>
    public static bool SeesDrafts(CallerIdentity caller, string partner) => IsPrivileged(caller) || ActsFor(caller, partner);

    /// <summary>Create, update and submit are the reporting partner's own work.</summary>
    public static void EnsureCanWrite(CallerIdentity caller, string partner)
    {
        RefuseFunder(caller);
        if (!IsPrivileged(caller) && !(caller.Role == CallerRole.PartnerAgency && ActsFor(caller, partner)))
        {
            throw Denied($"only {partner} itself writes and submits its outcome reports");
        }
    }

    /// <summary>Approve, return and reopen: a manager of the report's programme.</summary>
    public static void EnsureCanReview(CallerIdentity caller, string programme)
    {
        RefuseFunder(caller);
        if (!caller.IsService && !Manages(caller, programme))
        {
            throw Denied($"only a manager of {programme} reviews its outcome reports");
        }
    }

    /// <summary>
    /// Narrows a list request to what the caller may see: a partner its own organisation, a manager the
    /// programmes it manages. Returns the programme filter to use (null: any programme).
    /// </summary>
    public static (IReadOnlyList<string>? Programmes, string? Partner) ScopeList(CallerIdentity caller, string? programme, string? partner)
    {
        RefuseFunder(caller);
        if (IsPrivileged(caller))
        {
            return (programme is null ? null : [programme], partner);
        }

        if (caller.Role == CallerRole.PartnerAgency)
        {
            var own = caller.OrganisationId is null ? null : ResourceNames.Of("organisations", caller.OrganisationId);
            if (own is null || (partner is not null && partner != own))
            {
                throw Denied("a partner agency lists only its own organisation's outcome reports");
            }

            return (programme is null ? null : [programme], own);
        }

        if (caller.Role == CallerRole.ProgrammeManager)
        {
            if (programme is not null)
            {
                return Manages(caller, programme) ? ([programme], partner) : throw Denied($"you do not manage {programme}");
            }

            var managed = TrainingsAccess.ManagedProgrammes(caller).ToList();
            return managed.Count > 0 ? (managed, partner) : throw Denied("you manage no programme");
        }

        throw Denied("your role does not give access to outcome reports");
    }

    private static bool IsPrivileged(CallerIdentity caller) => caller.IsAdministrator || caller.IsService;

    // Caller tokens carry bare ids or resource names; TrainingsAccess reads both.
    private static bool Manages(CallerIdentity caller, string programme) =>
        TrainingsAccess.ManagedProgrammes(caller).Contains(programme) || (ResourceNames.IdOf(programme, "programmes") is { } id && caller.Manages(id));

    private static bool ActsFor(CallerIdentity caller, string organisation) =>
        TrainingsAccess.OrganisationOf(caller) == organisation || (ResourceNames.IdOf(organisation, "organisations") is { } id && caller.ActsFor(id));

    private static void RefuseFunder(CallerIdentity caller)
    {
        if (caller.Role == CallerRole.Funder)
        {
            throw Denied("funders see aggregate impact metrics only; outcome reports hold personal detail");
        }
    }

    private static RpcException Denied(string why) => new(new Status(StatusCode.PermissionDenied, $"Permission denied: {why}."));
}
