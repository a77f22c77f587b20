using CapacityHub.Storage.Mongo.Topology;
using CapacityHub.Storage.Mongo.Wire;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>
/// Runs one command: selects a server, checks out a connection, adds session and transaction fields, and
/// for retryable operations retries exactly once on another (or the same, re-selected) server after a
/// retryable error, keeping the same txnNumber so the server can deduplicate the write.
/// </summary>
public sealed class OperationExecutor(MongoCluster cluster, bool retryWrites, BsonDocument? writeConcern, Action<CommandStartedEvent>? commandStarted)
{
    public async Task<(BsonDocument Reply, string Address)> ExecuteAsync(string database, BsonDocument command, IReadOnlyList<DocumentSequence>? sequences, OperationOptions options, CancellationToken cancellationToken)
    {
        var session = options.Session;
        var inTransaction = session is { InTransaction: true };
        var retry = options.Retryable && !inTransaction && (!options.IsWrite || retryWrites);
        if (options.IsWrite && retry && session is not null && !IsTransactionEnd(command))
        {
            session.AdvanceTransactionNumber();
        }

        string? failedAddress = null;
        for (var attempt = 1; ; attempt++)
        {
            var (server, pool) = options.PinnedAddress is { } pinned
                ? cluster.ServerAt(pinned)
                : await cluster.SelectServerAsync(options.ReadPreference ?? ReadPreference.Primary, options.IsWrite || inTransaction, failedAddress is null ? null : [failedAddress], cancellationToken).ConfigureAwait(false);
            var body = Decorate(command, session, options, server, retry, writeConcern);
            commandStarted?.Invoke(new CommandStartedEvent(database, command.GetElement(0).Name, Merge(body, sequences), server.Address));
            cluster.OperationStarted(server.Address);
            try
            {
                var connection = await pool.CheckOutAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var reply = await connection.RunCommandAsync(database, body, sequences, cancellationToken).ConfigureAwait(false);
                    if (inTransaction)
                    {
                        session!.TransactionStarted = true;
                    }

                    return (reply, server.Address);
                }
                finally
                {
                    await pool.CheckInAsync(connection).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (RetryableErrors.IsRetryable(e) || RetryableErrors.MeansServerStateChanged(e))
            {
                if (RetryableErrors.MeansServerStateChanged(e))
                {
                    cluster.MarkUnknown(server.Address, e.Message);
                }

                if (!retry || attempt > 1 || !RetryableErrors.IsRetryable(e))
                {
                    throw;
                }

                failedAddress = server.Address;
            }
            finally
            {
                cluster.OperationEnded(server.Address);
            }
        }
    }

    private static bool IsTransactionEnd(BsonDocument command) =>
        command.GetElement(0).Name is "commitTransaction" or "abortTransaction";

    private static BsonDocument Decorate(BsonDocument command, MongoSession? session, OperationOptions options, ServerDescription server, bool retry, BsonDocument? writeConcern)
    {
        var body = new BsonDocument(command);

        // Inside a transaction only the commit/abort carries the write concern; the server rejects it elsewhere.
        if (writeConcern is not null && options.IsWrite && !body.Contains("writeConcern")
            && (session is not { InTransaction: true } || IsTransactionEnd(command)))
        {
            body["writeConcern"] = writeConcern;
        }

        if (session is not null)
        {
            body["lsid"] = session.Id;
            if (session.InTransaction)
            {
                body["txnNumber"] = session.TransactionNumber;
                body["autocommit"] = false;
                if (!session.TransactionStarted && !IsTransactionEnd(command))
                {
                    body["startTransaction"] = true;
                }
            }
            else if (options.IsWrite && retry && SupportsRetryableWrites(server))
            {
                body["txnNumber"] = session.TransactionNumber;
            }
        }

        if (!options.IsWrite && server.Type == ServerType.Mongos && options.ReadPreference?.ToDocument() is { } readPreference)
        {
            body["$readPreference"] = readPreference;
        }

        return body;
    }

    /// <summary>Standalone servers reject txnNumber; sessions need logicalSessionTimeoutMinutes.</summary>
    private static bool SupportsRetryableWrites(ServerDescription server) =>
        server.Type != ServerType.Standalone && server.LogicalSessionTimeoutMinutes is not null;

    private static BsonDocument Merge(BsonDocument body, IReadOnlyList<DocumentSequence>? sequences)
    {
        var merged = new BsonDocument(body);
        foreach (var sequence in sequences ?? [])
        {
            merged[sequence.Identifier] = new BsonArray(sequence.Documents);
        }

        return merged;
    }
}
