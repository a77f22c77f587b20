using System.Text.Json.Nodes;
using CapacityHub.ServiceDefaults.Errors;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// Holds a REST call to the strict protobuf JSON mapping before JSON transcoding binds it, so that bad
/// input gets a message naming the field: the transcoder skips unknown JSON fields and unknown query
/// parameters silently and reports every malformed body as "not correctly formatted". Checks only; the
/// transcoder still builds the request from the annotation.
/// </summary>
public static class RestRequestCheck
{
    /// <summary>The body against the message its annotation binds ("*": the whole request, else one field's message).</summary>
    public static void Body(string json, MethodDescriptor method, HttpRule rule)
    {
        var target = rule.Body == "*" ? method.InputType : method.InputType.FindFieldByName(rule.Body)?.MessageType;
        if (target is null || json.Length == 0)
        {
            return;
        }

        try
        {
            ProtoJson.Parser.Parse(json, target);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw RpcException.InvalidArgument($"The request body is not valid JSON for {target.FullName}: {e.Message}", new FieldViolation("body", e.Message));
        }
    }

    /// <summary>
    /// Every query parameter names a request field that is neither in the path nor in the body
    /// ("pageSize=10", nested with dots: "period.startDate.year=2026"), and its value parses as that field.
    /// </summary>
    public static void Query(IQueryCollection query, MethodDescriptor method, HttpRule rule)
    {
        var descriptor = method.InputType;
        var root = new JsonObject();
        var violations = new List<FieldViolation>();
        foreach (var (key, values) in query)
        {
            // "$alt" is the gateway's own (CSV); access_token is never read but tools add it.
            if (key.StartsWith('$') || key == "access_token")
            {
                continue;
            }

            if (rule.Body == "*")
            {
                violations.Add(new FieldViolation(key, $"is not a query parameter: {method.Name} takes its fields in the JSON body"));
                continue;
            }

            var field = Resolve(descriptor, key, root, out var node);
            if (field is null || (field.FieldType == FieldType.Message && !IsScalarLike(field)) || field.Name == rule.Body)
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
            ProtoJson.Parser.Parse(root.ToJsonString(), descriptor);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw RpcException.InvalidArgument($"Invalid query string: {e.Message}", new FieldViolation("query", e.Message));
        }
    }

    private static FieldDescriptor? Resolve(MessageDescriptor type, string path, JsonObject root, out JsonObject node)
    {
        node = root;
        var parts = path.Split('.');
        FieldDescriptor? field = null;
        for (var i = 0; i < parts.Length; i++)
        {
            field = type.FindFieldByName(parts[i]) ?? type.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == parts[i]);
            if (field is null || i == parts.Length - 1)
            {
                break;
            }

            if (field.FieldType != FieldType.Message || field.IsRepeated)
            {
                return null;
            }

            node = node[field.JsonName] as JsonObject ?? (JsonObject)(node[field.JsonName] = new JsonObject());
            type = field.MessageType;
        }

        return field;
    }

    private static bool IsScalarLike(FieldDescriptor field) =>
        field.MessageType.FullName is "google.protobuf.FieldMask" or "google.protobuf.Timestamp" or "google.protobuf.Duration";

    private static JsonNode? Scalar(FieldDescriptor field, string value) => field.FieldType switch
    {
        FieldType.Bool => bool.TryParse(value, out var b) ? JsonValue.Create(b) : JsonValue.Create(value),
        _ => JsonValue.Create(value),
    };
}
