namespace CapacityHub.Gateway.Localisation;

/// <summary>
/// The web app's interface text: inject <c>IStringLocalizer&lt;UiText&gt;</c> and ask for the English text; the
/// Japanese and Thai come from Resources/Localisation/UiText.{ja,th}.resx, and English is the key itself.
/// </summary>
public sealed class UiText;
