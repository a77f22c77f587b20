namespace CapacityHub.Rpc;

/// <summary>A stream of incoming messages, read one at a time.</summary>
public interface IAsyncStreamReader<out T>
{
    T Current { get; }

    Task<bool> MoveNext(CancellationToken cancellationToken = default);
}
