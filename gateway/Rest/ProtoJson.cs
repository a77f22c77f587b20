using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CapacityHub.Gateway.Rest;

/// <summary>The protobuf JSON mapping the REST face speaks: lowerCamelCase names, enums by name, unknown fields rejected.</summary>
public static class ProtoJson
{
    public static JsonFormatter Formatter { get; } = new(JsonFormatter.Settings.Default
        .WithTypeRegistry(TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor, Google.Rpc.ErrorInfo.Descriptor)));

    public static JsonParser Parser { get; } = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
}
