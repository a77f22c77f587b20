using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CapacityHub.Gateway.Rest.OpenApi;

/// <summary>
/// Grpc.Swagger writes a resource-name variable as one path parameter ("/api/v1/{name}" for
/// "/api/v1/{name=programmes/*}"), which makes every Get of every resource the same OpenAPI path. This
/// spells the annotation's pattern out instead ("/api/v1/programmes/{programme}", one parameter per
/// wildcard, named after its collection), as AIP-127 readers expect; the route itself is unchanged.
/// </summary>
public sealed partial class AnnotatedPaths : IApiDescriptionProvider
{
    // After Grpc.Swagger's provider (order -900), before Swashbuckle reads the descriptions.
    public int Order => 100;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        foreach (var api in context.Results)
        {
            if (api.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault() is not { } rpc)
            {
                continue;
            }

            var pattern = PatternOf(rpc.HttpRule);
            foreach (Match variable in Variable().Matches(pattern))
            {
                var field = variable.Groups[1].Value;
                var segments = variable.Groups[2].Value.Split('/');
                var names = new List<string>();
                for (var i = 0; i < segments.Length; i++)
                {
                    if (segments[i] == "*")
                    {
                        var parameter = Singular(segments[i - 1]);
                        names.Add(parameter);
                        segments[i] = "{" + parameter + "}";
                    }
                }

                pattern = pattern.Replace(variable.Value, string.Join('/', segments), StringComparison.Ordinal);
                var existing = api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Path && p.Name == field);
                if (existing is not null)
                {
                    api.ParameterDescriptions.Remove(existing);
                }

                foreach (var name in names)
                {
                    api.ParameterDescriptions.Add(new ApiParameterDescription
                    {
                        Name = name,
                        Source = BindingSource.Path,
                        Type = typeof(string),
                        IsRequired = true,
                        ModelMetadata = existing?.ModelMetadata!,
                    });
                }
            }

            api.RelativePath = pattern.TrimStart('/');
        }
    }

    private static string PatternOf(Google.Api.HttpRule rule) =>
        rule.Get is { Length: > 0 } get ? get
        : rule.Post is { Length: > 0 } post ? post
        : rule.Patch is { Length: > 0 } patch ? patch
        : rule.Delete is { Length: > 0 } delete ? delete
        : rule.Put;

    private static string Singular(string collection) => collection.EndsWith('s') ? collection[..^1] : collection;

    [GeneratedRegex(@"\{([a-z_.]+)=([^}]+)\}")]
    private static partial Regex Variable();
}
