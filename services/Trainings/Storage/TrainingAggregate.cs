using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Learning;
using CapacityHub.Trainings.Domain.Nominations;
using DomainTraining = CapacityHub.Trainings.Domain.Scheduling.Training;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// One training and the nominations an operation needs (<see cref="RosterNeeds"/>), loaded inside a write
/// transaction with the roster counters: the unit the seat, quota and waitlist rules run on. Operations mark
/// what they changed; <see cref="TrainingStore"/> saves exactly that, with the counter, impact and reach
/// increments, in the same transaction.
/// </summary>
public sealed class TrainingAggregate
{
    private readonly List<Enrolment> _enrolments;
    private readonly RosterCounts? _counts;
    private readonly Enrolment? _firstWaitlisted;
    private Roster? _roster;

    internal TrainingAggregate(Document<StoredTraining> stored, V1.Training resource, List<Enrolment> enrolments, RosterCounts? counts, Enrolment? firstWaitlisted)
    {
        Stored = stored;
        Resource = resource;
        Training = TrainingResources.Restore(stored.Id, resource);
        Before = resource.Clone();
        _enrolments = enrolments;
        _counts = counts;
        _firstWaitlisted = firstWaitlisted;
    }

    public string Id => Stored.Id;
    public long Version => Stored.Version;
    public string ProgrammeId => Resource.Programme;
    internal Document<StoredTraining> Stored { get; }
    /// <summary>The resource as loaded, for the "before" side of impact deltas.</summary>
    internal V1.Training Before { get; }
    /// <summary>The resource being written; definition changes go here, status and schedule through <see cref="Training"/>.</summary>
    public V1.Training Resource { get; private set; }
    public DomainTraining Training { get; private set; }
    /// <summary>The loaded nominations: all of them for <see cref="RosterNeeds.Everyone"/>, otherwise only those named.</summary>
    public IReadOnlyList<Enrolment> Enrolments => _enrolments;
    public CompletionPolicy Policy => TrainingResources.Policy(Resource);

    /// <summary>
    /// The seat rules: on every nomination when all were loaded; otherwise on the counters, the named
    /// nominations and the first waitlisted one (loaded only when a seat may be released).
    /// </summary>
    public Roster Roster => _roster ??= _counts is null
        ? new Roster(Training, _enrolments.Select(e => e.Nomination))
        : new Roster(Training, _counts, _enrolments.Select(e => e.Nomination), _firstWaitlisted?.Nomination);

    /// <summary>Set when every enrolment's figures may have moved (schedule, completion policy).</summary>
    internal bool AllTouched { get; private set; }

    public Enrolment Find(string nominationId) =>
        _enrolments.Find(e => e.Id == nominationId) ?? throw new NominationNotFoundException(nominationId);

    public void Touch(IEnumerable<Nomination> changed)
    {
        foreach (var nomination in changed)
        {
            Find(nomination.Id).Changed = true;
        }
    }

    /// <summary>Every loaded enrolment is saved again; only whole-training changes (which load every nomination) should do this.</summary>
    public void TouchAll() => AllTouched = true;

    /// <summary>Re-reads the definition from <see cref="Resource"/> after a definition update (validated by the domain).</summary>
    public void ReplaceDefinition(V1.Training updated)
    {
        var definition = TrainingResources.Definition(updated);
        Training.Update(definition);
        Resource = updated;
        TouchAll();
    }

    public Enrolment Add(Nomination nomination, V1.Nomination resource, string organisationType)
    {
        var enrolment = new Enrolment(null, resource, nomination, new LearningRecord(nomination.Id), organisationType) { Changed = true };
        _enrolments.Add(enrolment);
        return enrolment;
    }
}

/// <summary>One nomination of the aggregate: stored form, resource, domain objects and whether it changed.</summary>
public sealed class Enrolment(Document<StoredNomination>? stored, V1.Nomination resource, Nomination nomination, LearningRecord learning, string organisationType)
{
    public string Id => Nomination.Id;
    internal Document<StoredNomination>? Stored { get; } = stored;
    public V1.Nomination Resource { get; } = resource;
    public Nomination Nomination { get; } = nomination;
    public LearningRecord Learning { get; } = learning;
    public string OrganisationType { get; } = organisationType;
    public bool Changed { get; set; }
}
