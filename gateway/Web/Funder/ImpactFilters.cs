using System.Globalization;
using CapacityHub.Common.V1;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Gateway.V1;
using CapacityHub.ServiceDefaults.Validation;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>The dashboard's filters (one programme, a participants' country, a calendar year) as read from the query string.</summary>
public sealed record ImpactFilters(string Programme, string Country, int Year)
{
    /// <summary>The filters of the query string; a value that names nothing is a 400 naming the parameter.</summary>
    public static ImpactFilters From(WebRequest request)
    {
        var programme = request.Query("programme").Trim();
        if (programme.Length > 0 && (programme.Length > 64 || !programme.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new BadQueryParameterException("programme", "is not a programme id");
        }

        var country = request.Query("country").Trim().ToUpperInvariant();
        if (country.Length > 0 && !CountryCodes.IsAssigned(country))
        {
            throw new BadQueryParameterException("country", $"is not an ISO 3166-1 alpha-2 country code (\"{country}\"; e.g. TH)");
        }

        var yearText = request.Query("year").Trim();
        var year = 0;
        if (yearText.Length > 0 && !(int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is > 1900 and < 3000))
        {
            throw new BadQueryParameterException("year", $"is not a calendar year (\"{yearText}\")");
        }

        return new(programme, country, year);
    }

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
