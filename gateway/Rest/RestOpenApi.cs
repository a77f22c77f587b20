using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// The REST face in the OpenAPI document (/openapi/v1.json): one operation per route, named after the RPC
/// it maps to, with request and response schemas derived from the protobuf descriptors in the JSON
/// mapping (lowerCamelCase names, enums as names, 64-bit integers as strings, Timestamp as date-time).
/// The routes are RequestDelegate endpoints, which ASP.NET's own API description does not see.
/// </summary>
public sealed partial class RestOpenApi : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CapacityHub REST API";
        document.Info.Description = "The REST/JSON face of the CapacityHub gateway: every RPC of the Programmes, Partners and Trainings "
            + "services and the impact dashboard, in the protobuf JSON mapping. Authenticate with 'Authorization: Bearer <token>'. "
            + "Errors follow AIP-193 ({\"error\": {code, status, message, details}}). Lists answer CSV with 'Accept: text/csv' or '$alt=csv'.";
        document.Paths ??= [];
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = new SchemaSet(document);
        foreach (var route in RestRoutes.All)
        {
            var operation = Operation(route.OperationId, $"{route.RpcMethod}", route.Template);
            if (route.Body is not null)
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = false,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schemas.Of(route.Body == "*" ? route.Request : route.Request.FindFieldByName(route.Body).MessageType) } },
                };
            }
            else if (route.Verb is "GET" or "DELETE")
            {
                foreach (var field in route.Request.Fields.InDeclarationOrder().Where(f => f.Name != route.NameField && (f.FieldType != FieldType.Message)))
                {
                    operation.Parameters!.Add(new OpenApiParameter { Name = field.JsonName, In = ParameterLocation.Query, Schema = schemas.Field(field) });
                }
            }

            operation.Responses!["200"] = new OpenApiResponse
            {
                Description = route.Response.Name,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schemas.Of(route.Response) } },
            };
            Add(document, route.Template, route.Verb, operation);
        }

        foreach (var (template, id, summary, contentType) in Extras)
        {
            var operation = Operation(id, summary, template);
            if (template.EndsWith(":import", StringComparison.Ordinal))
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
                };
            }

            operation.Responses!["200"] = new OpenApiResponse
            {
                Description = summary,
                Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = new OpenApiSchema { Type = contentType == "application/json" ? JsonSchemaType.Object : JsonSchemaType.String } } },
            };
            Add(document, template, template.EndsWith(":import", StringComparison.Ordinal) ? "POST" : "GET", operation);
        }

        return Task.CompletedTask;
    }

    private static readonly (string Template, string Id, string Summary, string ContentType)[] Extras =
    [
        ("/api/v1/trainings/{training}/nominations:import", "ImportNominations", "CSV nominations: every row checked first, per-row errors, nothing applied when any row is bad", "application/json"),
        ("/api/v1/trainings/{training}/attendance:import", "ImportAttendance", "CSV attendance (one transactional BatchRecordAttendance)", "application/json"),
        ("/api/v1/trainings/{training}/assessments:import", "ImportAssessments", "CSV assessment scores (one transactional BatchRecordAssessments)", "application/json"),
        ("/api/v1/programmes/{programme}:exportIati", "ExportIatiActivity", "IATI 2.03 activity XML with results computed from the impact metrics", "application/xml"),
        ("/api/v1/trainings/{training}:exportCalendar", "ExportTrainingCalendar", "iCalendar (RFC 5545) of the training's session days", "text/calendar"),
    ];

    private static OpenApiOperation Operation(string id, string summary, string template)
    {
        var operation = new OpenApiOperation { OperationId = id, Summary = summary, Parameters = [], Responses = [] };
        foreach (Match parameter in RouteParameter().Matches(template))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Groups[1].Value,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        operation.Responses["default"] = new OpenApiResponse { Description = "AIP-193 error: {\"error\": {\"code\", \"status\", \"message\", \"details\"}}" };
        return operation;
    }

    private static void Add(OpenApiDocument document, string template, string verb, OpenApiOperation operation)
    {
        if (!document.Paths.TryGetValue(template, out var item) || item is not OpenApiPathItem path)
        {
            path = new OpenApiPathItem();
            document.Paths[template] = path;
        }

        path.AddOperation(new HttpMethod(verb), operation);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex RouteParameter();

    /// <summary>Component schemas, one per message type, added as they are first referenced.</summary>
    private sealed class SchemaSet(OpenApiDocument document)
    {
        public IOpenApiSchema Of(MessageDescriptor message)
        {
            switch (message.FullName)
            {
                case "google.protobuf.Timestamp":
                    return new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" };
                case "google.protobuf.FieldMask":
                    return new OpenApiSchema { Type = JsonSchemaType.String, Description = "comma-separated field paths" };
                case "google.protobuf.Empty":
                case "google.protobuf.Any":
                    return new OpenApiSchema { Type = JsonSchemaType.Object };
            }

            var schemas = document.Components!.Schemas!;
            if (!schemas.ContainsKey(message.FullName))
            {
                var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>() };
                schemas[message.FullName] = schema;
                foreach (var field in message.Fields.InDeclarationOrder())
                {
                    schema.Properties[field.JsonName] = Field(field);
                }
            }

            return new OpenApiSchemaReference(message.FullName, document);
        }

        public IOpenApiSchema Field(FieldDescriptor field)
        {
            if (field.IsMap)
            {
                return new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Single(field.MessageType.FindFieldByNumber(2)) };
            }

            var single = Single(field);
            return field.IsRepeated ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = single } : single;
        }

        private IOpenApiSchema Single(FieldDescriptor field) => field.FieldType switch
        {
            FieldType.String => new OpenApiSchema { Type = JsonSchemaType.String },
            FieldType.Bytes => new OpenApiSchema { Type = JsonSchemaType.String, Format = "byte" },
            FieldType.Bool => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            FieldType.Double or FieldType.Float => new OpenApiSchema { Type = JsonSchemaType.Number, Format = field.FieldType == FieldType.Double ? "double" : "float" },
            FieldType.Int64 or FieldType.UInt64 or FieldType.SInt64 or FieldType.Fixed64 or FieldType.SFixed64 => new OpenApiSchema { Type = JsonSchemaType.String, Format = "int64" },
            FieldType.Enum => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name))],
            },
            FieldType.Message or FieldType.Group => Of(field.MessageType),
            _ => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        };
    }
}
