using CapacityHub.LocalRun.Seeding;
using CapacityHub.Partners.V1;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static CapacityHub.EndToEnd.Tests.ScenarioData;

namespace CapacityHub.EndToEnd.Tests;

/// <summary>
/// A whole programme year against the processes ./run.sh starts: partners and a programme, trainings in
/// Tokyo and Bangkok, nominations past quota and capacity, a withdrawal that promotes from the waitlist,
/// attendance and scores, an outcome report returned and resubmitted, and impact metrics watched as they change.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class FullYearScenarioTests(EmptySystemFixture fixture)
{
    private readonly RunningSystem system = fixture.System;
    private SeedClients C => system.Clients;

    private CallOptions Admin => system.As(Callers.Admin);
    private CallOptions Manager => system.As(Callers.Manager("e2e-year"));
    private CallOptions Thai => system.As(Callers.Partner(ThaiCert, "TH"));
    private CallOptions Malaysian => system.As(Callers.Partner(MalaysianCert, "MY"));

    [Fact]
    public async Task AProgrammeYearRunsFromPartnersToWatchedImpact()
    {
        await CreatePartnersAndProgrammeAsync();
        var (tokyo, bangkok) = await ScheduleTrainingsInTwoZonesAsync();
        var booked = await NominateWithdrawAndBookAsync(tokyo);

        tokyo = await C.Trainings.ConfirmTrainingAsync(new ChangeTrainingStatusRequest { Name = tokyo.Name }, Manager);
        tokyo = await C.Trainings.StartTrainingAsync(new ChangeTrainingStatusRequest { Name = tokyo.Name }, Manager);
        using var watch = new ImpactWatch(C.Impact.WatchImpactMetrics(
            new GetImpactMetricsRequest { Programmes = { ProgrammeName } }, Manager.WithDeadline(DateTime.UtcNow.AddSeconds(90))));
        var before = await watch.NextAsync();
        Assert.Equal(3, before.UniqueParticipants.Value);
        Assert.Equal(0, before.CompletionRate.Numerator);
        Assert.Equal(0, before.MeanGainPoints.Denominator);

        await RecordLearningAsync(tokyo, booked);
        var learnt = await watch.UntilAsync(m => m.CompletionRate.Numerator == 2 && m.MeanGainPoints.Denominator == 3);
        // th1 and my1 attended both days and passed; my2 missed a day (50% < 80%).
        Assert.Equal(3, learnt.CompletionRate.Denominator);

        tokyo = await C.Trainings.CompleteTrainingAsync(new ChangeTrainingStatusRequest { Name = tokyo.Name }, Manager);
        Assert.Equal(TrainingStatus.Completed, tokyo.Status);
        var certificate = await C.Nominations.IssueCertificateAsync(new IssueCertificateRequest { Name = booked[0].Name }, Manager);
        Assert.NotEmpty(certificate.Number);

        await ReportOutcomesAsync();
        var reported = await watch.UntilAsync(m => m.ReportsReceived.Numerator > 0);
        Assert.Equal(1, reported.ReportsReceived.Numerator);

        await AssertMetricsAsync();
        await AssertPythonSeesTheYearAsync(tokyo.Name, bangkok.Name);
    }

    private async Task CreatePartnersAndProgrammeAsync()
    {
        foreach (var (id, name, type, country) in new[]
        {
            (Funder, "E2E Fund", OrganisationType.Multilateral, "ID"),
            ("e2e-host", "E2E Training Institute", OrganisationType.AcademicTraining, "JP"),
            (ThaiCert, "E2E ThaiCERT", OrganisationType.Csirt, "TH"),
            (MalaysianCert, "E2E MyCERT", OrganisationType.Csirt, "MY"),
        })
        {
            var created = await C.Partners.CreateOrganisationAsync(
                new CreateOrganisationRequest { OrganisationId = id, RequestId = $"org-{id}", Organisation = Organisation(name, type, country) }, Admin);
            Assert.Equal($"organisations/{id}", created.Name);
        }

        var agreement = await C.Partners.CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = "agreement-1",
            Agreement = new Agreement
            {
                Type = AgreementType.Grant,
                Title = "E2E grant",
                Parties = { $"organisations/{Funder}", $"organisations/{ThaiCert}" },
                Programme = ProgrammeName,
                Term = new Common.V1.DateRange { StartDate = D(1, 1), EndDate = D(12, 31) },
                Amount = new Common.V1.Money { CurrencyCode = "USD", Amount = "250000" },
                ReportingSchedule = new ReportingSchedule { Frequency = ReportingFrequency.Quarterly, DueDays = 30 },
            },
        }, Admin);
        Assert.StartsWith("agreements/", agreement.Name);

        var programme = await C.Programmes.CreateProgrammeAsync(
            new CreateProgrammeRequest { ProgrammeId = "e2e-year", RequestId = "programme-1", Programme = YearProgramme() }, Admin);
        Assert.Equal(ProgrammeName, programme.Name);
        Assert.Equal(ActivityStatus.Pipeline, programme.Status);
        programme = await C.Programmes.StartImplementationAsync(new ChangeProgrammeStatusRequest { Name = ProgrammeName, Etag = programme.Etag }, Manager);
        Assert.Equal(ActivityStatus.Implementation, programme.Status);
    }

    private async Task<(Training Tokyo, Training Bangkok)> ScheduleTrainingsInTwoZonesAsync()
    {
        var tokyo = await C.Trainings.CreateTrainingAsync(new CreateTrainingRequest { TrainingId = "e2e-tokyo", RequestId = "training-tokyo", Training = Tokyo() }, Manager);
        var bangkok = await C.Trainings.CreateTrainingAsync(new CreateTrainingRequest { TrainingId = "e2e-bangkok", RequestId = "training-bangkok", Training = Bangkok() }, Manager);

        // Client-chosen training ids: malformed is INVALID_ARGUMENT naming the field; taken by another request is ALREADY_EXISTS.
        var malformed = await Assert.ThrowsAsync<RpcException>(() => C.Trainings.CreateTrainingAsync(
            new CreateTrainingRequest { TrainingId = "E2E_Tokyo", RequestId = "training-bad", Training = Tokyo() }, Manager).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Equal("training_id", Assert.Single(malformed.FieldViolations()).Field);
        var taken = await Assert.ThrowsAsync<RpcException>(() => C.Trainings.CreateTrainingAsync(
            new CreateTrainingRequest { TrainingId = "e2e-tokyo", RequestId = "training-tokyo-again", Training = Tokyo() }, Manager).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, taken.StatusCode);

        tokyo = await C.Trainings.ScheduleTrainingAsync(new ScheduleTrainingRequest
        {
            Name = tokyo.Name,
            SessionDays = { Day(D(3, 10), 9, 17, "Asia/Tokyo", "e2e/tokyo-a", "trainers/e2e-saito"), Day(D(3, 11), 9, 17, "Asia/Tokyo", "e2e/tokyo-a", "trainers/e2e-saito") },
        }, Manager);
        bangkok = await C.Trainings.ScheduleTrainingAsync(new ScheduleTrainingRequest
        {
            Name = bangkok.Name,
            SessionDays = { Day(D(6, 15), 9, 12, "Asia/Bangkok", "e2e/bangkok-1", "trainers/e2e-saito") },
        }, Manager);

        // 09:00 in Tokyo (UTC+9) and 09:00 in Bangkok (UTC+7) are different instants.
        Assert.Equal(new DateTime(Year, 3, 10, 0, 0, 0, DateTimeKind.Utc), tokyo.SessionDays[0].StartInstant.ToDateTime());
        Assert.Equal(new DateTime(Year, 6, 15, 2, 0, 0, DateTimeKind.Utc), bangkok.SessionDays[0].StartInstant.ToDateTime());

        // The same trainer at 10:00 in Bangkok on the Tokyo day is 03:00 UTC, inside Tokyo's 00:00-08:00 UTC.
        var clash = await C.Trainings.CheckConflictsAsync(new CheckConflictsRequest
        {
            Training = bangkok.Name,
            SessionDays = { Day(D(3, 10), 10, 12, "Asia/Bangkok", "e2e/bangkok-1", "trainers/e2e-saito") },
        }, Manager);
        var conflict = Assert.Single(clash.Conflicts);
        Assert.Equal(ConflictResource.Trainer, conflict.Resource);
        Assert.Equal(tokyo.Name, conflict.First.Training == bangkok.Name || conflict.First.Training == "" ? conflict.Second.Training : conflict.First.Training);

        tokyo = await C.Trainings.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = tokyo.Name }, Manager);
        bangkok = await C.Trainings.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = bangkok.Name }, Manager);
        Assert.Equal(TrainingStatus.OpenForNomination, tokyo.Status);
        Assert.Equal(TrainingStatus.OpenForNomination, bangkok.Status);
        return (tokyo, bangkok);
    }

    private async Task<List<Nomination>> NominateWithdrawAndBookAsync(Training tokyo)
    {
        Task<Nomination> NominateAsync(string id, string name, string org, string country, Programmes.V1.Sex sex, CallOptions partner) =>
            C.Nominations.NominateAsync(new NominateRequest
            {
                Parent = tokyo.Name,
                RequestId = $"nominate-{id}",
                Nomination = new Nomination { Participant = Person(id, name, org, country, sex), NominatingOrganisation = $"organisations/{org}" },
            }, partner).ResponseAsync;

        var th1 = await NominateAsync("th1", "Siriporn Suksawat", ThaiCert, "TH", Programmes.V1.Sex.Female, Thai);
        var th2 = await NominateAsync("th2", "Somchai Rattanakorn", ThaiCert, "TH", Programmes.V1.Sex.Male, Thai);
        var overQuota = await Assert.ThrowsAsync<RpcException>(() => NominateAsync("th3", "Arthit Cruz", ThaiCert, "TH", Programmes.V1.Sex.Male, Thai));
        Assert.Equal(StatusCode.FailedPrecondition, overQuota.StatusCode);
        Assert.Contains("quota", overQuota.Detail);
        var my1 = await NominateAsync("my1", "Nurul Ismail", MalaysianCert, "MY", Programmes.V1.Sex.Female, Malaysian);
        var my2 = await NominateAsync("my2", "Hafiz Abdullah", MalaysianCert, "MY", Programmes.V1.Sex.Male, Malaysian);
        var my3 = await NominateAsync("my3", "Ahmad Ismail", MalaysianCert, "MY", Programmes.V1.Sex.Male, Malaysian);
        Assert.Equal(NominationStatus.Nominated, my3.Status);

        // A retried nomination returns the first one.
        Assert.Equal(th1.Name, (await NominateAsync("th1", "Siriporn Suksawat", ThaiCert, "TH", Programmes.V1.Sex.Female, Thai)).Name);

        foreach (var n in new[] { th1, th2, my1 })
        {
            Assert.Equal(NominationStatus.Approved, (await Approve(n)).Status);
        }

        Assert.Equal(NominationStatus.Waitlisted, (await Approve(my2)).Status);
        var pastCapacity = await Assert.ThrowsAsync<RpcException>(() => Approve(my3));
        Assert.Equal(StatusCode.FailedPrecondition, pastCapacity.StatusCode);
        Assert.Contains("waitlist", pastCapacity.Detail);

        var released = await C.Nominations.WithdrawNominationAsync(new ChangeNominationStatusRequest { Name = th2.Name, Reason = "Reassigned to an incident" }, Thai);
        Assert.Equal(NominationStatus.Withdrawn, released.Nomination.Status);
        Assert.Equal(my2.Name, released.Promoted.Name);
        Assert.Equal(NominationStatus.Approved, released.Promoted.Status);
        var training = await C.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = tokyo.Name }, Manager);
        Assert.Equal(3, training.SeatsTaken);
        Assert.Equal(0, training.Waitlisted);

        var booked = new List<Nomination>();
        foreach (var n in new[] { th1, my1, my2 })
        {
            booked.Add(await C.Nominations.BookNominationAsync(new ChangeNominationStatusRequest { Name = n.Name }, Manager));
        }

        Assert.All(booked, n => Assert.Equal(NominationStatus.Booked, n.Status));
        return booked;
    }

    private Task<Nomination> Approve(Nomination n) =>
        C.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = n.Name }, Manager).ResponseAsync;

    private async Task RecordLearningAsync(Training tokyo, List<Nomination> booked)
    {
        var (th1, my1, my2) = (booked[0], booked[1], booked[2]);
        var attendance = new BatchRecordAttendanceRequest { Parent = tokyo.Name };
        foreach (var (n, day, present) in new[] { (th1, 0, true), (th1, 1, true), (my1, 0, true), (my1, 1, true), (my2, 0, true), (my2, 1, false) })
        {
            attendance.Entries.Add(new RecordAttendanceRequest { Name = n.Name, SessionDay = tokyo.SessionDays[day].Name, Present = present });
        }

        await C.Nominations.BatchRecordAttendanceAsync(attendance, Manager);
        var scores = new BatchRecordAssessmentsRequest { Parent = tokyo.Name };
        foreach (var (n, pre, post, practical) in new[] { (th1, 40.0, 80.0, 70.0), (my1, 50.0, 90.0, 80.0), (my2, 30.0, 45.0, 50.0) })
        {
            scores.Entries.Add(new RecordAssessmentRequest { Name = n.Name, Assessment = new Assessment { Kind = AssessmentKind.Pre, Score = pre, Maximum = 100 } });
            scores.Entries.Add(new RecordAssessmentRequest { Name = n.Name, Assessment = new Assessment { Kind = AssessmentKind.Post, Score = post, Maximum = 100 } });
            scores.Entries.Add(new RecordAssessmentRequest { Name = n.Name, Assessment = new Assessment { Kind = AssessmentKind.Practical, Score = practical, Maximum = 100 } });
        }

        var recorded = await C.Nominations.BatchRecordAssessmentsAsync(scores, Manager);
        Assert.Equal(3, recorded.Nominations.Select(n => n.Name).Distinct().Count());
        await C.Nominations.RecordReactionAsync(new RecordReactionRequest { Name = th1.Name, Reaction = new ReactionEvaluation { Satisfaction = 5, Relevance = 5 } }, Thai);
    }

    private async Task ReportOutcomesAsync()
    {
        var report = await C.OutcomeReports.CreateOutcomeReportAsync(new CreateOutcomeReportRequest
        {
            RequestId = "report-th-q1",
            OutcomeReport = new OutcomeReport
            {
                Programme = ProgrammeName,
                PartnerOrganisation = $"organisations/{ThaiCert}",
                Period = new Common.V1.DateRange { StartDate = D(1, 1), EndDate = D(3, 31) },
                DueDate = D(4, 30),
                Narrative = "One analyst trained in Tokyo now leads triage.",
                IndicatorValues = { new IndicatorValue { ResultId = "r1", IndicatorId = "i1", Value = 1 } },
            },
        }, Thai);
        Assert.Equal(OutcomeReportStatus.Draft, report.Status);

        report = await C.OutcomeReports.SubmitOutcomeReportAsync(new SubmitOutcomeReportRequest { Name = report.Name, RequestId = "submit-1" }, Thai);
        Assert.Equal(OutcomeReportStatus.Submitted, report.Status);
        report = await C.OutcomeReports.ReturnOutcomeReportAsync(new ReviewOutcomeReportRequest { Name = report.Name, Reason = "Add the sex breakdown" }, Manager);
        Assert.Equal(OutcomeReportStatus.Returned, report.Status);

        var fix = new OutcomeReport { Name = report.Name, IndicatorValues = { new IndicatorValue { ResultId = "r1", IndicatorId = "i1", Value = 1, Female = 1, Male = 0 } } };
        report = await C.OutcomeReports.UpdateOutcomeReportAsync(
            new UpdateOutcomeReportRequest { OutcomeReport = fix, UpdateMask = new FieldMask { Paths = { "indicator_values" } } }, Thai);
        report = await C.OutcomeReports.SubmitOutcomeReportAsync(new SubmitOutcomeReportRequest { Name = report.Name, RequestId = "submit-2" }, Thai);
        Assert.Equal(OutcomeReportStatus.Submitted, report.Status);
        report = await C.OutcomeReports.ApproveOutcomeReportAsync(new ReviewOutcomeReportRequest { Name = report.Name }, Manager);
        Assert.Equal(OutcomeReportStatus.Approved, report.Status);
        Assert.Equal(["created", "submitted", "returned", "updated", "submitted", "approved"], report.History.Select(h => h.Action));

        // Approval locks the report.
        var locked = await Assert.ThrowsAsync<RpcException>(() => C.OutcomeReports.UpdateOutcomeReportAsync(
            new UpdateOutcomeReportRequest { OutcomeReport = new OutcomeReport { Name = report.Name, Narrative = "changed" }, UpdateMask = new FieldMask { Paths = { "narrative" } } }, Thai).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, locked.StatusCode);
    }

    private async Task AssertMetricsAsync()
    {
        var metrics = await C.Impact.GetImpactMetricsAsync(new GetImpactMetricsRequest { Programmes = { ProgrammeName } }, Manager);
        Assert.Equal(3, metrics.UniqueParticipants.Value);
        Assert.Equal(2, metrics.Countries);
        Assert.Equal(5, metrics.AttendanceRate.Numerator);
        Assert.Equal(6, metrics.AttendanceRate.Denominator);
        // (80-40) + (90-50) + (45-30) points over three people.
        Assert.Equal((40 + 40 + 15) / 3.0, metrics.MeanGainPoints.Value, 6);
        Assert.Equal(2.0 / 3, metrics.FemaleShare.Value, 6);

        // The funder sees the same programme with every cell under five people suppressed.
        var funder = await C.Impact.GetImpactMetricsAsync(new GetImpactMetricsRequest { Funder = $"organisations/{Funder}" }, system.As(Callers.Funder(Funder)));
        Assert.True(funder.SuppressionApplied);
        Assert.True(funder.UniqueParticipants.Suppressed);
        Assert.False(funder.UniqueParticipants.HasValue);
    }

    private async Task AssertPythonSeesTheYearAsync(string tokyo, string bangkok)
    {
        var output = await PythonClient.RunAsync("year_client.py", new Dictionary<string, string>
        {
            ["PARTNERS"] = Address("partners"),
            ["PROGRAMMES"] = Address("programmes"),
            ["TRAININGS"] = Address("trainings"),
            ["MANAGER_TOKEN"] = system.Tokens.Issue(Callers.Manager("e2e-year")),
            ["PARTNER_TOKEN"] = system.Tokens.Issue(Callers.Partner(ThaiCert, "TH")),
            ["ORGANISATION"] = $"organisations/{ThaiCert}",
            ["PROGRAMME"] = ProgrammeName,
            ["TRAININGS_TO_READ"] = $"{tokyo},{bangkok}",
        });

        Assert.Contains("organisation organisations/e2e-th-cert E2E ThaiCERT CSIRT TH", output);
        Assert.Contains("programme programmes/e2e-year E2E-YEAR ACTIVITY_STATUS_IMPLEMENTATION", output);
        Assert.Contains("training trainings/e2e-tokyo TRAINING_STATUS_COMPLETED Asia/Tokyo first_start=" + $"{Year}-03-10T00:00:00Z", output);
        Assert.Contains("training trainings/e2e-bangkok TRAINING_STATUS_OPEN_FOR_NOMINATION Asia/Bangkok first_start=" + $"{Year}-06-15T02:00:00Z", output);
        Assert.Contains("impact unique_participants=3 completers=2/3 reports_received=1", output);
        Assert.Contains("nominations own=2", output);
        Assert.Contains("without token: UNAUTHENTICATED", output);
    }

    private string Address(string service) => system.System[service].GrpcAddress.Replace("http://", "", StringComparison.Ordinal);
}
