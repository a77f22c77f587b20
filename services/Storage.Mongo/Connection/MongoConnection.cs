using System.Net.Sockets;
using CapacityHub.Storage.Mongo.Commands;
using CapacityHub.Storage.Mongo.Topology;
using CapacityHub.Storage.Mongo.Wire;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Connection;

/// <summary>
/// One open stream to one server, speaking OP_MSG request/reply. Not shared between concurrent operations:
/// the pool hands it to one caller at a time. Any I/O failure marks it broken so the pool discards it.
/// </summary>
public sealed class MongoConnection(string address, Stream stream, int generation, TimeSpan socketTimeout) : IAsyncDisposable
{
    public string Address { get; } = address;

    public int Generation { get; } = generation;

    public ServerDescription? Description { get; internal set; }

    public bool IsBroken { get; private set; }

    public DateTime LastUsedUtc { get; private set; } = DateTime.UtcNow;

    public int MaxMessageSize { get; internal set; } = OpMsgDecoder.DefaultMaxMessageSize;

    /// <summary>Sends a command to <paramref name="database"/> and returns its reply, throwing MongoCommandException on failure.</summary>
    public async Task<BsonDocument> RunCommandAsync(string database, BsonDocument command, IReadOnlyList<DocumentSequence>? sequences, CancellationToken cancellationToken)
    {
        var reply = await RunRawAsync(database, command, sequences, cancellationToken).ConfigureAwait(false);
        if (MongoCommandException.FromReply(reply) is { } error)
        {
            throw error;
        }

        return reply;
    }

    /// <summary>Sends a command and returns whatever the server replied, ok or not.</summary>
    public async Task<BsonDocument> RunRawAsync(string database, BsonDocument command, IReadOnlyList<DocumentSequence>? sequences, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsBroken, this);
        var body = new BsonDocument(command) { ["$db"] = database };
        var request = new OpMsgMessage(RequestIds.Next(), 0, OpMsgFlags.None, body, sequences ?? []);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (socketTimeout > TimeSpan.Zero)
        {
            timeout.CancelAfter(socketTimeout);
        }

        try
        {
            await stream.WriteAsync(OpMsgEncoder.Encode(request), timeout.Token).ConfigureAwait(false);
            await stream.FlushAsync(timeout.Token).ConfigureAwait(false);
            var reply = await OpMsgDecoder.ReadAsync(stream, MaxMessageSize, timeout.Token).ConfigureAwait(false);
            if (reply.ResponseTo != request.RequestId)
            {
                throw new MongoWireException($"Reply answers request {reply.ResponseTo}, but request {request.RequestId} was sent.");
            }

            LastUsedUtc = DateTime.UtcNow;
            return reply.Body;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or MongoWireException or ObjectDisposedException)
        {
            IsBroken = true;
            await stream.DisposeAsync().ConfigureAwait(false);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new MongoConnectionException($"Network error talking to {Address}: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await stream.DisposeAsync().ConfigureAwait(false);
    }
}
