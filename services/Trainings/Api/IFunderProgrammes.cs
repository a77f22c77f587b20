namespace CapacityHub.Trainings.Api;

/// <summary>Which programmes a funder funds; answered by the Programmes service.</summary>
public interface IFunderProgrammes
{
    /// <summary>Resource names ("programmes/{id}") of programmes where the organisation has the funding role.</summary>
    Task<IReadOnlySet<string>> ProgrammesFundedByAsync(string funder, CancellationToken cancellationToken);
}
