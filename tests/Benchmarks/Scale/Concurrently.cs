namespace CapacityHub.Benchmarks.Scale;

/// <summary>Runs work items on a fixed number of concurrent workers, like that many clients.</summary>
public static class Concurrently
{
    public static async Task RunAsync<T>(IReadOnlyList<T> items, int workers, Func<T, Task> work)
    {
        var next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
            {
                await work(items[i]);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Math.Min(workers, items.Count))).Select(_ => Task.Run(Worker)));
    }
}
