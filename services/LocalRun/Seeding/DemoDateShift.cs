using System.Globalization;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>
/// Moves the demo file's current activity forward by whole weeks, from the file's as_of day to the day it is
/// seeded, so the demo stands to today as it stood to as_of: CYDER still takes nominations, the forensics course
/// has just happened, the half-year reports are in review. Whole weeks keep every session on its weekday and
/// its local times. Activity that had ended by as_of (the 2018 and 2019 Tokyo trainings) keeps its real dates.
/// </summary>
public sealed record DemoDateShift(DateOnly AsOf, int Weeks)
{
    /// <summary>The shift for seeding on <paramref name="today"/>; a day before as_of moves the data a week back, never forward.</summary>
    public static DemoDateShift Between(DateOnly asOf, DateOnly today) =>
        new(asOf, (int)Math.Floor((today.DayNumber - asOf.DayNumber) / 7.0));

    public static DemoDateShift For(DemoDataFile data, TimeProvider clock) =>
        Between(ProtoValues.Day(data.AsOf), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public int Days => Weeks * 7;

    public string Shift(string iso) =>
        ProtoValues.Day(iso).AddDays(Days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DemoPeriod Shift(DemoPeriod period) => new(Shift(period.Start), period.End is null ? null : Shift(period.End));

    /// <summary>Whether activity over <paramref name="period"/> was over by as_of, so it keeps its real dates.</summary>
    public bool EndedBeforeAsOf(DemoPeriod period) => period.End is not null && ProtoValues.Day(period.End) < AsOf;

    public DemoDataFile Apply(DemoDataFile data) => data with
    {
        Programmes = [.. data.Programmes.Select(Apply)],
        Agreements = [.. data.Agreements.Select(Apply)],
        OutcomeReports = EndedBeforeAsOf(data.Programmes.Single(p => p.Key == data.OutcomeReports.Programme).Planned)
            ? data.OutcomeReports
            : data.OutcomeReports with { Period = Shift(data.OutcomeReports.Period), Due = Shift(data.OutcomeReports.Due) },
    };

    private DemoProgramme Apply(DemoProgramme p) => EndedBeforeAsOf(p.Planned) ? p : p with
    {
        // The start stays: a programme running since 2018 really began then, and trainings only move later.
        Planned = p.Planned with { End = p.Planned.End is null ? null : Shift(p.Planned.End) },
        Budgets = [.. p.Budgets.Select(b => b with { Period = Shift(b.Period) })],
        Trainings = [.. p.Trainings.Select(Apply)],
    };

    private DemoTraining Apply(DemoTraining t) => t with
    {
        NominationsOpen = Shift(t.NominationsOpen),
        Deadline = Shift(t.Deadline),
        Days = [.. t.Days.Select(d => (IReadOnlyList<string>)[Shift(d[0]), .. d.Skip(1)])],
    };

    private DemoAgreement Apply(DemoAgreement a) => EndedBeforeAsOf(a.Term) ? a : a with
    {
        Signed = Shift(a.Signed),
        Term = Shift(a.Term),
    };
}
