using System.Diagnostics;
using CapacityHub.Storage;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CapacityHub.Trainings.Storage;

/// <summary>
/// Brings a Trainings store written by an earlier version to the current layout, once, at start-up (hosted
/// services start before the server listens). Schema 2 keeps resources as nested documents instead of JSON
/// text in a string, marks live nominations for the "one live nomination per person" unique indexes, and
/// keeps the seat, waitlist and quota counters the nomination rules decide on. Schema 3 adds the search text
/// and country lists search and filter on. Both are written by rewriting every training and nomination with
/// today's stored form. Each training is rewritten in
/// its own transaction from its nominations, so an interrupted upgrade simply runs again; the marker is
/// written last. A store from a newer version is refused with what to do, never silently rewritten.
/// </summary>
public sealed partial class TrainingsSchema(IDocumentStore store, ILogger<TrainingsSchema> logger) : BackgroundService
{
    public const int Current = 3;

    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private bool done;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        done = await TryUpgradeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Retries while the store cannot be reached at start-up (MongoDB still coming up).</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!done && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            done = await TryUpgradeAsync(stoppingToken);
        }
    }

    private async Task<bool> TryUpgradeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.MigrateAsync(TrainingsCollections.All, cancellationToken);
            await UpgradeAsync(store, logger, cancellationToken);
            return true;
        }
        catch (StoreUnavailableException e)
        {
            LogUnreachable(logger, e.Message);
            return false;
        }
    }

    /// <summary>Upgrades <paramref name="store"/> (its collections already migrated) to <see cref="Current"/>.</summary>
    /// <returns>The number of trainings rewritten (0 when the store was new or current).</returns>
    public static async Task<int> UpgradeAsync(IDocumentStore store, ILogger logger, CancellationToken cancellationToken)
    {
        var schema = store.Collection(TrainingsCollections.Schema);
        var marker = await schema.GetAsync(StoreSchema.Key, cancellationToken);
        if (marker is { Value.Version: > Current })
        {
            throw new InvalidOperationException(
                $"The Trainings store was written by a newer CapacityHub (store schema {marker.Value.Version}; this version reads up to {Current}). " +
                "Start the newer version again, or restore the data folder (or database) from a backup taken before it ran.");
        }

        if (marker is { Value.Version: Current })
        {
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var trainings = 0;
        var nominations = 0;
        var ids = new List<string>();
        await foreach (var training in store.Collection(TrainingsCollections.Trainings).FindAllAsync(Filter.All, cancellationToken: cancellationToken))
        {
            ids.Add(training.Id);
        }

        foreach (var id in ids)
        {
            nominations += await RewriteAsync(store, id, cancellationToken);
            trainings++;
        }

        await schema.UpsertAsync(new StoreSchema(StoreSchema.Key, Current, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), cancellationToken);
        if (trainings > 0)
        {
            LogUpgraded(logger, Current, trainings, nominations, clock.Elapsed.TotalSeconds);
        }

        return trainings;
    }

    /// <returns>How many nominations the training has.</returns>
    private static async Task<int> RewriteAsync(IDocumentStore store, string trainingId, CancellationToken cancellationToken)
    {
        try
        {
            return await store.TransactAsync(
                async (tx, ct) =>
                {
                    var trainings = tx.Collection(TrainingsCollections.Trainings);
                    if (await trainings.GetAsync(trainingId, ct) is not { } stored)
                    {
                        return 0;
                    }

                    var nominations = tx.Collection(TrainingsCollections.Nominations);
                    var all = await nominations.ListAllAsync(Filter.Where("trainingId", trainingId), "nominatedAtUnixMs", ct);
                    var domain = new List<Nomination>(all.Count);
                    foreach (var doc in all)
                    {
                        var resource = TrainingStore.ToResource(doc);
                        domain.Add(TrainingResources.RestoreNomination(doc.Id, trainingId, resource));
                        var rewritten = TrainingStore.ToStored(trainingId, doc.Value.ProgrammeId, doc.Value.OrganisationType, doc.Id, resource);
                        await nominations.ReplaceAsync(rewritten, doc.Version, ct);
                    }

                    var counts = RosterCounts.Of(domain);
                    var usage = tx.Collection(TrainingsCollections.QuotaUsage);
                    foreach (var group in domain.Where(n => NominationLifecycle.CountsAgainstQuota(n.Status))
                        .SelectMany(n => new[] { QuotaScope.Country, QuotaScope.Organisation }.Select(s => (Scope: s, Key: RosterCounts.KeyOf(s, n.Participant, n.NominatingOrganisationId))))
                        .GroupBy(k => k))
                    {
                        var id = QuotaUsage.IdOf(trainingId, group.Key.Scope, group.Key.Key);
                        await usage.UpsertAsync(new QuotaUsage(id, trainingId, group.Count()), ct);
                    }

                    var training = TrainingStore.ToResource(stored);
                    training.SeatsTaken = counts.SeatsTaken;
                    training.Waitlisted = counts.Waitlisted;
                    await trainings.ReplaceAsync(TrainingStore.ToStored(trainingId, training), stored.Version, ct);
                    return all.Count;
                },
                cancellationToken);
        }
        catch (DuplicateKeyException e) when (e.Collection == TrainingsCollections.Nominations.Name)
        {
            throw new InvalidOperationException(
                $"Cannot upgrade the Trainings store: training trainings/{trainingId} has two live nominations of one person ({string.Join(", ", e.Fields)}). " +
                "Start the previous version, withdraw or cancel one of them, then start this version again.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trainings store upgraded to schema {Schema} (native documents, roster counters, search text): {Trainings} trainings and {Nominations} nominations rewritten in {Seconds:F1} s")]
    private static partial void LogUpgraded(ILogger logger, int schema, int trainings, int nominations, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainings store upgrade waits for the store: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
