using System.Text.Json.Nodes;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// Builds the RPC request of a REST call: the JSON body (protobuf JSON mapping) into the route's body
/// field, the query string into request fields (GET/DELETE: "pageSize=10&amp;statuses=NOMINATION_STATUS_BOOKED",
/// nested fields with dots: "period.startDate.year=2026"), and the resource name from the route values,
/// which wins over any name in the body.
/// </summary>
public static class RestRequestReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<IMessage> ReadAsync(RestRoute route, HttpRequest request, CancellationToken cancellationToken)
    {
        var message = route.Request.Parser.ParseFrom(ByteString.Empty);
        if (route.Body is not null)
        {
            var json = await ReadBodyAsync(request, cancellationToken);
            if (json.Length > 0)
            {
                try
                {
                    if (route.Body == "*")
                    {
                        message = (IMessage)ProtoJson.Parser.Parse(json, route.Request);
                    }
                    else
                    {
                        var field = route.Request.FindFieldByName(route.Body);
                        field.Accessor.SetValue(message, ProtoJson.Parser.Parse(json, field.MessageType));
                    }
                }
                catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
                {
                    throw RpcException.InvalidArgument($"The request body is not valid JSON for {route.Request.FullName}: {e.Message}", new FieldViolation("body", e.Message));
                }
            }
        }

        MergeQuery(message, route.Request, request.Query);
        if (route.NameField is not null && route.NameFrom(request.RouteValues) is { } name)
        {
            SetPath(message, route.NameField, name);
        }

        return message;
    }

    /// <summary>The query string as a JSON object shaped like the request, parsed by the protobuf JSON parser so every type rule applies.</summary>
    private static void MergeQuery(IMessage message, MessageDescriptor descriptor, IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return;
        }

        var root = new JsonObject();
        var violations = new List<FieldViolation>();
        foreach (var (key, values) in query)
        {
            if (key.StartsWith('$') || key == "access_token")
            {
                continue;
            }

            var parts = key.Split('.');
            var node = root;
            var type = descriptor;
            FieldDescriptor? field = null;
            for (var i = 0; i < parts.Length; i++)
            {
                field = Find(type, parts[i]);
                if (field is null)
                {
                    break;
                }

                if (i < parts.Length - 1)
                {
                    if (field.FieldType != FieldType.Message || field.IsRepeated)
                    {
                        field = null;
                        break;
                    }

                    node = node[field.JsonName] as JsonObject ?? (JsonObject)(node[field.JsonName] = new JsonObject());
                    type = field.MessageType;
                }
            }

            if (field is null || (field.FieldType == FieldType.Message && !IsWrapperLike(field)))
            {
                violations.Add(new FieldViolation(key, $"is not a query parameter of {descriptor.Name}"));
                continue;
            }

            node[field.JsonName] = field.IsRepeated
                ? new JsonArray([.. values.Select(v => Scalar(field, v ?? ""))])
                : Scalar(field, values.ToString());
        }

        if (violations.Count > 0)
        {
            throw RpcException.InvalidArgument("Invalid query string.", [.. violations]);
        }

        try
        {
            message.MergeFrom(((IMessage)ProtoJson.Parser.Parse(root.ToJsonString(), descriptor)).ToByteString());
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw RpcException.InvalidArgument($"Invalid query string: {e.Message}", new FieldViolation("query", e.Message));
        }
    }

    private static bool IsWrapperLike(FieldDescriptor field) => field.MessageType.FullName is "google.protobuf.FieldMask" or "google.protobuf.Timestamp";

    private static JsonNode? Scalar(FieldDescriptor field, string value) => field.FieldType switch
    {
        FieldType.Bool => bool.TryParse(value, out var b) ? JsonValue.Create(b) : JsonValue.Create(value),
        _ => JsonValue.Create(value),
    };

    private static FieldDescriptor? Find(MessageDescriptor type, string name) =>
        type.FindFieldByName(name) ?? type.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name);

    /// <summary>Sets a string field at a dotted path ("programme.name"), creating the messages on the way.</summary>
    private static void SetPath(IMessage message, string path, string value)
    {
        var parts = path.Split('.');
        var current = message;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var field = current.Descriptor.FindFieldByName(parts[i]);
            var child = (IMessage?)field.Accessor.GetValue(current);
            if (child is null)
            {
                child = field.MessageType.Parser.ParseFrom(ByteString.Empty);
                field.Accessor.SetValue(current, child);
            }

            current = child;
        }

        current.Descriptor.FindFieldByName(parts[^1]).Accessor.SetValue(current, value);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"The request body is larger than {MaxBodyBytes} bytes."));
        }

        // Bodies without a Content-Length (chunked) are counted as they arrive.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"The request body is larger than {MaxBodyBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).Trim();
    }
}
