using CapacityHub.Gateway.Web.Components.Data;
using CapacityHub.Gateway.Web.Manager;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Trainings.V1;
using Grpc.Core;
using NodaTime;

namespace CapacityHub.Gateway.Web.Pages.Manager;

/// <summary>The work waiting for a manager: nominations to decide, reports to review, nomination deadlines in the coming week.</summary>
public sealed class ManagerHomeData(NameDirectory names)
{
    public sealed record WaitingTraining(Training Training, int Nominations);

    public sealed record Work(IReadOnlyList<WaitingTraining> Nominations, IReadOnlyList<OutcomeReport> Reports, IReadOnlyList<Training> Deadlines, IReadOnlyDictionary<string, string> ProgrammeTitles);

    public NameDirectory Names => names;

    public async Task<Work> LoadAsync(WebRequest request)
    {
        var programmes = await ManagedProgrammes.ListAsync(request);
        var options = new CallOptions(cancellationToken: request.Aborted);
        // Trainings and reports come from different calls; ask for both at once.
        var trainingsTask = ManagedProgrammes.TrainingsAsync(request, programmes.Select(p => p.Name));
        var reportsTask = Task.WhenAll(programmes.Select(p => request.Services.OutcomeReportClient.ListOutcomeReportsAsync(
            new ListOutcomeReportsRequest { Programme = p.Name, PageSize = 500 }, options).ResponseAsync));
        var trainings = await trainingsTask;
        var counts = await Task.WhenAll(trainings.Select(async t =>
        {
            var list = new ListNominationsRequest { Parent = t.Name, PageSize = 500 };
            list.Statuses.Add(NominationStatus.Nominated);
            var page = await request.Services.NominationClient.ListNominationsAsync(list, options);
            return new WaitingTraining(t, page.Nominations.Count);
        }));
        var reports = (await reportsTask).SelectMany(r => r.OutcomeReports).Where(r => r.Status == OutcomeReportStatus.Submitted).ToList();
        await names.LoadOrganisationsAsync(reports.Select(r => r.PartnerOrganisation), request.Aborted);

        var now = SystemClock.Instance.GetCurrentInstant();
        var deadlines = trainings
            .Where(t => t.Status == TrainingStatus.OpenForNomination && t.NominationDeadline is not null)
            .Where(t => Formats.ToInstant(t.NominationDeadline) is var d && d >= now && d <= now + Duration.FromDays(7))
            .OrderBy(t => Formats.ToInstant(t.NominationDeadline))
            .ToList();
        return new Work(counts.Where(c => c.Nominations > 0).ToList(), reports, deadlines, programmes.ToDictionary(p => p.Name, p => p.Title));
    }
}
