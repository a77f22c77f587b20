using CapacityHub.Gateway.Localisation;
using CapacityHub.Trainings.V1;
using Microsoft.Extensions.Localization;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>A participant's completion as the partner's lists word it: days attended of days scheduled, and whether completed.</summary>
public static class CompletionText
{
    public static string Of(Nomination n, IStringLocalizer<UiText> l) => n.Learning?.Completion is { } c
        ? (c.Completed ? l["{0}/{1} days, completed", c.DaysAttended, c.DaysScheduled] : l["{0}/{1} days", c.DaysAttended, c.DaysScheduled]).Value
        : "–";
}
