using CapacityHub.Rpc.Protocol;
using Google.Protobuf;

namespace CapacityHub.Rpc.Server;

/// <summary>Reads the request messages of a client-streaming or duplex call from the HTTP/2 request body.</summary>
internal sealed class RequestStreamReader<T>(HttpServerCallContext call, MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        // Handlers usually pass context.CancellationToken itself; link only a different token.
        using var linked = cancellationToken.CanBeCanceled && cancellationToken != call.CancellationToken
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CancellationToken)
            : null;
        var token = linked?.Token ?? call.CancellationToken;
        token.ThrowIfCancellationRequested();
        _current = await MessageFraming.ReadMessageAsync(
            call.HttpContext.Request.BodyReader, parser, call.RequestEncoding, call.Options.MaxReceiveMessageSize, token)
            .ConfigureAwait(false);
        return _current is not null;
    }
}
