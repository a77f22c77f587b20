using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Storage;
using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Impact;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;
using Google.Protobuf;
using NodaTime;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// Trainings and nominations. Every write loads the training, its roster counters and the nominations the
/// operation needs (<see cref="RosterNeeds"/>) inside one transaction, runs the domain operation, and saves
/// the changed nominations, counter increments, the training (only when it changed), impact cells, reach
/// counts, schedule slots and facts together. Concurrent writers are serialised by the counters they both
/// increment (SQLite has one writer; MongoDB retries the transaction that lost the write conflict), and a
/// second live nomination of one person by the unique indexes on the active e-mail and participant id.
/// </summary>
public sealed class TrainingStore(IDocumentStore store, ImpactChanges changes, NotificationRepository notifications)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public IDocumentStore Store => store;

    public async Task<Document<V1.Training>?> FindAsync(string id, CancellationToken ct)
    {
        var doc = await store.Collection(TrainingsCollections.Trainings).GetAsync(id, ct);
        return doc is null ? null : new Document<V1.Training>(doc.Id, doc.Version, ToResource(doc));
    }

    public async Task<(IReadOnlyList<V1.Training> Items, string? Next)> ListAsync(Filter filter, string orderBy, int limit, string? pageToken, CancellationToken ct)
    {
        var page = await store.Collection(TrainingsCollections.Trainings).FindAsync(new Query { Filter = filter, OrderBy = orderBy, Limit = limit, After = pageToken }, ct);
        return ([.. page.Items.Select(ToResource)], page.Next);
    }

    public async Task<(StoredNomination Stored, V1.Nomination Resource)?> FindNominationAsync(string trainingId, string id, CancellationToken ct)
    {
        var doc = await store.Collection(TrainingsCollections.Nominations).GetAsync(id, ct);
        return doc is null || doc.Value.TrainingId != trainingId ? null : (doc.Value, ToResource(doc));
    }

    public async Task<(IReadOnlyList<(StoredNomination Stored, V1.Nomination Resource)> Items, string? Next)> ListNominationsAsync(
        Filter filter, int limit, string? pageToken, CancellationToken ct)
    {
        var page = await store.Collection(TrainingsCollections.Nominations).FindAsync(
            new Query { Filter = filter, OrderBy = "nominatedAtUnixMs", Limit = limit, After = pageToken }, ct);
        return ([.. page.Items.Select(d => (d.Value, ToResource(d)))], page.Next);
    }

    /// <summary>Live nominations of one training counted against one quota, as its counter holds them.</summary>
    public async Task<long> QuotaUsedAsync(string trainingId, QuotaScope scope, string key, CancellationToken ct) =>
        (await store.Collection(TrainingsCollections.QuotaUsage).GetAsync(QuotaUsage.IdOf(trainingId, scope, key), ct))?.Value.Used ?? 0;

    /// <summary>Live nominations (any training) of one person, for participant conflict checks.</summary>
    public async Task<IReadOnlyList<StoredNomination>> NominationsOfPersonAsync(string email, CancellationToken ct)
    {
        var all = await store.Collection(TrainingsCollections.Nominations).ListAllAsync(Filter.Where("email", email.ToLowerInvariant()), cancellationToken: ct);
        return [.. all.Select(d => d.Value)];
    }

    /// <summary>Other session days that need one trainer or room and start within [from, to).</summary>
    public async Task<IReadOnlyList<ScheduleSlot>> SlotsAsync(string resourceKey, Instant from, Instant to, CancellationToken ct)
    {
        var all = await store.Collection(TrainingsCollections.Slots).ListAllAsync(
            Filter.Where("resourceKey", resourceKey).AndRange("startUnixMs", from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()), cancellationToken: ct);
        return [.. all.Select(d => d.Value)];
    }

    /// <summary>The id a request created earlier, if it did (so retries need not reach other services again).</summary>
    public async Task<string?> RecordedAsync(string operation, string requestId, CancellationToken ct) =>
        (await store.Collection(TrainingsCollections.Requests).GetAsync($"{operation}:{requestId}", ct))?.Value.Result;

    public Task<string> CreateAsync(string requestId, string id, V1.Training training, CancellationToken ct) =>
        store.TransactAsync(
            (tx, token) => tx.OnceAsync(TrainingsCollections.Requests, "CreateTraining", requestId, async () =>
            {
                await tx.Collection(TrainingsCollections.Trainings).InsertAsync(ToStored(id, training), token);
                return id;
            }, cancellationToken: token),
            ct);

    public Task<bool> DeleteAsync(string id, long version, CancellationToken ct) =>
        store.TransactAsync(
            async (tx, token) =>
            {
                await DeleteSlotsAsync(tx, id, token);
                await DeleteQuotaUsageAsync(tx, id, token);
                await tx.Collection(TrainingsCollections.TrainingFacts).DeleteAsync(id, cancellationToken: token);
                return await tx.Collection(TrainingsCollections.Trainings).DeleteAsync(id, version, token);
            },
            ct);

    /// <summary>
    /// Runs <paramref name="operate"/> on the loaded aggregate and saves everything it changed in the same
    /// transaction; with a request id, a retry returns the first result without operating again.
    /// </summary>
    /// <param name="committed">Runs after the commit, only when the operation ran (not for a replayed request id).</param>
    /// <param name="needs">The nominations to load; all of them by default (whole-training changes).</param>
    /// <exception cref="DocumentNotFoundException">The training does not exist.</exception>
    /// <exception cref="DomainRuleException">The person already has a live nomination to this training.</exception>
    public async Task<string> WriteAsync(string trainingId, string actor, Func<TrainingAggregate, string> operate, CancellationToken ct,
        string? operation = null, string? requestId = null, Action? committed = null, RosterNeeds? needs = null)
    {
        string? programme = null;
        var ran = false;
        var result = await AlreadyNominatedAsRuleAsync(() => store.TransactAsync(
            async (tx, token) =>
            {
                async Task<string> Work()
                {
                    var aggregate = await LoadAsync(tx, trainingId, needs ?? RosterNeeds.Everyone, token);
                    var value = operate(aggregate);
                    ran = true;
                    await notifications.WriteAsync(tx, NoticesOf(aggregate), token);
                    programme = await SaveAsync(tx, aggregate, actor, token) ? aggregate.ProgrammeId : null;
                    return value;
                }

                return operation is null ? await Work() : await tx.OnceAsync(TrainingsCollections.Requests, operation, requestId!, Work, cancellationToken: token);
            },
            ct));
        if (programme is not null)
        {
            changes.Notify(programme);
        }

        if (ran)
        {
            committed?.Invoke();
        }

        return result;
    }

    /// <summary>What the operation's changes to nominations tell managers and nominating organisations (read before saving).</summary>
    private static IReadOnlyList<Domain.Notifications.Notice> NoticesOf(TrainingAggregate aggregate) =>
        Domain.Notifications.NominationNotices.For(TrainingResources.TrainingName(aggregate.Id), aggregate.Resource.Title, aggregate.ProgrammeId, aggregate.Enrolments
            .Where(e => e.Changed || aggregate.AllTouched)
            .Select(e => new Domain.Notifications.NominationChange(e.Nomination,
                e.Stored is null ? null : Enum.Parse<Domain.Nominations.NominationStatus>(e.Stored.Value.Status))));

    /// <summary>A unique index on live nominations refused a second one of the same person: the domain's rule, in its words.</summary>
    private static async Task<string> AlreadyNominatedAsRuleAsync(Func<Task<string>> write)
    {
        try
        {
            return await write();
        }
        catch (DuplicateKeyException e) when (e.IndexName is TrainingsCollections.OneLiveNominationPerEmail or TrainingsCollections.OneLiveNominationPerParticipant)
        {
            var who = e.IndexName == TrainingsCollections.OneLiveNominationPerEmail ? "A person with this e-mail" : "This participant";
            throw new DomainRuleException($"{who} is already nominated to this training");
        }
    }

    private static async Task<TrainingAggregate> LoadAsync(ITransaction tx, string trainingId, RosterNeeds needs, CancellationToken ct)
    {
        var stored = await tx.Collection(TrainingsCollections.Trainings).GetAsync(trainingId, ct)
            ?? throw new DocumentNotFoundException(TrainingsCollections.Trainings.Name, trainingId);
        var nominations = tx.Collection(TrainingsCollections.Nominations);
        if (needs.All)
        {
            var all = new List<Enrolment>();
            await foreach (var doc in AllNominationsAsync(nominations, trainingId, ct))
            {
                all.Add(ToEnrolment(doc, trainingId));
            }

            return new TrainingAggregate(stored, ToResource(stored), all, counts: null, firstWaitlisted: null);
        }

        var enrolments = new List<Enrolment>();
        foreach (var id in needs.Nominations)
        {
            if (await nominations.GetAsync(id, ct) is { } doc && doc.Value.TrainingId == trainingId)
            {
                enrolments.Add(ToEnrolment(doc, trainingId));
            }
        }

        Enrolment? first = null;
        if (needs.FirstWaitlisted)
        {
            // The index (trainingId, status, nominatedAtUnixMs, id) hands over the longest-waiting person directly.
            var page = await nominations.FindAsync(new Query
            {
                Filter = Filter.Where("trainingId", trainingId).And("status", V1.NominationStatus.Waitlisted.ToString()),
                OrderBy = "nominatedAtUnixMs",
                Limit = 1,
            }, ct);
            if (page.Items.Count == 1)
            {
                first = enrolments.Find(e => e.Id == page.Items[0].Id) ?? ToEnrolment(page.Items[0], trainingId);
                if (!enrolments.Contains(first))
                {
                    enrolments.Add(first);
                }
            }
        }

        var quotas = new List<KeyValuePair<(QuotaScope, string), int>>();
        var usage = tx.Collection(TrainingsCollections.QuotaUsage);
        foreach (var (scope, key) in needs.Quotas)
        {
            var used = (await usage.GetAsync(QuotaUsage.IdOf(trainingId, scope, key), ct))?.Value.Used ?? 0;
            quotas.Add(KeyValuePair.Create((scope, key), (int)used));
        }

        var counts = RosterCounts.Restore((int)stored.Value.SeatsTaken, (int)stored.Value.Waitlisted, quotas);
        return new TrainingAggregate(stored, ToResource(stored), enrolments, counts, first);
    }

    /// <summary>Every nomination of a training, page by page, in arrival order.</summary>
    internal static IAsyncEnumerable<Document<StoredNomination>> AllNominationsAsync(IDocumentCollection<StoredNomination> nominations, string trainingId, CancellationToken ct) =>
        nominations.FindAllAsync(Filter.Where("trainingId", trainingId), "nominatedAtUnixMs", ct);

    private static Enrolment ToEnrolment(Document<StoredNomination> doc, string trainingId)
    {
        var resource = ToResource(doc);
        return new Enrolment(doc, resource, TrainingResources.RestoreNomination(doc.Id, trainingId, resource),
            TrainingResources.RestoreLearning(doc.Id, trainingId, resource), doc.Value.OrganisationType);
    }

    /// <returns>Whether impact figures changed.</returns>
    private static async Task<bool> SaveAsync(ITransaction tx, TrainingAggregate aggregate, string actor, CancellationToken ct)
    {
        var now = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow);
        var training = aggregate.Training;
        var before = aggregate.Before;
        var daysBefore = before.SessionDays.Count;
        var policyBefore = TrainingResources.Policy(before);
        var yearBefore = FirstDate(before)?.Year;
        var yearAfter = training.SessionDays.Count == 0 ? (int?)null : training.SessionDays[0].LocalDate.Year;
        var impactChanged = false;
        var impact = new Dictionary<ImpactCellKey, ImpactCounts>();
        var reach = new Dictionary<ReachCellKey, long>();
        var counters = new RosterCounterChanges();

        var nominations = tx.Collection(TrainingsCollections.Nominations);
        foreach (var e in aggregate.Enrolments.Where(e => e.Changed || aggregate.AllTouched))
        {
            EnrolmentSnapshot? was = null;
            if (e.Stored is not null)
            {
                var old = ToResource(e.Stored);
                was = new EnrolmentSnapshot(TrainingResources.RestoreNomination(e.Id, aggregate.Id, old), TrainingResources.RestoreLearning(e.Id, aggregate.Id, old),
                    e.OrganisationType, daysBefore, policyBefore);
            }

            TrainingResources.WriteBack(e.Nomination, e.Learning, training, aggregate.Policy, e.Resource);
            var now2 = new EnrolmentSnapshot(e.Nomination, e.Learning, e.OrganisationType, training.SessionDays.Count, aggregate.Policy);
            foreach (var cell in ImpactDelta.Between(was, now2))
            {
                // Summed per cell first: a bulk write of a thousand enrolments touches each cell once.
                impact[cell.Key] = impact.TryGetValue(cell.Key, out var sum) ? sum + cell.Counts : cell.Counts;
            }

            var enrolledBefore = was?.IsEnrolled == true ? yearBefore : null;
            var enrolledAfter = now2.IsEnrolled ? yearAfter : null;
            if (enrolledBefore != enrolledAfter)
            {
                impactChanged = true;
                await CountPersonAsync(tx, aggregate.ProgrammeId, enrolledBefore, e, -1, reach, ct);
                await CountPersonAsync(tx, aggregate.ProgrammeId, enrolledAfter, e, +1, reach, ct);
            }

            counters.Add(e.Nomination, was?.Nomination.Status, e.Nomination.Status);
            var resource = e.Resource;
            if (e.Stored is not null
                && ToStored(aggregate.Id, aggregate.ProgrammeId, e.OrganisationType, e.Id, resource)
                    .Equals(ToStored(aggregate.Id, aggregate.ProgrammeId, e.OrganisationType, e.Id, ToResource(e.Stored))))
            {
                // Nothing about this nomination changed (a batch entry repeating what was recorded): no write.
                continue;
            }

            resource.Audit ??= new Common.V1.AuditInfo { CreateTime = now, CreatedBy = actor };
            resource.Audit.UpdateTime = now;
            resource.Audit.UpdatedBy = actor;
            var stored = ToStored(aggregate.Id, aggregate.ProgrammeId, e.OrganisationType, e.Id, resource);
            if (e.Stored is null)
            {
                await nominations.InsertAsync(stored, ct);
            }
            else
            {
                await nominations.ReplaceAsync(stored, e.Stored.Version, ct);
            }
        }

        var cells = impact.Where(c => !c.Value.IsZero).Select(c => new ImpactCell(c.Key, c.Value)).ToList();
        if (cells.Count > 0)
        {
            impactChanged = true;
            await ImpactAggregates.ApplyAsync(tx, cells, ct);
        }

        // Per reach cell once: a bulk write of a thousand people rewrites the programme-year roll-up once, not a thousand times.
        foreach (var (key, delta) in reach)
        {
            await ImpactAggregates.ApplyReachAsync(tx, key, delta, ct);
        }

        await counters.SaveQuotasAsync(tx, aggregate.Id, ct);
        await SaveTrainingAsync(tx, aggregate, counters, actor, now, ct);

        if (!before.SessionDays.Equals(aggregate.Resource.SessionDays) || before.Status != aggregate.Resource.Status)
        {
            await WriteSlotsAsync(tx, aggregate, ct);
        }

        impactChanged |= await SaveFactsAsync(tx, aggregate, ct);
        return impactChanged;
    }

    /// <summary>
    /// Replaces the training only when its definition, status or schedule changed; a nomination's own change
    /// just moves the seat counters by increments, leaving the training document (and its etag's meaning) alone.
    /// </summary>
    private static async Task SaveTrainingAsync(ITransaction tx, TrainingAggregate aggregate, RosterCounterChanges counters, string actor,
        Google.Protobuf.WellKnownTypes.Timestamp now, CancellationToken ct)
    {
        var trainings = tx.Collection(TrainingsCollections.Trainings);
        TrainingResources.WriteBack(aggregate.Training, aggregate.Resource);
        var unchanged = aggregate.Resource.Clone();
        unchanged.SeatsTaken = aggregate.Before.SeatsTaken;
        unchanged.Waitlisted = aggregate.Before.Waitlisted;
        if (unchanged.Equals(aggregate.Before))
        {
            if (counters.Seats != 0 || counters.Waitlisted != 0)
            {
                await trainings.IncrementAsync(aggregate.Id, counters.TrainingIncrements(), cancellationToken: ct);
            }

            return;
        }

        aggregate.Resource.Audit ??= new Common.V1.AuditInfo();
        aggregate.Resource.Audit.UpdateTime = now;
        aggregate.Resource.Audit.UpdatedBy = actor;
        var stored = ToStored(aggregate.Id, aggregate.Resource) with
        {
            SeatsTaken = aggregate.Stored.Value.SeatsTaken + counters.Seats,
            Waitlisted = aggregate.Stored.Value.Waitlisted + counters.Waitlisted,
        };
        await trainings.ReplaceAsync(stored, aggregate.Version, ct);
    }

    /// <summary>Moves one person's enrolment count; the unique-people change it makes is added to <paramref name="reach"/>.</summary>
    private static async Task CountPersonAsync(ITransaction tx, string programmeId, int? year, Enrolment e, int by, Dictionary<ReachCellKey, long> reach, CancellationToken ct)
    {
        if (year is null)
        {
            return;
        }

        var people = tx.Collection(TrainingsCollections.PersonReach);
        var p = e.Nomination.Participant;
        var id = $"{programmeId}|{year}|{p.Email.ToLowerInvariant()}";
        var current = (await people.GetAsync(id, ct))?.Value
            ?? new PersonReachDocument(id, 0, programmeId, year.Value, p.CountryCode, e.Nomination.NominatingOrganisationId, e.OrganisationType, p.Sector, p.Sex);
        var updated = current with { Enrolments = Math.Max(0, current.Enrolments + by) };
        var delta = ReachDelta.ForEnrolmentCountChange(current.Enrolments, updated.Enrolments);
        reach[current.Key] = reach.GetValueOrDefault(current.Key) + delta;
        if (updated.Enrolments == 0)
        {
            await people.DeleteAsync(id, cancellationToken: ct);
        }
        else
        {
            await people.UpsertAsync(updated, ct);
        }
    }

    private static async Task<bool> SaveFactsAsync(ITransaction tx, TrainingAggregate aggregate, CancellationToken ct)
    {
        var t = aggregate.Training;
        if (t.SessionDays.Count == 0)
        {
            return await tx.Collection(TrainingsCollections.TrainingFacts).DeleteAsync(aggregate.Id, cancellationToken: ct);
        }

        var facts = new TrainingFacts(aggregate.Id, aggregate.ProgrammeId, t.Definition.Seats, t.SessionDays[0].LocalDate,
            t.Status == Domain.Scheduling.TrainingStatus.Cancelled);
        var existing = await tx.Collection(TrainingsCollections.TrainingFacts).GetAsync(aggregate.Id, ct);
        if (existing?.Value == TrainingFactsDocument.From(facts))
        {
            return false;
        }

        await ImpactAggregates.SaveFactsAsync(tx, facts, ct);
        return true;
    }

    private static async Task WriteSlotsAsync(ITransaction tx, TrainingAggregate aggregate, CancellationToken ct)
    {
        await DeleteSlotsAsync(tx, aggregate.Id, ct);
        if (aggregate.Training.Status == Domain.Scheduling.TrainingStatus.Cancelled)
        {
            return;
        }

        var slots = new List<ScheduleSlot>();
        foreach (var day in aggregate.Training.SessionDays)
        {
            var keys = day.TrainerIds.Select(TrainerKey).ToList();
            if (!string.IsNullOrWhiteSpace(day.Room))
            {
                keys.Add(RoomKey(day.Room));
            }

            slots.AddRange(keys.Distinct(StringComparer.Ordinal).Select(k =>
                new ScheduleSlot($"{aggregate.Id}|{day.Id}|{k}", k, aggregate.Id, day.Id, day.Start.ToUnixTimeMilliseconds(), day.End.ToUnixTimeMilliseconds())));
        }

        if (slots.Count > 0)
        {
            await tx.Collection(TrainingsCollections.Slots).InsertManyAsync(slots, ct);
        }
    }

    private static async Task DeleteSlotsAsync(ITransaction tx, string trainingId, CancellationToken ct)
    {
        var slots = tx.Collection(TrainingsCollections.Slots);
        foreach (var slot in await slots.ListAllAsync(Filter.Where("trainingId", trainingId), cancellationToken: ct))
        {
            await slots.DeleteAsync(slot.Id, cancellationToken: ct);
        }
    }

    private static async Task DeleteQuotaUsageAsync(ITransaction tx, string trainingId, CancellationToken ct)
    {
        var usage = tx.Collection(TrainingsCollections.QuotaUsage);
        foreach (var doc in await usage.ListAllAsync(Filter.Where("trainingId", trainingId), cancellationToken: ct))
        {
            await usage.DeleteAsync(doc.Id, cancellationToken: ct);
        }
    }

    public static string TrainerKey(string trainer) => $"trainer:{trainer}";

    public static string RoomKey(string room) => $"room:{room}";

    private static LocalDate? FirstDate(V1.Training t) =>
        t.SessionDays.Count == 0 ? null : TrainingResources.ToInstant(t.SessionDays.MinBy(d => d.StartInstant)!.StartInstant)
            .InZone(DateTimeZoneProviders.Tzdb[t.SessionDays.MinBy(d => d.StartInstant)!.TimeZone]).Date;

    /// <summary>The stored form of a training; its seat counters are kept beside the resource, not in it.</summary>
    public static StoredTraining ToStored(string id, V1.Training t)
    {
        var copy = t.Clone();
        copy.Etag = "";
        copy.Name = "";
        copy.SeatsTaken = 0;
        copy.Waitlisted = 0;
        var first = t.SessionDays.Count == 0 ? long.MaxValue : t.SessionDays.Min(d => TrainingResources.ToInstant(d.StartInstant).ToUnixTimeMilliseconds());
        return new StoredTraining(id, t.Programme, t.Status.ToString(), first, Formatter.Format(copy), t.SeatsTaken, t.Waitlisted,
            SearchText.Of([t.Title, id, t.Venue?.DisplayName, t.Venue?.City, .. t.Topics]));
    }

    /// <summary>
    /// The stored form of a nomination. The resource is kept without what the record holds anyway (its name
    /// follows from the training and id) or what changes on every read (the etag is the version).
    /// </summary>
    internal static StoredNomination ToStored(string trainingId, string programmeId, string organisationType, string id, V1.Nomination n)
    {
        var live = NominationLifecycle.CountsAgainstQuota((NominationStatus)(int)n.Status);
        var email = n.Participant.Email.ToLowerInvariant();
        var participantId = n.Participant.ParticipantId.Trim();
        var copy = n.Clone();
        copy.Etag = "";
        copy.Name = "";
        return new StoredNomination(id, trainingId, programmeId, n.NominatingOrganisation, email, n.Status.ToString(),
            TrainingResources.ToInstant(n.NominateTime).ToUnixTimeMilliseconds(), organisationType, Format(copy),
            live ? email : null, live && participantId.Length > 0 ? participantId : null,
            SearchText.Of(n.Participant.DisplayName, email, participantId, n.Participant.JobTitle),
            n.Participant.CountryCode.Length == 0 ? null : n.Participant.CountryCode);
    }

    private static string Format(IMessage message) => Formatter.Format(message);

    internal static V1.Training ToResource(Document<StoredTraining> doc)
    {
        var t = Parser.Parse<V1.Training>(doc.Value.Resource);
        t.Name = TrainingResources.TrainingName(doc.Id);
        t.Etag = StoreFailures.Etag(doc.Version);
        t.SeatsTaken = (int)doc.Value.SeatsTaken;
        t.Waitlisted = (int)doc.Value.Waitlisted;
        return t;
    }

    internal static V1.Nomination ToResource(Document<StoredNomination> doc)
    {
        var n = Parser.Parse<V1.Nomination>(doc.Value.Resource);
        n.Name = TrainingResources.NominationName(doc.Value.TrainingId, doc.Id);
        n.Etag = StoreFailures.Etag(doc.Version);
        return n;
    }
}
