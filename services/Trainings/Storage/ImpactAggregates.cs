using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Impact;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// Keeps impact, reach and reporting cells current inside the caller's transaction, and loads just the
/// cells a query needs: per training one roll-up and per programme-year one reach roll-up for unfiltered
/// queries, the country's or organisation's detailed cells otherwise. Reads never touch enrolments.
/// </summary>
public sealed class ImpactAggregates(IDocumentStore store)
{
    private const int PageSize = Query.MaxLimit;

    /// <summary>Programmes named in one IN filter (SQLite allows far more parameters; this keeps statements small).</summary>
    private const int ProgrammesPerQuery = 200;

    /// <summary>Applies a write's delta (from <see cref="ImpactDelta.Between"/>) in the same transaction as the write.</summary>
    public static async Task ApplyAsync(ITransaction transaction, IReadOnlyList<ImpactCell> delta, CancellationToken cancellationToken)
    {
        var cells = transaction.Collection(TrainingsCollections.ImpactCells);
        foreach (var change in delta)
        {
            var increments = ImpactCellDocument.IncrementsOf(change.Counts);
            if (increments.Count > 0)
            {
                await cells.IncrementAsync(change.Key.ToId(), increments, ImpactCellDocument.Seed(change.Key), cancellationToken);
            }
        }
    }

    public static Task SaveFactsAsync(ITransaction transaction, TrainingFacts facts, CancellationToken cancellationToken) =>
        transaction.Collection(TrainingsCollections.TrainingFacts).UpsertAsync(TrainingFactsDocument.From(facts), cancellationToken);

    /// <summary>
    /// Adds <paramref name="delta"/> unique people (from <see cref="ReachDelta.ForEnrolmentCountChange"/>) to the
    /// detailed reach cell and to its programme-year roll-up, in the caller's transaction.
    /// </summary>
    public static async Task ApplyReachAsync(ITransaction transaction, ReachCellKey key, long delta, CancellationToken cancellationToken)
    {
        if (delta == 0)
        {
            return;
        }

        await transaction.Collection(ImpactCollections.ReachCells).IncrementAsync(
            key.ToId(), [Increment.By("uniqueParticipants", delta)], ReachCellDocument.Seed(key), cancellationToken);

        // The roll-up holds maps keyed by data (countries, organisations), which increments cannot address;
        // read-modify-write is safe here because the transaction holds the store's write lock.
        var rollUps = transaction.Collection(ImpactCollections.ReachRollUps);
        var id = ReachRollUpDocument.IdOf(key.ProgrammeId, key.Year);
        var current = await rollUps.GetAsync(id, cancellationToken);
        var value = current?.Value ?? new ReachRollUpDocument { Id = id, ProgrammeId = key.ProgrammeId, Year = key.Year };
        await rollUps.UpsertAsync(value.With(key, delta), cancellationToken);
    }

    /// <summary>Moves a report's obligation from its old contribution to its new one (either may be absent).</summary>
    public static async Task ApplyReportingAsync(ITransaction transaction, ReportingObligation? before, ReportingObligation? after, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<ReportingCellKey, (long Expected, long Received, long OnTime)>();
        void Add(ReportingObligation? obligation, int sign)
        {
            if (obligation is null)
            {
                return;
            }

            var cell = obligation.Contribution();
            var sum = changes.GetValueOrDefault(cell.Key);
            changes[cell.Key] = (sum.Expected + (sign * cell.Expected), sum.Received + (sign * cell.Received), sum.OnTime + (sign * cell.OnTime));
        }

        Add(before, -1);
        Add(after, 1);
        var cells = transaction.Collection(ImpactCollections.ReportingCells);
        foreach (var (key, (expected, received, onTime)) in changes)
        {
            var increments = new List<Increment>();
            foreach (var (path, value) in new[] { ("expected", expected), ("received", received), ("onTime", onTime) })
            {
                if (value != 0)
                {
                    increments.Add(Increment.By(path, value));
                }
            }

            if (increments.Count > 0)
            {
                await cells.IncrementAsync(key.ToId(), increments, ReportingCellDocument.Seed(key), cancellationToken);
            }
        }
    }

    public async Task<ImpactMetrics> ComputeAsync(ImpactQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var trainings = new List<TrainingFacts>();
        var reach = new ReachSummary();
        var reporting = new List<ReportingCell>();
        // One query per collection for a whole batch of programmes rather than three per programme: a
        // funder-wide call's cost is then the documents it reads, not round trips to the store.
        foreach (var chunk in query.ProgrammeIds.Order(StringComparer.Ordinal).Chunk(ProgrammesPerQuery))
        {
            var byProgrammes = Filter.All.AndIn("programmeId", chunk);
            await foreach (var doc in ReadAllAsync(store.Collection(TrainingsCollections.TrainingFacts), byProgrammes, cancellationToken))
            {
                trainings.Add(doc.ToFacts());
            }

            await foreach (var doc in ReadAllAsync(store.Collection(ImpactCollections.ReportingCells), byProgrammes, cancellationToken))
            {
                reporting.Add(doc.ToCell());
            }

            await AddReachAsync(query, chunk, reach, cancellationToken);
        }

        var inScope = trainings.Where(query.IncludesTraining).Select(t => t.TrainingId).ToList();
        var cells = new List<ImpactCell>();
        var collection = store.Collection(TrainingsCollections.ImpactCells);
        foreach (var chunk in inScope.Chunk(500))
        {
            var filter = query.CountryCode is not null ? Filter.Where("countryCode", query.CountryCode).AndIn("trainingId", chunk)
                : query.OrganisationId is not null ? Filter.Where("organisationId", query.OrganisationId).AndIn("trainingId", chunk)
                : Filter.Where("rollUp", true).AndIn("trainingId", chunk);
            await foreach (var doc in ReadAllAsync(collection, filter, cancellationToken))
            {
                cells.Add(doc.ToCell());
            }
        }

        return ImpactCalculator.Compute(query, trainings, cells, reach, reporting);
    }

    /// <summary>Reach is by calendar year: the roll-ups of the query's years, or the filtered detailed cells.</summary>
    private async Task AddReachAsync(ImpactQuery query, IReadOnlyList<string> programmes, ReachSummary reach, CancellationToken cancellationToken)
    {
        var byProgrammes = Filter.All.AndIn("programmeId", programmes);
        if (!query.NeedsParticipantCells)
        {
            await foreach (var rollUp in ReadAllAsync(store.Collection(ImpactCollections.ReachRollUps), byProgrammes, cancellationToken))
            {
                if (query.IncludesYear(rollUp.Year))
                {
                    rollUp.AddTo(reach);
                }
            }

            return;
        }

        var filter = query.CountryCode is not null
            ? byProgrammes.And("countryCode", query.CountryCode)
            : byProgrammes.And("organisationId", query.OrganisationId);
        await foreach (var doc in ReadAllAsync(store.Collection(ImpactCollections.ReachCells), filter, cancellationToken))
        {
            var cell = doc.ToCell();
            if (cell.UniqueParticipants > 0 && query.IncludesYear(cell.Key.Year) && query.IncludesCell(cell.Key.CountryCode, cell.Key.OrganisationId))
            {
                reach.Add(cell.Key, cell.UniqueParticipants);
            }
        }
    }

    private static async IAsyncEnumerable<T> ReadAllAsync<T>(IDocumentCollection<T> collection, Filter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        string? after = null;
        do
        {
            var page = await collection.FindAsync(new Query { Filter = filter, Limit = PageSize, After = after }, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item.Value;
            }

            after = page.Next;
        }
        while (after is not null);
    }
}
