namespace CapacityHub.Rpc.Client.Calls;

/// <summary>
/// The response stream of a server-streaming or duplex call. MoveNext returns false after the last
/// message of a successful call and throws <see cref="RpcException"/> when the call failed.
/// </summary>
internal sealed class ResponseStreamReader<TResponse>(
    Func<CancellationToken, Task<TResponse?>> readNext, Action throwIfFailed) : IAsyncStreamReader<TResponse>
    where TResponse : class
{
    private TResponse? _current;

    public TResponse Current =>
        _current ?? throw new InvalidOperationException("No current message: call MoveNext and check that it returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        var message = await readNext(cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            _current = null;
            throwIfFailed();
            return false;
        }

        _current = message;
        return true;
    }
}
