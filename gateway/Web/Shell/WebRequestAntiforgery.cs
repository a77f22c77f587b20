using Microsoft.AspNetCore.Antiforgery;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>The anti-forgery field for pages shown before anyone is signed in (the sign-in form itself).</summary>
public sealed class WebRequestAntiforgery(HttpContext http)
{
    public string Field
    {
        get
        {
            var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
            return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
        }
    }
}
