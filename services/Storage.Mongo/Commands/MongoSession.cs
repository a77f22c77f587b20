using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>
/// A logical session (lsid) with its transaction number. Explicit sessions can run a transaction:
/// StartTransaction, then operations carry txnNumber/autocommit=false (startTransaction on the first),
/// then CommitTransactionAsync or AbortTransactionAsync.
/// </summary>
public sealed class MongoSession(MongoClient client, bool isImplicit)
{
    private long transactionNumber;

    public BsonDocument Id { get; } = new("id", new BsonBinaryData(Guid.NewGuid(), GuidRepresentation.Standard));

    public bool IsImplicit { get; } = isImplicit;

    public bool InTransaction { get; private set; }

    internal bool TransactionStarted { get; set; }

    internal long TransactionNumber => transactionNumber;

    internal string? PinnedDatabase { get; set; }

    public long AdvanceTransactionNumber() => ++transactionNumber;

    public void StartTransaction()
    {
        if (InTransaction)
        {
            throw new InvalidOperationException("A transaction is already in progress on this session.");
        }

        AdvanceTransactionNumber();
        InTransaction = true;
        TransactionStarted = false;
    }

    public Task CommitTransactionAsync(CancellationToken cancellationToken = default) => EndTransactionAsync("commitTransaction", cancellationToken);

    /// <summary>
    /// Sends commitTransaction again for the transaction whose commit failed with an unknown outcome
    /// (UnknownTransactionCommitResult, network error): the server answers for the same txnNumber, so a
    /// commit that did happen is acknowledged instead of repeated.
    /// </summary>
    public async Task RetryCommitAsync(CancellationToken cancellationToken = default)
    {
        if (InTransaction || TransactionNumber == 0)
        {
            throw new InvalidOperationException("Only a transaction whose commit was attempted can have its commit retried.");
        }

        InTransaction = true;
        TransactionStarted = true;
        await EndTransactionAsync("commitTransaction", cancellationToken).ConfigureAwait(false);
    }

    public Task AbortTransactionAsync(CancellationToken cancellationToken = default) => EndTransactionAsync("abortTransaction", cancellationToken);

    private async Task EndTransactionAsync(string command, CancellationToken cancellationToken)
    {
        if (!InTransaction)
        {
            throw new InvalidOperationException($"No transaction is in progress, so {command} cannot run.");
        }

        try
        {
            if (TransactionStarted)
            {
                await client.Executor.ExecuteAsync("admin", new BsonDocument(command, 1), null, new OperationOptions(IsWrite: true, Retryable: true, Session: this), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            InTransaction = false;
            TransactionStarted = false;
        }
    }
}
