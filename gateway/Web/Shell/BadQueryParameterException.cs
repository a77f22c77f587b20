namespace CapacityHub.Gateway.Web.Shell;

/// <summary>
/// A page was asked for with a query parameter it cannot honour (year=abc, tz=Not/AZone): answered 400
/// naming the parameter, never silently ignored, so nobody reads figures for a filter that was not applied.
/// </summary>
public sealed class BadQueryParameterException(string parameter, string problem)
    : Exception($"The query parameter \"{parameter}\" {problem}.")
{
    public string Parameter { get; } = parameter;
}
