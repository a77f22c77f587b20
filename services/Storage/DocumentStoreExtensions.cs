namespace CapacityHub.Storage;

public static class DocumentStoreExtensions
{
    /// <summary>A transaction with no result; see <see cref="IDocumentStore.TransactAsync{TResult}"/>.</summary>
    public static Task TransactAsync(this IDocumentStore store, Func<ITransaction, CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        store.TransactAsync(
            async (tx, ct) =>
            {
                await work(tx, ct);
                return true;
            },
            cancellationToken);
}
