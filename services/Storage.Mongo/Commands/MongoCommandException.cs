using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Commands;

/// <summary>The server answered a command with ok: 0 (or a write/write-concern error); carries what it said.</summary>
public sealed class MongoCommandException : Exception
{
    public MongoCommandException(string message, int code, string? codeName, IReadOnlyList<string> errorLabels, BsonDocument reply)
        : base(message)
    {
        Code = code;
        CodeName = codeName;
        ErrorLabels = errorLabels;
        Reply = reply;
    }

    public MongoCommandException()
    {
        ErrorLabels = [];
        Reply = [];
    }

    public MongoCommandException(string message)
        : base(message)
    {
        ErrorLabels = [];
        Reply = [];
    }

    public MongoCommandException(string message, Exception inner)
        : base(message, inner)
    {
        ErrorLabels = [];
        Reply = [];
    }

    public int Code { get; }

    public string? CodeName { get; }

    public IReadOnlyList<string> ErrorLabels { get; }

    public BsonDocument Reply { get; }

    public bool HasLabel(string label) => ErrorLabels.Contains(label);

    /// <summary>Turns a reply into an exception if it reports failure: ok 0, writeErrors, or a writeConcernError.</summary>
    public static MongoCommandException? FromReply(BsonDocument reply)
    {
        var labels = reply.TryGetValue("errorLabels", out var l) && l.IsBsonArray ? l.AsBsonArray.Select(v => v.AsString).ToList() : [];
        if (!reply.TryGetValue("ok", out var ok) || !ok.ToBoolean())
        {
            return new MongoCommandException(
                $"Command failed: {reply.GetValue("errmsg", "no message")} (code {reply.GetValue("code", 0)}, {reply.GetValue("codeName", "no code name")})",
                reply.GetValue("code", 0).ToInt32(),
                reply.TryGetValue("codeName", out var name) ? name.AsString : null,
                labels,
                reply);
        }

        if (reply.TryGetValue("writeErrors", out var writeErrors) && writeErrors.AsBsonArray.Count > 0)
        {
            var first = writeErrors[0].AsBsonDocument;
            return new MongoCommandException($"Write error at index {first.GetValue("index", 0)}: {first.GetValue("errmsg", "")} (code {first.GetValue("code", 0)})", first.GetValue("code", 0).ToInt32(), first.TryGetValue("codeName", out var n) ? n.AsString : null, labels, reply);
        }

        if (reply.TryGetValue("writeConcernError", out var wce))
        {
            var error = wce.AsBsonDocument;
            var wceLabels = labels.Concat(error.TryGetValue("errorLabels", out var el) ? el.AsBsonArray.Select(v => v.AsString) : []).ToList();
            return new MongoCommandException($"Write concern error: {error.GetValue("errmsg", "")} (code {error.GetValue("code", 0)})", error.GetValue("code", 0).ToInt32(), error.TryGetValue("codeName", out var n) ? n.AsString : null, wceLabels, reply);
        }

        return null;
    }
}
