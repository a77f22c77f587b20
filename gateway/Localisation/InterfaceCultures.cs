using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CapacityHub.Gateway.Localisation;

/// <summary>
/// The languages the web app speaks: English, Japanese and Thai, the languages of the people who use it most.
/// A choice made with the switcher (a cookie) wins over the browser's Accept-Language; anything else is English.
/// The API keeps one language: its messages are for programs and the engineers who write them.
/// </summary>
public static class InterfaceCultures
{
    public const string Default = "en";

    public static IReadOnlyList<CultureInfo> Supported { get; } = [new("en"), new("ja"), new("th")];

    public static bool IsSupported(string? name) =>
        name is not null && Supported.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Each language named in itself, so a reader finds theirs whatever the page is in.</summary>
    public static string NativeName(CultureInfo culture) => culture.Name switch
    {
        "ja" => "日本語",
        "th" => "ไทย",
        _ => "English",
    };

    public static IServiceCollection AddInterfaceLocalisation(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Default);
            options.SupportedCultures = [.. Supported];
            options.SupportedUICultures = [.. Supported];
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// Pages take the reader's language; the REST and gRPC faces, exports included, stay culture-invariant so
    /// that a CSV or a date in JSON reads the same for every caller (no Buddhist-era years in a Thai export).
    /// </summary>
    public static IApplicationBuilder UseInterfaceLocalisation(this IApplicationBuilder app) =>
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api")
                && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true,
            branch => branch.UseRequestLocalization());
}
