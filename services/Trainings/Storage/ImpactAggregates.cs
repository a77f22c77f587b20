using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Impact;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// Keeps impact cells current inside the caller's transaction, and loads just the cells a query needs:
/// one roll-up per training for unfiltered queries, the country's or organisation's cells otherwise.
/// </summary>
public sealed class ImpactAggregates(IDocumentStore store)
{
    private const int PageSize = Query.MaxLimit;

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

    public async Task<ImpactMetrics> ComputeAsync(ImpactQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        var trainings = new List<TrainingFacts>();
        foreach (var programme in query.ProgrammeIds)
        {
            var filter = Filter.Where("programmeId", programme);
            await foreach (var doc in ReadAllAsync(store.Collection(TrainingsCollections.TrainingFacts), filter, cancellationToken))
            {
                trainings.Add(doc.ToFacts());
            }
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

        // Reach and reporting cells are maintained by the nomination and outcome-report writes (not stored yet).
        return ImpactCalculator.Compute(query, trainings, cells, [], []);
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
