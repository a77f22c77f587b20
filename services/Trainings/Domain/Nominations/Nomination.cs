using NodaTime;

namespace CapacityHub.Trainings.Domain.Nominations;

/// <summary>A participant's place (or hope of one) in a training, from nomination to attendance outcome.</summary>
public sealed class Nomination(string id, string trainingId, Participant participant, string nominatingOrganisationId, Instant nominatedAt)
{
    public string Id { get; } = id;
    public string TrainingId { get; } = trainingId;
    public Participant Participant { get; } = participant;
    public string NominatingOrganisationId { get; } = nominatingOrganisationId;
    public Instant NominatedAt { get; } = nominatedAt;
    public NominationStatus Status { get; private set; } = NominationStatus.Nominated;
    public string Note { get; private set; } = "";

    public static Nomination Restore(string id, string trainingId, Participant participant, string nominatingOrganisationId, Instant nominatedAt, NominationStatus status, string note) =>
        new(id, trainingId, participant, nominatingOrganisationId, nominatedAt) { Status = status, Note = note };

    internal void MoveTo(NominationStatus to, string note = "")
    {
        NominationLifecycle.EnsureCanMove(Status, to);
        Status = to;
        if (!string.IsNullOrWhiteSpace(note))
        {
            Note = note.Trim();
        }
    }
}
