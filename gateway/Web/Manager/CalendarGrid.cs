using NodaTime;

namespace CapacityHub.Gateway.Web.Manager;

public enum CalendarView
{
    Month,
    Week,
}

/// <summary>
/// The dates a calendar shows around a chosen day: a month as whole Monday-to-Sunday weeks, or the one
/// week containing the day, and on which of those dates each session day falls for the viewer. Kept
/// apart from the page so the arithmetic (leading days, a start that crosses midnight in the viewer's
/// zone) is tested without rendering anything.
/// </summary>
public sealed class CalendarGrid
{
    private CalendarGrid(CalendarView view, LocalDate first, LocalDate last, IReadOnlyList<IReadOnlyList<LocalDate>> weeks)
    {
        View = view;
        First = first;
        Last = last;
        Weeks = weeks;
    }

    public CalendarView View { get; }

    /// <summary>The first day of the period shown: the 1st of the month, or the Monday of the week.</summary>
    public LocalDate First { get; }

    /// <summary>The last day of the period shown: the month's last day, or the Sunday of the week.</summary>
    public LocalDate Last { get; }

    /// <summary>The grid's rows, Monday first; a month's first and last rows carry the neighbouring months' days.</summary>
    public IReadOnlyList<IReadOnlyList<LocalDate>> Weeks { get; }

    /// <summary>A day of the previous period (month or week), for the "previous" link.</summary>
    public LocalDate Previous => View == CalendarView.Month ? First.PlusMonths(-1) : First.PlusWeeks(-1);

    /// <summary>A day of the next period, for the "next" link.</summary>
    public LocalDate Next => View == CalendarView.Month ? First.PlusMonths(1) : First.PlusWeeks(1);

    public static CalendarGrid For(CalendarView view, LocalDate date)
    {
        if (view == CalendarView.Week)
        {
            var monday = WeekStart(date);
            return new CalendarGrid(view, monday, monday.PlusDays(6), [WeekFrom(monday)]);
        }

        var first = date.With(DateAdjusters.StartOfMonth);
        var last = date.With(DateAdjusters.EndOfMonth);
        var weeks = new List<IReadOnlyList<LocalDate>>();
        for (var monday = WeekStart(first); monday <= last; monday = monday.PlusWeeks(1))
        {
            weeks.Add(WeekFrom(monday));
        }

        return new CalendarGrid(view, first, last, weeks);
    }

    /// <summary>The Monday on or before the date (ISO weeks, as calendars in the programme's region mostly print them).</summary>
    public static LocalDate WeekStart(LocalDate date) => date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    /// <summary>Days of neighbouring months shown to complete a row are not part of the period.</summary>
    public bool InPeriod(LocalDate date) => date >= First && date <= Last;

    /// <summary>
    /// The items that start within the period on the viewer's calendar, by the viewer's date, each date's
    /// items in start order: a Bangkok morning is the evening before for a viewer in Los Angeles.
    /// </summary>
    public ILookup<LocalDate, T> ByViewerDate<T>(IEnumerable<T> items, Func<T, Instant> start, DateTimeZone viewer) =>
        items.Select(item => (Item: item, Start: start(item), Date: start(item).InZone(viewer).Date))
            .Where(x => InPeriod(x.Date))
            .OrderBy(x => x.Start)
            .ToLookup(x => x.Date, x => x.Item);

    private static IReadOnlyList<LocalDate> WeekFrom(LocalDate monday) => Enumerable.Range(0, 7).Select(monday.PlusDays).ToList();
}
