using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CapacityHub.Storage.Mongo.Wire;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.EndToEnd;

/// <summary>
/// An in-process MongoDB stand-in on a real loopback socket speaking OP_MSG: hello, SCRAM-SHA-256
/// (saslStart/saslContinue), insert, find/getMore/killCursors, plus transaction commands. It records every
/// command and can be told to fail the next command of a given name, to exercise retries and errors.
/// </summary>
internal sealed class FakeMongoServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, List<BsonDocument>> collections = new();
    private readonly ConcurrentDictionary<long, (string Collection, Queue<BsonDocument> Remaining)> cursors = new();
    private readonly ConcurrentDictionary<string, (BsonDocument? Reply, int Times)> failures = new();
    private readonly ConcurrentDictionary<string, Func<BsonDocument, BsonDocument>> responders = new();
    private readonly List<TcpClient> clients = [];
    private readonly (string User, string Password)? credential;
    private readonly string? replicaSet;
    private readonly Task acceptLoop;
    private long nextCursorId = 1000;

    public FakeMongoServer((string User, string Password)? credential = null, string? replicaSet = null)
    {
        this.credential = credential;
        this.replicaSet = replicaSet;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public string Address => $"127.0.0.1:{Port}";

    public ConcurrentQueue<BsonDocument> Commands { get; } = new();

    /// <summary>Replica-set mode: the members this server reports, its role and its election id.</summary>
    public IReadOnlyList<string>? Members { get; set; }

    public bool IsSecondary { get; set; }

    public int Election { get; set; } = 1;

    public int ConnectionsAccepted;

    public IEnumerable<BsonDocument> CommandsNamed(string name) => Commands.Where(c => c.GetElement(0).Name == name);

    /// <summary>The next <paramref name="times"/> <paramref name="command"/>s get <paramref name="reply"/>; a null reply closes the socket instead.</summary>
    public void FailNext(string command, BsonDocument? reply, int times = 1) => failures[command] = (reply, times);

    /// <summary>From now on <paramref name="command"/> is answered by <paramref name="reply"/> (given the command as received).</summary>
    public void Respond(string command, Func<BsonDocument, BsonDocument> reply) => responders[command] = reply;

    public void Seed(string collection, IEnumerable<BsonDocument> documents) => collections[collection] = [.. documents];

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        lock (clients)
        {
            clients.ForEach(c => c.Dispose());
        }

        try
        {
            await acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            Interlocked.Increment(ref ConnectionsAccepted);
            lock (clients)
            {
                clients.Add(client);
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var authenticated = credential is null;
        FakeScramServer? scram = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var request = await OpMsgDecoder.ReadAsync(stream, OpMsgDecoder.DefaultMaxMessageSize, stopping.Token);
                var command = new BsonDocument(request.Body);
                foreach (var sequence in request.Sequences)
                {
                    command[sequence.Identifier] = new BsonArray(sequence.Documents);
                }

                var name = command.GetElement(0).Name;
                Commands.Enqueue(command);
                BsonDocument reply;
                if (IsSecondary && name is "insert" or "update" or "delete" or "findAndModify")
                {
                    reply = new BsonDocument { { "ok", 0 }, { "errmsg", "not primary" }, { "code", 10107 }, { "codeName", "NotWritablePrimary" }, { "errorLabels", new BsonArray { "RetryableWriteError" } } };
                }
                else if (failures.TryRemove(name, out var failure))
                {
                    if (failure.Times > 1)
                    {
                        failures[name] = (failure.Reply, failure.Times - 1);
                    }

                    var injected = failure.Reply?.DeepClone().AsBsonDocument;
                    if (injected is null)
                    {
                        client.Close();
                        return;
                    }

                    reply = injected;
                }
                else if (!authenticated && name is not ("hello" or "saslStart" or "saslContinue"))
                {
                    reply = Error(13, "Unauthorized", $"command {name} requires authentication");
                }
                else if (responders.TryGetValue(name, out var responder))
                {
                    reply = responder(command);
                }
                else
                {
                    (reply, authenticated, scram) = Handle(name, command, authenticated, scram);
                }

                await stream.WriteAsync(OpMsgEncoder.Encode(new OpMsgMessage(RequestIds.Next(), request.RequestId, OpMsgFlags.None, reply, [])), stopping.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or EndOfStreamException or MongoWireException or SocketException)
        {
        }
    }

    private (BsonDocument Reply, bool Authenticated, FakeScramServer? Scram) Handle(string name, BsonDocument command, bool authenticated, FakeScramServer? scram)
    {
        switch (name)
        {
            case "hello":
                return (Hello(command), authenticated, scram);
            case "saslStart":
                scram = new FakeScramServer(credential!.Value.User, credential.Value.Password);
                try
                {
                    var first = scram.First(Encoding.UTF8.GetString(command["payload"].AsBsonBinaryData.Bytes));
                    return (new BsonDocument { { "conversationId", 1 }, { "done", false }, { "payload", new BsonBinaryData(Encoding.UTF8.GetBytes(first)) }, { "ok", 1 } }, false, scram);
                }
                catch (InvalidOperationException)
                {
                    return (Error(18, "AuthenticationFailed", "Authentication failed."), false, null);
                }

            case "saslContinue":
                var final = scram?.Final(Encoding.UTF8.GetString(command["payload"].AsBsonBinaryData.Bytes));
                return final is null
                    ? (Error(18, "AuthenticationFailed", "Authentication failed."), false, null)
                    : (new BsonDocument { { "conversationId", 1 }, { "done", true }, { "payload", new BsonBinaryData(Encoding.UTF8.GetBytes(final)) }, { "ok", 1 } }, true, null);
            case "insert":
                var documents = command["documents"].AsBsonArray.Select(d => d.AsBsonDocument).ToList();
                var target = collections.GetOrAdd(command["insert"].AsString, _ => []);
                lock (target)
                {
                    target.AddRange(documents);
                }

                return (new BsonDocument { { "n", documents.Count }, { "ok", 1 } }, authenticated, scram);
            case "find":
                return (Find(command), authenticated, scram);
            case "getMore":
                return (GetMore(command), authenticated, scram);
            case "killCursors":
                var killed = command["cursors"].AsBsonArray.Select(c => c.ToInt64()).Where(id => cursors.TryRemove(id, out _)).ToList();
                return (new BsonDocument { { "cursorsKilled", new BsonArray(killed) }, { "ok", 1 } }, authenticated, scram);
            case "aggregate":
                return (Aggregate(command), authenticated, scram);
            case "count":
                return (new BsonDocument { { "n", collections.GetOrAdd(command["count"].AsString, _ => []).Count }, { "ok", 1 } }, authenticated, scram);
            case "update" or "delete":
                return (new BsonDocument { { "n", 0 }, { "nModified", 0 }, { "ok", 1 } }, authenticated, scram);
            case "findAndModify":
                return (new BsonDocument { { "value", BsonNull.Value }, { "ok", 1 } }, authenticated, scram);
            case "listIndexes":
                return (Error(26, "NamespaceNotFound", $"ns does not exist: test.{command["listIndexes"].AsString}"), authenticated, scram);
            case "createIndexes":
                return (new BsonDocument { { "numIndexesBefore", 1 }, { "numIndexesAfter", 1 + command["indexes"].AsBsonArray.Count }, { "createdCollectionAutomatically", false }, { "ok", 1 } }, authenticated, scram);
            case "commitTransaction" or "abortTransaction" or "ping" or "drop" or "create" or "dropIndexes":
                return (new BsonDocument("ok", 1), authenticated, scram);
            default:
                return (Error(59, "CommandNotFound", $"no such command: '{name}'"), authenticated, scram);
        }
    }

    private BsonDocument Hello(BsonDocument command)
    {
        var reply = new BsonDocument
        {
            { "helloOk", true },
            { "isWritablePrimary", !IsSecondary },
            { "secondary", IsSecondary },
            { "maxBsonObjectSize", 16 * 1024 * 1024 },
            { "maxMessageSizeBytes", 48_000_000 },
            { "maxWriteBatchSize", 100_000 },
            { "logicalSessionTimeoutMinutes", 30 },
            { "minWireVersion", 0 },
            { "maxWireVersion", 21 },
        };
        if (replicaSet is not null)
        {
            reply["setName"] = replicaSet;
            reply["hosts"] = new BsonArray(Members ?? [Address]);
            reply["me"] = Address;
            reply["setVersion"] = 1;
            if (!IsSecondary)
            {
                reply["electionId"] = new ObjectId($"7fffffff{Election:D16}");
            }
        }

        if (command.Contains("saslSupportedMechs"))
        {
            reply["saslSupportedMechs"] = new BsonArray { "SCRAM-SHA-1", "SCRAM-SHA-256" };
        }

        reply["ok"] = 1;
        return reply;
    }

    private BsonDocument Find(BsonDocument command)
    {
        var collection = command["find"].AsString;
        var filter = command.GetValue("filter", new BsonDocument()).AsBsonDocument;
        IEnumerable<BsonDocument> matching;
        var source = collections.GetOrAdd(collection, _ => []);
        lock (source)
        {
            matching = FakeQuery.Sort([.. source.Where(d => FakeQuery.Matches(d, filter))], command.GetValue("sort", BsonNull.Value) as BsonDocument);
        }

        matching = matching.Skip(command.GetValue("skip", 0).ToInt32());
        if (command.GetValue("limit", 0).ToInt32() is > 0 and var limit)
        {
            matching = matching.Take(limit);
        }

        var batchSize = command.TryGetValue("batchSize", out var size) ? size.ToInt32() : 101;
        return CursorReply(collection, new Queue<BsonDocument>(matching), batchSize, "firstBatch");
    }

    private BsonDocument Aggregate(BsonDocument command)
    {
        var collection = command["aggregate"].AsString;
        var source = collections.GetOrAdd(collection, _ => []);
        IEnumerable<BsonDocument> documents;
        lock (source)
        {
            documents = [.. source];
        }

        foreach (var stage in command["pipeline"].AsBsonArray.Select(s => s.AsBsonDocument.GetElement(0)))
        {
            documents = stage.Name switch
            {
                "$match" => documents.Where(d => FakeQuery.Matches(d, stage.Value.AsBsonDocument)).ToList(),
                "$sort" => FakeQuery.Sort(documents, stage.Value.AsBsonDocument).ToList(),
                _ => throw new NotSupportedException($"fake server does not run {stage.Name}"),
            };
        }

        var batchSize = command["cursor"].AsBsonDocument.GetValue("batchSize", 101).ToInt32();
        return CursorReply(collection, new Queue<BsonDocument>(documents), batchSize, "firstBatch");
    }

    private BsonDocument GetMore(BsonDocument command)
    {
        var id = command["getMore"].ToInt64();
        if (!cursors.TryRemove(id, out var cursor))
        {
            return Error(43, "CursorNotFound", $"cursor id {id} not found");
        }

        var batchSize = command.TryGetValue("batchSize", out var size) ? size.ToInt32() : 101;
        return CursorReply(cursor.Collection, cursor.Remaining, batchSize, "nextBatch", id);
    }

    private BsonDocument CursorReply(string collection, Queue<BsonDocument> remaining, int batchSize, string batchName, long? existingId = null)
    {
        var batch = new BsonArray();
        while (batch.Count < batchSize && remaining.TryDequeue(out var document))
        {
            batch.Add(document);
        }

        long id = 0;
        if (remaining.Count > 0)
        {
            id = existingId ?? Interlocked.Increment(ref nextCursorId);
            cursors[id] = (collection, remaining);
        }

        return new BsonDocument
        {
            { "cursor", new BsonDocument { { "id", id }, { "ns", "test." + collection }, { batchName, batch } } },
            { "ok", 1 },
        };
    }

    private static BsonDocument Error(int code, string codeName, string message) =>
        new() { { "ok", 0 }, { "errmsg", message }, { "code", code }, { "codeName", codeName } };
}
