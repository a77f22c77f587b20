using CapacityHub.Gateway.Web.Components.Data;
using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Web.Pages.Manager;

/// <summary>Loads the nomination queue: the manager's trainings, their nominations in the chosen state, and the names to show.</summary>
public sealed class NominationQueueData(NameDirectory names)
{
    public sealed record Section(Training Training, IReadOnlyList<Nomination> Nominations);

    public sealed record Queue(IReadOnlyList<Training> Trainings, IReadOnlyList<Section> Sections, IReadOnlyList<(string Id, string Name)> Organisations, IReadOnlyList<(string Code, string Name)> Countries);

    public NameDirectory Names => names;

    public async Task<Queue> LoadAsync(WebRequest request, NominationQueueFilter filter)
    {
        if (filter.Country.Length > 0 && NameDirectory.Country(filter.Country) == filter.Country)
        {
            throw new BadQueryParameterException("country", $"is not a two-letter country code (\"{filter.Country}\")");
        }

        var programmes = await ManagedProgrammes.ListAsync(request);
        var trainings = await ManagedProgrammes.TrainingsAsync(request, programmes.Select(p => p.Name));
        if (filter.Training.Length > 0 && !trainings.Any(t => Formats.Id(t.Name) == filter.Training))
        {
            throw new BadQueryParameterException("training", $"names none of your trainings (\"{filter.Training}\")");
        }

        var shown = trainings.Where(t => filter.Training.Length == 0 || Formats.Id(t.Name) == filter.Training).ToList();
        // One call per training, all at once: the queue waits for the slowest, not for their sum.
        var lists = await Task.WhenAll(shown.Select(t => ListAsync(request, t.Name, filter)));
        var all = lists.SelectMany(l => l).ToList();
        var asked = filter.Organisation.Length > 0 ? $"organisations/{filter.Organisation}" : "";
        await names.LoadOrganisationsAsync(all.Select(n => n.NominatingOrganisation).Append(asked), request.Aborted);

        // The chosen filter values stay offered after their last nomination is decided (a redirect keeps them).
        var organisations = all.Select(n => n.NominatingOrganisation).Append(asked).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(o => (Formats.Id(o), names.Organisation(o))).OrderBy(o => o.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
        var countries = all.Select(n => n.Participant?.CountryCode ?? "").Append(filter.Country).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (c.ToUpperInvariant(), NameDirectory.Country(c))).OrderBy(c => c.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
        if (asked.Length > 0 && !names.Knows(asked))
        {
            throw new BadQueryParameterException("organisation", $"names no organisation (\"{filter.Organisation}\")");
        }

        var sections = shown.Zip(lists, (t, l) => new Section(t, filter.Apply(l, names.Organisation).ToList())).Where(s => s.Nominations.Count > 0).ToList();
        return new Queue(trainings, sections, organisations, countries);
    }

    /// <summary>The service searches and narrows by country itself; organisation and sort are applied here, over names it does not hold.</summary>
    private static async Task<IReadOnlyList<Nomination>> ListAsync(WebRequest request, string training, NominationQueueFilter filter)
    {
        var result = new List<Nomination>();
        var token = "";
        do
        {
            var list = new ListNominationsRequest { Parent = training, PageSize = 500, PageToken = token, Query = filter.Search, CountryCode = filter.Country };
            list.Statuses.Add(filter.Status);
            var page = await request.Services.NominationClient.ListNominationsAsync(list, new CallOptions(cancellationToken: request.Aborted));
            result.AddRange(page.Nominations);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return result;
    }
}
