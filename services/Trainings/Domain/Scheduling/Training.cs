using NodaTime;

namespace CapacityHub.Trainings.Domain.Scheduling;

/// <summary>A training offered in a programme: its description, its session days and where it is in its life.</summary>
public sealed class Training
{
    private readonly List<SessionDay> _sessionDays = [];

    public Training(string id, TrainingDefinition definition)
    {
        definition.Validate();
        Id = id;
        Definition = definition;
    }

    public string Id { get; }
    public TrainingDefinition Definition { get; private set; }
    public TrainingStatus Status { get; private set; } = TrainingStatus.Planned;
    public string CancellationReason { get; private set; } = "";
    public IReadOnlyList<SessionDay> SessionDays => _sessionDays;

    public Instant? FirstStart => _sessionDays.Count == 0 ? null : _sessionDays.Min(d => d.Start);
    public Instant? LastEnd => _sessionDays.Count == 0 ? null : _sessionDays.Max(d => d.End);

    /// <summary>Restores a stored training without replaying its history.</summary>
    public static Training Restore(string id, TrainingDefinition definition, TrainingStatus status, string cancellationReason, IEnumerable<SessionDay> days)
    {
        var training = new Training(id, definition) { Status = status, CancellationReason = cancellationReason };
        training._sessionDays.AddRange(days.OrderBy(d => d.Start));
        return training;
    }

    public void Update(TrainingDefinition definition)
    {
        EnsureNotFinished("edited");
        definition.Validate();
        if (definition.ProgrammeId != Definition.ProgrammeId)
        {
            throw new DomainValidationException("programme_id", "cannot change; create the training in the other programme instead");
        }

        if (Status != TrainingStatus.Planned && definition.Seats < Definition.Seats)
        {
            // Shrinking seats after nominations opened would silently bump booked people; make it a deliberate act.
            throw new DomainRuleException("Seats cannot be reduced once nominations are open; withdraw or cancel nominations first");
        }

        Definition = definition;
    }

    public void AddSessionDay(SessionDay day, ProgrammePeriod programme)
    {
        EnsureNotFinished("rescheduled");
        if (Status == TrainingStatus.InProgress)
        {
            throw new DomainRuleException("Session days cannot be changed while the training is in progress");
        }

        if (day.TrainingId != Id)
        {
            throw new DomainValidationException("session_day.training_id", $"belongs to another training than {Id}");
        }

        EnsureInside(programme, day);
        foreach (var other in _sessionDays.Where(d => d.Id != day.Id && d.Overlaps(day)))
        {
            throw new DomainRuleException(
                $"The session day overlaps another day of this training ({LocalSchedule.Describe(other.Start, other.Zone)} to {LocalSchedule.Describe(other.End, other.Zone)})");
        }

        _sessionDays.RemoveAll(d => d.Id == day.Id);
        _sessionDays.Add(day);
        _sessionDays.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    public void RemoveSessionDay(string dayId)
    {
        EnsureNotFinished("rescheduled");
        if (_sessionDays.RemoveAll(d => d.Id == dayId) == 0)
        {
            throw new DomainValidationException("session_day_id", $"no session day {dayId} in this training");
        }
    }

    public void OpenNominations(Instant now, ProgrammePeriod programme)
    {
        TrainingLifecycle.EnsureCanMove(Status, TrainingStatus.OpenForNomination);
        if (!programme.InImplementation)
        {
            throw new DomainRuleException("Nominations can only open while the programme is in implementation");
        }

        if (_sessionDays.Count == 0)
        {
            throw new DomainRuleException("Schedule at least one session day before opening nominations");
        }

        foreach (var day in _sessionDays)
        {
            EnsureInside(programme, day);
        }

        if (Definition.NominationWindow.Deadline <= now)
        {
            throw new DomainRuleException("The nomination deadline has already passed; move it before opening nominations");
        }

        if (Definition.NominationWindow.Deadline > FirstStart)
        {
            throw new DomainRuleException("The nomination deadline must be before the first session day starts");
        }

        Status = TrainingStatus.OpenForNomination;
    }

    public void Confirm() => Move(TrainingStatus.Confirmed);

    public void Start() => Move(TrainingStatus.InProgress);

    public void Complete() => Move(TrainingStatus.Completed);

    public void Cancel(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainValidationException("reason", "say why the training is cancelled; nominating partners will read it");
        }

        Move(TrainingStatus.Cancelled);
        CancellationReason = reason.Trim();
    }

    public bool AcceptsNominations(Instant now) =>
        Status == TrainingStatus.OpenForNomination && Definition.NominationWindow.Contains(now);

    private void Move(TrainingStatus to)
    {
        TrainingLifecycle.EnsureCanMove(Status, to);
        Status = to;
    }

    private void EnsureNotFinished(string action)
    {
        if (Status is TrainingStatus.Completed or TrainingStatus.Cancelled)
        {
            throw new DomainRuleException($"A {TrainingLifecycle.Describe(Status)} training cannot be {action}");
        }
    }

    private static void EnsureInside(ProgrammePeriod programme, SessionDay day)
    {
        var start = day.Start.InZone(day.Zone).Date;
        var end = day.End.InZone(day.Zone).Date;
        if (start < programme.Start || end > programme.End)
        {
            throw new DomainRuleException(
                $"The session day {start:uuuu-MM-dd} lies outside the programme's period {programme.Start:uuuu-MM-dd} to {programme.End:uuuu-MM-dd}");
        }
    }
}
