using System.Text;
using CapacityHub.Gateway.Web.Shell;
using static CapacityHub.Gateway.Web.Shell.FormFields;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>The funder's impact dashboard: filters, figures and charts, export links, and live updates.</summary>
public static class ImpactDashboardPage
{
    public static async Task<IResult> RenderAsync(WebRequest request)
    {
        var filters = ImpactFilters.From(request);
        var funded = await FunderDashboardData.FundedAsync(request);
        var figures = await FunderDashboardData.LoadAsync(request, filters);
        var years = Enumerable.Range(DateTime.UtcNow.Year - 8, 10).Reverse().Select(y => (y.ToString(System.Globalization.CultureInfo.InvariantCulture), y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var html = new StringBuilder()
            .Append($"<p class=\"lead\">The programmes {E(request.Caller.DisplayName)} funds: {funded.Count} programme(s). Figures are computed by the Trainings service from participant records; you never see personal data.</p>")
            .Append("<form class=\"filters\" method=\"get\" action=\"/funder/impact\" aria-label=\"Filters\">")
            .Append(Select("programme", "Programme", funded.Select(p => (Formats.Id(p.Name), $"{p.Code} — {p.Title}")).Prepend(("", "All funded programmes")), filters.Programme, FormErrors.None))
            .Append(Input("country", "Participants from", filters.Country, FormErrors.None, hint: "ISO code, e.g. TH"))
            .Append(Select("year", "Year", years.Prepend(("", "All years")), filters.Year == 0 ? "" : filters.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), FormErrors.None))
            .Append("<button type=\"submit\">Apply filters</button></form>")
            .Append($"<p class=\"actions\"><a class=\"button secondary\" href=\"/funder/impact.csv?{filters.QueryString}\" download>Export these figures (CSV)</a>")
            .Append(Join(funded, p => $" <a class=\"button secondary\" href=\"/api/v1/programmes/{E(Formats.Id(p.Name))}:exportIati\" download>IATI activity XML: {E(p.Code)}</a>"))
            .Append("</p>")
            .Append("<p class=\"live\" id=\"live-status\" role=\"status\" aria-live=\"polite\">Live updates start when the page has loaded.</p>")
            .Append($"<section id=\"dashboard-figures\" aria-label=\"Impact figures\" data-live-source=\"/funder/impact/stream?{filters.QueryString}\" data-live-status=\"live-status\">")
            .Append(ImpactDashboardView.Render(figures))
            .Append("</section>");
        return PageLayout.Render(request, "Impact dashboard", html.ToString());
    }
}
