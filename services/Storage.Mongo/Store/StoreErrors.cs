using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// Maps what the driver reported to the abstraction's exceptions. Anything not listed propagates as the
/// driver's own exception (with the server's code, code name and message).
/// </summary>
internal static partial class StoreErrors
{
    public const int DuplicateKey = 11000;
    public const int TypeMismatch = 14;
    public const int NamespaceExists = 48;

    private static readonly HashSet<int> DuplicateKeyCodes = [DuplicateKey, 11001, 12582];

    public static bool IsDuplicateKey(Exception error) => DuplicateMessage(error) is not null;

    /// <summary>The server or the network failed us, not the data: the store is unavailable for now.</summary>
    public static bool IsUnavailable(Exception error) => error is MongoConnectionException
        or MongoNotPrimaryException
        or MongoNodeIsRecoveringException
        or MongoClientException { InnerException: TimeoutException }
        or TimeoutException
        or MongoIncompatibleDriverException;

    /// <summary>The exception to throw instead of <paramref name="error"/>, or null to let it propagate unchanged.</summary>
    public static Exception? Translate(Exception error, CollectionSpec spec)
    {
        if (DuplicateMessage(error) is { } message)
        {
            var index = IndexName(message, error);
            var fields = index == DuplicateKeyException.IdIndexName
                ? [FieldPath.Id]
                : spec.Indexes.FirstOrDefault(i => i.Name == index)?.Paths ?? [];
            return new DuplicateKeyException(spec.Name, index, fields, error);
        }

        if (IsUnavailable(error))
        {
            return new StoreUnavailableException($"MongoDB did not serve '{spec.Name}': {error.Message}", error);
        }

        return null;
    }

    /// <summary>The server's E11000 text, from whichever of the driver's exception shapes carried it.</summary>
    private static string? DuplicateMessage(Exception error) => error switch
    {
        MongoWriteException { WriteError: { } w } when w.Category == ServerErrorCategory.DuplicateKey || DuplicateKeyCodes.Contains(w.Code) => w.Message,
        MongoBulkWriteException bulk when bulk.WriteErrors.FirstOrDefault(w => w.Category == ServerErrorCategory.DuplicateKey) is { } w => w.Message,
        MongoCommandException command when DuplicateKeyCodes.Contains(command.Code) => command.ErrorMessage ?? command.Message,
        _ => null,
    };

    /// <summary>
    /// The index named by an E11000 message ("... index: oneSeatPerEmail dup key: ..."); "_id_" is the id.
    /// Falls back to the keyPattern servers 4.4+ attach.
    /// </summary>
    private static string IndexName(string message, Exception error)
    {
        var name = IndexInMessage().Match(message) is { Success: true } match ? match.Groups[1].Value : null;
        if (name is null && KeyPattern(error) is { } keyPattern)
        {
            name = keyPattern.Names.SequenceEqual(["_id"]) ? "_id_" : string.Join("_", keyPattern.Names);
        }

        return name is null or "_id_" ? DuplicateKeyException.IdIndexName : name;
    }

    private static BsonDocument? KeyPattern(Exception error) => error switch
    {
        MongoWriteException { WriteError.Details: { } d } => d.GetValue("keyPattern", BsonNull.Value) as BsonDocument,
        MongoCommandException { Result: { } r } => r.GetValue("keyPattern", BsonNull.Value) as BsonDocument,
        _ => null,
    };

    [GeneratedRegex(@"index: (\S+) dup key")]
    private static partial Regex IndexInMessage();
}
