namespace CapacityHub.Trainings.Api;

/// <summary>Which programmes an organisation takes part in, and how; answered by the Programmes service.</summary>
public interface IProgrammeMemberships
{
    /// <summary>Resource names ("programmes/{id}") of programmes where the organisation has the funding role.</summary>
    Task<IReadOnlySet<string>> ProgrammesFundedByAsync(string funder, CancellationToken cancellationToken);

    /// <summary>Resource names of programmes in which the organisation may nominate participants.</summary>
    Task<IReadOnlySet<string>> ProgrammesNominatingInAsync(string organisation, CancellationToken cancellationToken);
}
