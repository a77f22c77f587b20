using System.Globalization;
using CapacityHub.Gateway.Localisation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapacityHub.Gateway.Tests.Localisation;

/// <summary>The gateway's own resource-backed localizer, as the web app builds it, for tests of text helpers.</summary>
public static class InterfaceText
{
    public static IStringLocalizer<UiText> Localizer { get; } = new StringLocalizer<UiText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    /// <summary>Runs <paramref name="read"/> with the interface in the given language, as a request in that language would.</summary>
    public static T In<T>(string culture, Func<T> read)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }
}
