using System.Text.RegularExpressions;
using CapacityHub.Storage.Mongo.Auth;
using CapacityHub.Storage.Mongo.Commands;
using CapacityHub.Storage.Mongo.Connection;
using CapacityHub.Storage.Mongo.Topology;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// Maps what the server or the client reported to the abstraction's exceptions. Anything not listed stays a
/// <see cref="MongoCommandException"/>, which carries the server's code, code name and message.
/// </summary>
internal static partial class StoreErrors
{
    public const int DuplicateKey = 11000;
    public const int TypeMismatch = 14;
    public const string TransientTransactionError = "TransientTransactionError";
    public const string UnknownTransactionCommitResult = "UnknownTransactionCommitResult";

    private static readonly HashSet<int> DuplicateKeyCodes = [DuplicateKey, 11001, 12582];

    public static bool IsDuplicateKey(Exception error) => error is MongoCommandException { Code: var code } && DuplicateKeyCodes.Contains(code);

    /// <summary>The server or the network failed us, not the data: the store is unavailable for now.</summary>
    public static bool IsUnavailable(Exception error) => error switch
    {
        MongoConnectionException or MongoServerSelectionException or MongoWaitQueueTimeoutException or MongoAuthenticationException => true,
        MongoCommandException command => RetryableErrors.MeansServerStateChanged(command),
        _ => false,
    };

    /// <summary>The exception to throw instead of <paramref name="error"/>, or null to let it propagate unchanged.</summary>
    public static Exception? Translate(Exception error, string collection)
    {
        if (IsDuplicateKey(error))
        {
            return new DuplicateKeyException(collection, IndexName((MongoCommandException)error), error);
        }

        if (IsUnavailable(error))
        {
            return new StoreUnavailableException($"MongoDB did not serve '{collection}': {error.Message}", error);
        }

        return null;
    }

    /// <summary>
    /// The index named by an E11000 message ("... index: oneSeatPerEmail dup key: ..."); "_id_" is the id.
    /// Falls back to the keyPattern servers 4.4+ attach.
    /// </summary>
    public static string IndexName(MongoCommandException error)
    {
        var name = IndexInMessage().Match(error.Message) is { Success: true } match ? match.Groups[1].Value : null;
        if (name is null && WriteError(error.Reply)?.GetValue("keyPattern", BsonNull.Value) is BsonDocument keyPattern)
        {
            name = keyPattern.Names.SequenceEqual(["_id"]) ? "_id_" : string.Join("_", keyPattern.Names);
        }

        return name is null or "_id_" ? DuplicateKeyException.IdIndexName : name;
    }

    private static BsonDocument? WriteError(BsonDocument reply) =>
        reply.GetValue("writeErrors", BsonNull.Value) is BsonArray { Count: > 0 } errors ? errors[0].AsBsonDocument : reply;

    [GeneratedRegex(@"index: (\S+) dup key")]
    private static partial Regex IndexInMessage();
}
