namespace CapacityHub.Gateway.Web.Pages.Manager;

/// <summary>One row's decision: approve into a seat (or the waitlist when full) or decline with a reason.</summary>
public sealed class NominationDecisionForm
{
    public string? Nomination { get; set; }

    public string? Etag { get; set; }

    public string? Decision { get; set; }

    public string? Reason { get; set; }
}

/// <summary>One decision over the rows ticked in a training's section (the ticked names come as "selected").</summary>
public sealed class BulkDecisionForm
{
    public string? Training { get; set; }

    public string? Decision { get; set; }

    public string? Reason { get; set; }
}
