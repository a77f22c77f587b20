using System.Globalization;
using CapacityHub.Common.V1;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Gateway.V1;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>The dashboard's filters (one programme, a participants' country, a calendar year) as read from the query string.</summary>
public sealed record ImpactFilters(string Programme, string Country, int Year)
{
    public static ImpactFilters From(WebRequest request) => new(
        request.Query("programme"),
        request.Query("country").ToUpperInvariant(),
        int.TryParse(request.Query("year"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 3000 ? year : 0);

    /// <summary>The same filters for links (stream, export), already escaped.</summary>
    public string QueryString =>
        $"programme={Uri.EscapeDataString(Programme)}&country={Uri.EscapeDataString(Country)}&year={(Year == 0 ? "" : Year.ToString(CultureInfo.InvariantCulture))}";

    /// <summary>Funders always get the funder view: their own programmes, small cells suppressed by the service.</summary>
    public GetImpactDashboardRequest Request(string funder)
    {
        var request = new GetImpactDashboardRequest { Funder = funder, CountryCode = Country, FunderView = true };
        if (Programme.Length > 0)
        {
            request.Programmes.Add("programmes/" + Programme);
        }

        if (Year > 0)
        {
            request.Period = new DateRange { StartDate = new Date { Year = Year, Month = 1, Day = 1 }, EndDate = new Date { Year = Year, Month = 12, Day = 31 } };
        }

        return request;
    }
}
