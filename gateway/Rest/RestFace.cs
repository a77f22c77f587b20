using CapacityHub.Gateway.Forwarding;
using CapacityHub.Gateway.Rest.OpenApi;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi.Models;
using Scalar.AspNetCore;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// REST/JSON under /api/v1, derived from the protos' google.api.http annotations by gRPC JSON transcoding
/// on the gateway's forwarded services (<see cref="ForwardingEndpoints"/>): the transcoder owns routing,
/// binding and the JSON mapping; <see cref="TranscodedCallForwarder"/> authorises and forwards each call;
/// <see cref="RestResponses"/> keeps the one error shape. OpenAPI comes from the same annotations.
/// </summary>
public static class RestFace
{
    public const string OpenApiPath = "/openapi/v1.json";

    public static WebApplicationBuilder AddRestFace(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TranscodedCallForwarder>();
        builder.Services.AddGrpc(options => options.Interceptors.Add<RestErrorRecorder>())
            .AddJsonTranscoding(options =>
            {
                options.JsonSettings.WriteIndented = false;
                // The error details the services send (RestResponses writes them in the AIP-193 shape).
                options.TypeRegistry = TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor, Google.Rpc.ErrorInfo.Descriptor, Google.Rpc.RetryInfo.Descriptor);
            });
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddGrpcSwagger();
        builder.Services.TryAddEnumerable(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Transient<IApiDescriptionProvider, AnnotatedPaths>());
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CapacityHub API",
                Version = "v1",
                Description = "REST/JSON of every CapacityHub RPC, derived from the protos' google.api.http annotations. " +
                    "Errors: {\"error\": {\"code\", \"status\", \"message\", \"details\"}} (AIP-193).",
            });
            // Only the API: not the web pages, the demo sign-in or the gRPC paths.
            options.DocInclusionPredicate((_, api) => api.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
            options.AddSecurityDefinition(ApiDocumentFilter.Bearer, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A CapacityHub user's token (the local run's demo sign-in issues one).",
            });
            options.DocumentFilter<ApiDocumentFilter>();
        });
        return builder;
    }

    public static WebApplication MapRestFace(this WebApplication app)
    {
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", options => options
            .WithTitle("CapacityHub API")
            .WithOpenApiRoutePattern(OpenApiPath));
        return app;
    }
}
