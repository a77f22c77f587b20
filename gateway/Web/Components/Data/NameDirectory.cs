using System.Globalization;
using CapacityHub.Gateway.Backends;
using CapacityHub.Partners.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Web.Components.Data;

/// <summary>
/// Display names for the ids pages would otherwise show, looked up once per request in batches
/// (one Partners call for every organisation a page mentions) and kept for the rest of the request.
/// </summary>
public sealed class NameDirectory(ServiceBackends services)
{
    private readonly Dictionary<string, string> organisations = new(StringComparer.Ordinal);

    /// <summary>Looks up every organisation not asked for yet; afterwards <see cref="Organisation"/> answers from memory.</summary>
    public async Task LoadOrganisationsAsync(IEnumerable<string> names, CancellationToken cancellation)
    {
        var missing = names.Where(n => n.Length > 0 && !organisations.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in missing.Chunk(1000))
        {
            var request = new BatchGetOrganisationsRequest { AllowMissing = true };
            request.Names.AddRange(chunk);
            try
            {
                var found = await services.PartnerClient.BatchGetOrganisationsAsync(request, new CallOptions(cancellationToken: cancellation));
                foreach (var organisation in found.Organisations)
                {
                    organisations[organisation.Name] = organisation.DisplayName;
                }
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound)
            {
                // A caller who may not read an organisation still sees its id rather than losing the page.
            }
        }
    }

    public bool Knows(string name) => organisations.ContainsKey(name);

    /// <summary>The organisation's display name, or its id when it could not be found.</summary>
    public string Organisation(string name) =>
        organisations.TryGetValue(name, out var display) && display.Length > 0 ? display : Shell.Formats.Id(name);

    /// <summary>"Thailand" for "TH", in the reader's language ("タイ", "ไทย"); the code itself when the platform does not know it.</summary>
    public static string Country(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "";
        }

        if (code.Trim().Length != 2)
        {
            return code;
        }

        try
        {
            var region = new RegionInfo(code.Trim());
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            if (language is "en" or "iv")
            {
                return region.EnglishName;
            }

            // A region's native name is written in the language of the culture it was made from, so "ja-TH" names
            // Thailand in Japanese; ICU has these names for every language the app speaks.
            return new RegionInfo($"{language}-{region.TwoLetterISORegionName}").NativeName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
