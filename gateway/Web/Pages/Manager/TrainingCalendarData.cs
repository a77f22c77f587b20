using CapacityHub.Gateway.Web.Components.Data;
using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Trainings.V1;
using NodaTime;

namespace CapacityHub.Gateway.Web.Pages.Manager;

/// <summary>Loads the training calendar: the manager's session days that pass the filters, and the filter choices to offer.</summary>
public static class TrainingCalendarData
{
    public sealed record Session(Training Training, SessionDay Day, Instant Start);

    public sealed record Choices(IReadOnlyList<(string Id, string Title)> Programmes, IReadOnlyList<(string Code, string Name)> Countries, IReadOnlyList<(string Id, string Name)> Trainers);

    public sealed record Calendar(IReadOnlyList<Session> Sessions, Choices Choices);

    public static async Task<Calendar> LoadAsync(WebRequest request, CalendarQuery query)
    {
        var programmes = await ManagedProgrammes.ListAsync(request);
        var chosen = programmes.Where(p => query.Programme.Length == 0 || Formats.Id(p.Name) == query.Programme).ToList();
        if (chosen.Count == 0 && query.Programme.Length > 0)
        {
            throw new BadQueryParameterException("programme", $"names none of your programmes (\"{query.Programme}\")");
        }

        var trainings = await ManagedProgrammes.TrainingsAsync(request, chosen.Select(p => p.Name));
        var all = trainings
            .SelectMany(t => t.SessionDays.Where(d => d.StartInstant is not null).Select(d => new Session(t, d, Formats.ToInstant(d.StartInstant))))
            .ToList();

        // The chosen values stay offered even when nothing matches them, so the form shows what is applied.
        var countries = all.Select(s => s.Training.Venue?.CountryCode ?? "").Append(query.Country).Where(c => c.Length > 0)
            .Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal)
            .Select(c => (c, NameDirectory.Country(c))).OrderBy(c => c.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
        // A trainer is offered by the name a session day gives them, by id where none does.
        var trainerNames = all.SelectMany(s => s.Day.TrainerDisplayNames).GroupBy(n => n.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var trainers = all.SelectMany(s => s.Day.Trainers).Append(query.Trainer).Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal).Select(t => (t, trainerNames.GetValueOrDefault(t, t)))
            .OrderBy(t => t.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
        var programmeChoices = programmes.Select(p => (Formats.Id(p.Name), p.Title.Length > 0 ? p.Title : p.Code))
            .OrderBy(p => p.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();

        var shown = all.Where(s => query.Shows(s.Training, s.Day)).ToList();
        return new Calendar(shown, new Choices(programmeChoices, countries, trainers));
    }
}
