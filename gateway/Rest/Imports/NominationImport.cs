using CapacityHub.Gateway.Backends;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.ServiceDefaults.Validation;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Rest.Imports;

/// <summary>
/// CSV nominations for one training. Columns: participant_id, display_name, email, country_code, sex,
/// sector, job_title, organisation (the employer; defaults to the nominating organisation),
/// nominating_organisation (a partner agency's own by default; required for managers and administrators).
/// Every row is checked first (cells, duplicates in the file and against the training's live nominations,
/// the training being open); nothing is sent while any row is bad. The Trainings service has no batch
/// nominate, so rows are then nominated one by one with request ids derived from the import's id, and if
/// the service refuses one midway, the nominations already made by this import are withdrawn again
/// (status WITHDRAWN, reason naming the import) so that no live nomination is left half applied.
/// </summary>
public sealed class NominationImport(ServiceBackends backends)
{
    private static readonly NominationStatus[] Ended = [NominationStatus.Declined, NominationStatus.Withdrawn, NominationStatus.Cancelled];

    public async Task<IReadOnlyList<Nomination>> ImportAsync(CallerIdentity caller, string training, CsvTable table, string importId, CallOptions options)
    {
        table.RequireColumns("participant_id", "display_name", "email", "country_code");
        var errors = new List<RowError>();
        var values = new CsvValues(errors);
        var own = caller.Role == CallerRole.PartnerAgency && caller.OrganisationId is { } id
            ? (id.StartsWith("organisations/", StringComparison.Ordinal) ? id : ResourceNames.Of("organisations", id))
            : null;
        var requests = new List<(CsvRow Row, NominateRequest Request)>();
        var emails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var nominator = values.ResourceName(row, "nominating_organisation", "organisations") ?? own;
            if (nominator is null)
            {
                errors.Add(new RowError(row.Number, "nominating_organisation", "is required (organisations/{id})"));
            }
            else if (own is not null && nominator != own)
            {
                errors.Add(new RowError(row.Number, "nominating_organisation", $"a partner agency nominates for {own} only"));
            }

            var participant = new Participant
            {
                ParticipantId = values.Required(row, "participant_id") ?? "",
                DisplayName = values.Required(row, "display_name") ?? "",
                Email = values.Email(row, "email") ?? "",
                CountryCode = values.Country(row, "country_code") ?? "",
                Sex = values.SexOf(row, "sex") ?? Programmes.V1.Sex.Unspecified,
                Sector = row["sector"],
                JobTitle = row["job_title"],
                Organisation = values.ResourceName(row, "organisation", "organisations") ?? nominator ?? "",
            };
            if (participant.Email.Length > 0 && !emails.TryAdd(participant.Email, row.Number))
            {
                errors.Add(new RowError(row.Number, "email", $"{participant.Email} is already in row {emails[participant.Email]}"));
            }

            requests.Add((row, new NominateRequest
            {
                Parent = training,
                RequestId = $"{importId}-{row.Number}",
                Nomination = new Nomination { Participant = participant, NominatingOrganisation = nominator ?? "" },
            }));
        }

        await CheckTrainingAsync(training, requests, own, errors, options);
        if (errors.Count > 0)
        {
            throw new ImportRejectedException([.. errors.OrderBy(e => e.Row)]);
        }

        return await ApplyAsync(requests, importId, options);
    }

    /// <summary>The training must take nominations now, and nobody in the file may already hold a live nomination.</summary>
    private async Task CheckTrainingAsync(string training, List<(CsvRow Row, NominateRequest Request)> requests, string? own, List<RowError> errors, CallOptions options)
    {
        var found = await backends.TrainingClient.GetTrainingAsync(new GetTrainingRequest { Name = training }, options);
        if (found.Status != TrainingStatus.OpenForNomination)
        {
            throw new ImportRejectedException([new RowError(0, "", $"training \"{found.Title}\" is not open for nomination (status {found.Status})")], StatusCode.FailedPrecondition);
        }

        if (found.NominationDeadline is { } deadline && deadline.ToDateTimeOffset() <= DateTimeOffset.UtcNow)
        {
            throw new ImportRejectedException([new RowError(0, "", $"the nomination deadline of \"{found.Title}\" has passed ({deadline.ToDateTimeOffset():u})")], StatusCode.FailedPrecondition);
        }

        var live = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = new ListNominationsRequest { Parent = training, PageSize = 1000, NominatingOrganisation = own ?? "" };
        do
        {
            var page = await backends.NominationClient.ListNominationsAsync(list, options);
            foreach (var nomination in page.Nominations.Where(n => !Ended.Contains(n.Status)))
            {
                live.TryAdd(nomination.Participant?.Email ?? "", nomination.Name);
            }

            list.PageToken = page.NextPageToken;
        }
        while (list.PageToken.Length > 0);

        foreach (var (row, request) in requests)
        {
            if (live.TryGetValue(request.Nomination.Participant.Email, out var existing))
            {
                errors.Add(new RowError(row.Number, "email", $"{request.Nomination.Participant.Email} is already nominated ({existing})"));
            }
        }
    }

    private async Task<IReadOnlyList<Nomination>> ApplyAsync(List<(CsvRow Row, NominateRequest Request)> requests, string importId, CallOptions options)
    {
        var created = new List<Nomination>();
        foreach (var (row, request) in requests)
        {
            try
            {
                created.Add(await backends.NominationClient.NominateAsync(request, options));
            }
            catch (RpcException refused)
            {
                await RollBackAsync(created, importId, row.Number, options);
                var cells = refused.FieldViolations().Select(v => new RowError(row.Number, ColumnOf(v.Field), v.Description)).ToList();
                if (cells.Count == 0)
                {
                    cells.Add(new RowError(row.Number, "", refused.Detail));
                }

                throw new ImportRejectedException(cells, refused.StatusCode,
                    $"Nothing was imported: the Trainings service refused row {row.Number} ({refused.Detail}); the {created.Count} nomination(s) made before it were withdrawn.");
            }
        }

        return created;
    }

    private async Task RollBackAsync(List<Nomination> created, string importId, int failedRow, CallOptions options)
    {
        // Withdraw with a fresh deadline: the failed call may have used up most of the request's own.
        var undo = new CallOptions(options.Headers, DateTime.UtcNow + TimeSpan.FromSeconds(30), CancellationToken.None);
        foreach (var nomination in created)
        {
            await backends.NominationClient.WithdrawNominationAsync(new ChangeNominationStatusRequest
            {
                Name = nomination.Name,
                Reason = $"CSV import {importId} rolled back: row {failedRow} was refused",
            }, undo);
        }
    }

    private static string ColumnOf(string field) => field[(field.LastIndexOf('.') + 1)..] switch
    {
        "name" => "display_name",
        "organisation_id" => "organisation",
        "id" => "participant_id",
        var column => column,
    };
}
