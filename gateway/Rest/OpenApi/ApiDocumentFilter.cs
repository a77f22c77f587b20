using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CapacityHub.Gateway.Rest.OpenApi;

/// <summary>Every operation needs the bearer scheme and may fail with the REST face's one error body.</summary>
public sealed class ApiDocumentFilter : IDocumentFilter
{
    public const string Bearer = "bearer";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var scheme = new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = Bearer } };
        swaggerDoc.SecurityRequirements = [new OpenApiSecurityRequirement { [scheme] = [] }];
        foreach (var operation in swaggerDoc.Paths.Values.SelectMany(p => p.Operations.Values))
        {
            operation.Responses.TryAdd("default", new OpenApiResponse
            {
                Description = "Error: {\"error\": {\"code\": <HTTP status>, \"status\": \"<google.rpc.Code name>\", \"message\": \"...\", \"details\": [google.rpc.BadRequest with fieldViolations, ...]}}",
            });
        }
    }
}
