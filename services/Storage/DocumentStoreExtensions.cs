namespace CapacityHub.Storage;

public static class DocumentStoreExtensions
{
    /// <summary>
    /// Every document matching <paramref name="filter"/>, read page by page (so never cut off at one page's
    /// <see cref="Query.MaxLimit"/>), in <paramref name="orderBy"/> order or id order.
    /// </summary>
    public static async IAsyncEnumerable<Document<T>> FindAllAsync<T>(
        this IDocumentCollection<T> collection,
        Filter filter,
        string? orderBy = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        string? after = null;
        do
        {
            var page = await collection.FindAsync(new Query { Filter = filter, OrderBy = orderBy, Limit = Query.MaxLimit, After = after }, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            after = page.Next;
        }
        while (after is not null);
    }

    /// <summary><see cref="FindAllAsync{T}"/> collected into a list (for result sets known to be small).</summary>
    public static async Task<List<Document<T>>> ListAllAsync<T>(this IDocumentCollection<T> collection, Filter filter, string? orderBy = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var all = new List<Document<T>>();
        await foreach (var item in collection.FindAllAsync(filter, orderBy, cancellationToken))
        {
            all.Add(item);
        }

        return all;
    }

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
