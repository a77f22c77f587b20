using CapacityHub.Gateway.Rest.Imports;
using CapacityHub.Gateway.Web.Partner;
using CapacityHub.Gateway.Web.Shell;
using CapacityHub.Programmes.V1;
using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.Gateway.Web.Pages.Partner;

/// <summary>What a partner does on a training's page; each returns the notice for the page it redirects to.</summary>
public static class PartnerTrainingActions
{
    /// <summary>The choices of the nomination form's sex field: the API's value and the English text shown for it.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Sexes = [("Female", "Female"), ("Male", "Male"), ("Other", "Other"), ("Unspecified", "Prefer not to say")];

    public static readonly Dictionary<string, string> ParticipantAliases = new(StringComparer.Ordinal) { ["participant.id"] = "participant.participant_id" };

    public static bool IsEnrolled(Nomination n) => n.Status is NominationStatus.Booked or NominationStatus.FullyAttended or NominationStatus.PartiallyAttended or NominationStatus.NoShow;

    /// <summary>As the Trainings service rules: a confirmed training's register is taken day by day as each day begins; once started, for every day.</summary>
    public static bool TakesAttendance(Training training, SessionDay day, DateTimeOffset now) =>
        training.Status is TrainingStatus.InProgress or TrainingStatus.Completed
        || (training.Status == TrainingStatus.Confirmed && day.StartInstant is { } start && start.ToDateTimeOffset() <= now);

    public static async Task<Nomination> NominateAsync(WebRequest request, Training training, IFormCollection form)
    {
        var nomination = new Nomination
        {
            NominatingOrganisation = request.Organisation ?? "",
            Participant = new Participant
            {
                // The partner's own id for the person; the email identifies them when it has none.
                ParticipantId = form["participant.participant_id"].ToString().Trim() is { Length: > 0 } given ? given : form["participant.email"].ToString().Trim(),
                DisplayName = form["participant.display_name"].ToString().Trim(),
                Email = form["participant.email"].ToString().Trim(),
                Organisation = form["participant.organisation"].ToString().Trim(),
                CountryCode = form["participant.country_code"].ToString().Trim().ToUpperInvariant(),
                Sex = Enum.TryParse<Sex>(form["participant.sex"], out var sex) ? sex : Sex.Unspecified,
                Sector = form["participant.sector"].ToString().Trim(),
                JobTitle = form["participant.job_title"].ToString().Trim(),
            },
        };
        return await request.Services.NominationClient.NominateAsync(
            new NominateRequest { Parent = training.Name, Nomination = nomination, RequestId = form["request_id"].ToString() }, new CallOptions(cancellationToken: request.Aborted));
    }

    /// <summary>A CSV of participants, all nominated or none (the REST face's import, so both check rows alike).</summary>
    public static async Task<int> UploadAsync(WebRequest request, Training training, IFormCollection form)
    {
        var table = await CsvTable.ReadAsync(request.Http.Request, request.Aborted);
        var nominated = await new NominationImport(request.Services).ImportAsync(request.Caller, training.Name, table, form["request_id"].ToString(), new CallOptions(cancellationToken: request.Aborted));
        return nominated.Count;
    }

    /// <summary>Confirm a place (approved to booked) or withdraw a participant.</summary>
    public static async Task ChangeAsync(WebRequest request, IFormCollection form)
    {
        var change = new ChangeNominationStatusRequest { Name = form["nomination"].ToString(), Etag = form["etag"].ToString(), Reason = form["reason"].ToString().Trim() };
        var options = new CallOptions(cancellationToken: request.Aborted);
        if (form["verb"] == "book")
        {
            await request.Services.NominationClient.BookNominationAsync(change, options);
        }
        else
        {
            await request.Services.NominationClient.WithdrawNominationAsync(change, options);
        }
    }

    /// <summary>Attendance for every booked participant and day that takes it, and the scores typed in, each as one all-or-nothing batch.</summary>
    public static async Task RecordResultsAsync(WebRequest request, Training training, IReadOnlyList<Nomination> ours, IFormCollection form)
    {
        var attendance = new BatchRecordAttendanceRequest { Parent = training.Name };
        var assessments = new BatchRecordAssessmentsRequest { Parent = training.Name };
        var maximum = Formats.ParseNumber(form["maximum"]) ?? 0;
        var now = request.Http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var nomination in ours.Where(IsEnrolled))
        {
            var key = Formats.Id(nomination.Name);
            foreach (var day in training.SessionDays.Where(d => TakesAttendance(training, d, now)))
            {
                attendance.Entries.Add(new RecordAttendanceRequest { Name = nomination.Name, SessionDay = day.Name, Present = form[$"present-{key}-{Formats.Id(day.Name)}"] == "on" });
            }

            foreach (var kind in new[] { AssessmentKind.Pre, AssessmentKind.Post })
            {
                if (Formats.ParseNumber(form[$"{kind.ToString().ToLowerInvariant()}-{key}"]) is { } score)
                {
                    assessments.Entries.Add(new RecordAssessmentRequest { Name = nomination.Name, Assessment = new Assessment { Kind = kind, Score = score, Maximum = maximum } });
                }
            }
        }

        var options = new CallOptions(cancellationToken: request.Aborted);
        if (attendance.Entries.Count > 0)
        {
            await request.Services.NominationClient.BatchRecordAttendanceAsync(attendance, options);
        }

        if (assessments.Entries.Count > 0)
        {
            await request.Services.NominationClient.BatchRecordAssessmentsAsync(assessments, options);
        }
    }
}
