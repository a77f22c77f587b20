using System.Globalization;
using System.Text;
using CapacityHub.Gateway.Web.Shell;
using NodaTime;
using static CapacityHub.Gateway.Web.Shell.Html;

namespace CapacityHub.Gateway.Web.Manager;

/// <summary>
/// Every session day of the manager's trainings, by month in the viewer's zone, each showing the venue's
/// local time next to the viewer's (a Tokyo morning is a Bangkok morning but a London night).
/// </summary>
public static class CalendarPage
{
    public static async Task<IResult> RenderAsync(WebRequest request)
    {
        var programmes = await ManagedProgrammes.ListAsync(request);
        var trainings = await ManagedProgrammes.TrainingsAsync(request, programmes.Select(p => p.Name));
        var days = trainings
            .SelectMany(t => t.SessionDays.Where(d => d.StartInstant is not null).Select(d => (Training: t, Day: d, Start: Formats.ToInstant(d.StartInstant))))
            .OrderBy(x => x.Start)
            .ToList();
        var html = new StringBuilder(SessionDayTimes.ZonePicker(request, "/manager/calendar"));
        if (days.Count == 0)
        {
            html.Append("<p>No session days are scheduled yet. <a href=\"/manager/schedule\">Schedule a training</a>.</p>");
        }

        foreach (var month in days.GroupBy(x => x.Start.InZone(request.Zone.Zone).Date.With(DateAdjusters.StartOfMonth)))
        {
            html.Append("<section class=\"month\" aria-labelledby=\"m-").Append(month.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Append("\">")
                .Append("<h2 id=\"m-").Append(month.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Append("\">")
                .Append(E(month.Key.ToString("MMMM yyyy", CultureInfo.InvariantCulture))).Append("</h2>");
            foreach (var (training, day, _) in month)
            {
                html.Append("<div class=\"day\"><a href=\"/manager/trainings/").Append(E(Formats.Id(training.Name))).Append("\"><strong>")
                    .Append(E(training.Title)).Append("</strong></a> <span class=\"status\">").Append(E(Words(training.Status))).Append("</span> ")
                    .Append(E(training.Venue?.City ?? "")).Append(SessionDayTimes.Render(day, training, request.Zone)).Append("</div>");
            }

            html.Append("</section>");
        }

        return PageLayout.Render(request, "Training calendar", html.ToString());
    }
}
