using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Storage;
using Google.Protobuf;

namespace CapacityHub.Partners.Storage;

/// <summary>Resources kept as proto JSON so that every API field survives storage; the etag comes from the version.</summary>
internal static class ProtoDocuments
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static string Write<T>(T message, Action<T> clearEtag)
        where T : IMessage<T>
    {
        var copy = message.Clone();
        clearEtag(copy);
        return Formatter.Format(copy);
    }

    public static T Read<T>(string json, long version, Action<T, string> setEtag)
        where T : IMessage<T>, new()
    {
        var message = Parser.Parse<T>(json);
        setEtag(message, StoreFailures.Etag(version));
        return message;
    }
}
