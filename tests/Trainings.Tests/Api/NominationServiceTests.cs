using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>NominationService over real HTTP/2: seats, quotas, waitlist, deadline, dependencies, roles, learning records and impact.</summary>
public sealed class NominationServiceTests(TrainingsTestHost host) : IClassFixture<TrainingsTestHost>
{
    [Fact]
    public async Task QuotaCapacityWaitlistAndPromotionOnWithdrawal()
    {
        var training = await host.OpenTrainingAsync(NewTraining(seats: 2, waitlist: 1, quotas: new Quota { Scope = QuotaScope.Country, Key = "VN", Seats = 3 }));
        var a = await host.NominateAsync(training, "an@vncert.example");
        var b = await host.NominateAsync(training, "binh@vncert.example");
        var c = await host.NominateAsync(training, "chi@vncert.example");
        var overQuota = await Assert.ThrowsAsync<RpcException>(() => host.NominateAsync(training, "dung@vncert.example"));
        var thai = await host.NominateAsync(training, "somchai@thaicert.example", ThaiPartner, ThaiCert, "TH");

        var approvedA = await Approve(a);
        var approvedB = await Approve(b);
        var waitlisted = await Approve(c);
        var full = await Assert.ThrowsAsync<RpcException>(() => Approve(thai));
        var released = await host.Nominations.WithdrawNominationAsync(new ChangeNominationStatusRequest { Name = a.Name, Reason = "Visa refused" }, host.As(VnPartner));
        var after = await host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = training.Name }, host.As(Manager));

        Assert.Equal(StatusCode.FailedPrecondition, overQuota.StatusCode);
        Assert.Contains("quota for country VN is used up", overQuota.Detail, StringComparison.Ordinal);
        Assert.Equal(NominationStatus.Approved, approvedA.Status);
        Assert.Equal(NominationStatus.Approved, approvedB.Status);
        Assert.Equal(NominationStatus.Waitlisted, waitlisted.Status);
        Assert.Equal(StatusCode.FailedPrecondition, full.StatusCode);
        Assert.Contains("waitlist", full.Detail, StringComparison.Ordinal);
        Assert.Equal(NominationStatus.Withdrawn, released.Nomination.Status);
        Assert.Equal(c.Name, released.Promoted.Name);
        Assert.Equal(NominationStatus.Approved, released.Promoted.Status);
        Assert.Equal("promoted from the waitlist", released.Promoted.StatusNote);
        Assert.Equal(2, after.SeatsTaken);
        Assert.Equal(0, after.Waitlisted);
    }

    [Fact]
    public async Task NominationsAfterTheDeadlineAreRefused()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var moved = await host.Trainings.UpdateTrainingAsync(new UpdateTrainingRequest
        {
            Training = new Training { Name = training.Name, NominationDeadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)) },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "nomination_deadline" } },
        }, host.As(Manager));

        var late = await Assert.ThrowsAsync<RpcException>(() => host.NominateAsync(moved, "late@vncert.example"));

        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.Contains("deadline passed", late.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARetriedNominationReturnsTheFirstAndIsStoredOnce()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var requestId = Guid.NewGuid().ToString();

        var first = await host.NominateAsync(training, "once@vncert.example", requestId: requestId);
        var retry = await host.NominateAsync(training, "once@vncert.example", requestId: requestId);
        var duplicate = await Assert.ThrowsAsync<RpcException>(() => host.NominateAsync(training, "ONCE@vncert.example"));
        var listed = await host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name }, host.As(Manager));

        Assert.Equal(first.Name, retry.Name);
        Assert.Equal(StatusCode.FailedPrecondition, duplicate.StatusCode);
        Assert.Single(listed.Nominations);
    }

    [Fact]
    public async Task WhenPartnersOrProgrammesIsDownNothingIsWrittenAndTheRetrySucceeds()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var requestId = Guid.NewGuid().ToString();

        await host.Peers.StopAsync();
        RpcException down;
        try
        {
            down = await Assert.ThrowsAsync<RpcException>(() => host.NominateAsync(training, "patient@vncert.example", requestId: requestId));
        }
        finally
        {
            await host.Peers.StartAsync();
        }

        var before = await host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name }, host.As(Manager));
        var retried = await RetryWhileUnavailableAsync(() => host.NominateAsync(training, "patient@vncert.example", requestId: requestId));
        var after = await host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name }, host.As(Manager));

        Assert.Equal(StatusCode.Unavailable, down.StatusCode);
        Assert.Contains("cannot be reached", down.Detail, StringComparison.Ordinal);
        Assert.Empty(before.Nominations);
        Assert.Equal(NominationStatus.Nominated, retried.Status);
        Assert.Equal(retried.Name, Assert.Single(after.Nominations).Name);
    }

    [Fact]
    public async Task OnlyRegisteredParticipatingOrganisationsNominate()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var outsiderCaller = VnPartner with { OrganisationId = Outsider, CountryCode = "LA" };
        var ghostCaller = VnPartner with { OrganisationId = "organisations/ghost" };

        var outsider = await Assert.ThrowsAsync<RpcException>(() => host.NominateAsync(training, "x@outsider.example", outsiderCaller, Outsider, "LA"));
        var ghost = await Assert.ThrowsAsync<RpcException>(() => host.NominateAsync(training, "x@ghost.example", ghostCaller, "organisations/ghost"));

        Assert.Equal(StatusCode.FailedPrecondition, outsider.StatusCode);
        Assert.Contains("does not participate", outsider.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, ghost.StatusCode);
        Assert.Contains("not registered", ghost.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidParticipantIsInvalidArgumentWithFieldViolations()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var nomination = Person("not-an-email");
        nomination.Participant.CountryCode = "Vietnam";

        var e = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.NominateAsync(
            new NominateRequest { Parent = training.Name, Nomination = nomination, RequestId = Guid.NewGuid().ToString() }, host.As(VnPartner)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("nomination.participant.country_code", e.FieldViolations().Select(v => v.Field));
    }

    [Fact]
    public async Task PartnersSeeOnlyTheirPeopleAndFundersNone()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var vietnamese = await host.NominateAsync(training, "lan@vncert.example");
        var thai = await host.NominateAsync(training, "niran@thaicert.example", ThaiPartner, ThaiCert, "TH");

        var forOthers = await Assert.ThrowsAsync<RpcException>(() => host.NominateAsync(training, "spy@thaicert.example", VnPartner, ThaiCert, "TH"));
        var readOthers = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.GetNominationAsync(new GetNominationRequest { Name = vietnamese.Name }, host.As(ThaiPartner)).ResponseAsync);
        var funderRead = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.GetNominationAsync(new GetNominationRequest { Name = vietnamese.Name }, host.As(Funder)).ResponseAsync);
        var funderList = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name }, host.As(Funder)).ResponseAsync);
        var partnerApprove = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = thai.Name }, host.As(ThaiPartner)).ResponseAsync);
        var otherManager = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name }, host.As(OtherManager)).ResponseAsync);
        var thaiList = await host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name }, host.As(ThaiPartner));
        var thaiAcross = await host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = "trainings/-" }, host.As(ThaiPartner));
        var managerList = await host.Nominations.ListNominationsAsync(new ListNominationsRequest { Parent = training.Name }, host.As(Manager));

        Assert.All([forOthers, readOthers, funderRead, funderList, partnerApprove, otherManager], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(thai.Name, Assert.Single(thaiList.Nominations).Name);
        Assert.All(thaiAcross.Nominations, n => Assert.Equal(ThaiCert, n.NominatingOrganisation));
        Assert.Equal(2, managerList.Nominations.Count);
    }

    [Fact]
    public async Task AStaleNominationEtagIsAborted()
    {
        var training = await host.OpenTrainingAsync(NewTraining());
        var nomination = await host.NominateAsync(training, "etag@vncert.example");
        await Approve(nomination);

        var e = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.BookNominationAsync(
            new ChangeNominationStatusRequest { Name = nomination.Name, Etag = nomination.Etag }, host.As(Manager)).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, e.StatusCode);
    }

    [Fact]
    public async Task ARegisterIsNotTakenAheadOfAConfirmedTrainingsDaysButPreTestScoresAre()
    {
        var created = await host.CreateAsync(NewTraining(OtherProgramme), Admin);
        await host.Trainings.ScheduleTrainingAsync(new ScheduleTrainingRequest { Name = created.Name, SessionDays = { Day(2027, 4, 12, 9, 17) } }, host.As(Admin));
        var training = await host.Trainings.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = created.Name }, host.As(Admin));
        var n = await host.NominateAsync(training, "ahead@vncert.example");
        await host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = n.Name }, host.As(Admin));
        await host.Nominations.BookNominationAsync(new ChangeNominationStatusRequest { Name = n.Name }, host.As(VnPartner));
        await host.Trainings.ConfirmTrainingAsync(new ChangeTrainingStatusRequest { Name = training.Name }, host.As(Admin));

        var ahead = new BatchRecordAttendanceRequest { Parent = training.Name };
        ahead.Entries.Add(new RecordAttendanceRequest { Name = n.Name, SessionDay = training.SessionDays[0].Name, Present = true });
        var batch = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.BatchRecordAttendanceAsync(ahead, host.As(VnPartner)).ResponseAsync);
        var single = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.RecordAttendanceAsync(ahead.Entries[0], host.As(VnPartner)).ResponseAsync);
        var pre = await host.Nominations.RecordAssessmentAsync(Score(n, AssessmentKind.Pre, 45), host.As(VnPartner));

        // A batch names the entry it refuses; a single call is refused for the training's state.
        Assert.Equal(StatusCode.InvalidArgument, batch.StatusCode);
        Assert.Contains("entries[0]", batch.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, single.StatusCode);
        Assert.Contains("2027-04-12 09:00 Asia/Tokyo", single.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("once it has begun", single.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(pre.Learning.Attendance);
        Assert.False(pre.Learning.Completion.Completed);
        Assert.Equal(45, pre.Learning.Assessments.Single().Score);
    }

    [Fact]
    public async Task AttendanceBatchesAreAllOrNothingAndResultsReachTheImpactMetrics()
    {
        var created = await host.CreateAsync(NewTraining(OtherProgramme), Admin);
        await host.Trainings.ScheduleTrainingAsync(new ScheduleTrainingRequest
        {
            Name = created.Name,
            SessionDays = { Day(2027, 4, 5, 9, 17), Day(2027, 4, 6, 9, 17) },
        }, host.As(Admin));
        var training = await host.Trainings.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = created.Name }, host.As(Admin));
        var people = new List<Nomination>();
        foreach (var email in new[] { "hoa@vncert.example", "minh@vncert.example" })
        {
            var n = await host.NominateAsync(training, email);
            await host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = n.Name }, host.As(Admin));
            people.Add(await host.Nominations.BookNominationAsync(new ChangeNominationStatusRequest { Name = n.Name }, host.As(VnPartner)));
        }

        var unbooked = await host.NominateAsync(training, "late@vncert.example");
        await host.Trainings.ConfirmTrainingAsync(new ChangeTrainingStatusRequest { Name = training.Name }, host.As(Admin));
        await host.Trainings.StartTrainingAsync(new ChangeTrainingStatusRequest { Name = training.Name }, host.As(Admin));
        var days = training.SessionDays.Select(d => d.Name).ToList();

        var bad = new BatchRecordAttendanceRequest { Parent = training.Name };
        bad.Entries.Add(new RecordAttendanceRequest { Name = people[0].Name, SessionDay = days[0], Present = true });
        bad.Entries.Add(new RecordAttendanceRequest { Name = unbooked.Name, SessionDay = days[0], Present = true });
        var rejected = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.BatchRecordAttendanceAsync(bad, host.As(VnPartner)).ResponseAsync);
        var untouched = await host.Nominations.GetNominationAsync(new GetNominationRequest { Name = people[0].Name }, host.As(Admin));

        var good = new BatchRecordAttendanceRequest { Parent = training.Name };
        foreach (var day in days)
        {
            good.Entries.Add(new RecordAttendanceRequest { Name = people[0].Name, SessionDay = day, Present = true });
        }

        good.Entries.Add(new RecordAttendanceRequest { Name = people[1].Name, SessionDay = days[0], Present = true });
        good.Entries.Add(new RecordAttendanceRequest { Name = people[1].Name, SessionDay = days[1], Present = false });
        await host.Nominations.BatchRecordAttendanceAsync(good, host.As(VnPartner));
        var scores = new BatchRecordAssessmentsRequest { Parent = training.Name };
        scores.Entries.Add(Score(people[0], AssessmentKind.Pre, 40));
        scores.Entries.Add(Score(people[0], AssessmentKind.Post, 80));
        scores.Entries.Add(Score(people[1], AssessmentKind.Pre, 50));
        scores.Entries.Add(Score(people[1], AssessmentKind.Post, 70));
        await host.Nominations.BatchRecordAssessmentsAsync(scores, host.As(Admin));
        await host.Nominations.RecordReactionAsync(new RecordReactionRequest { Name = people[0].Name, Reaction = new ReactionEvaluation { Satisfaction = 5, Relevance = 4 } }, host.As(VnPartner));
        await host.Trainings.CompleteTrainingAsync(new ChangeTrainingStatusRequest { Name = training.Name }, host.As(Admin));
        var certificate = await host.Nominations.IssueCertificateAsync(new IssueCertificateRequest { Name = people[0].Name }, host.As(Admin));
        var noCertificate = await Assert.ThrowsAsync<RpcException>(() => host.Nominations.IssueCertificateAsync(new IssueCertificateRequest { Name = people[1].Name }, host.As(Admin)).ResponseAsync);
        var first = await host.Nominations.GetNominationAsync(new GetNominationRequest { Name = people[0].Name }, host.As(Admin));
        var second = await host.Nominations.GetNominationAsync(new GetNominationRequest { Name = people[1].Name }, host.As(VnPartner));
        var metrics = await host.Impact.GetImpactMetricsAsync(new GetImpactMetricsRequest { Programmes = { OtherProgramme } }, host.As(Admin));

        Assert.Equal(StatusCode.InvalidArgument, rejected.StatusCode);
        Assert.Equal("entries[1].name", Assert.Single(rejected.FieldViolations()).Field);
        Assert.Empty(untouched.Learning?.Attendance ?? []);
        Assert.Equal(NominationStatus.FullyAttended, first.Status);
        Assert.Equal(NominationStatus.PartiallyAttended, second.Status);
        Assert.True(first.Learning.Completion.Completed);
        Assert.False(second.Learning.Completion.AttendanceMet);
        Assert.False(string.IsNullOrEmpty(certificate.Number));
        Assert.Equal(StatusCode.FailedPrecondition, noCertificate.StatusCode);
        Assert.Contains("attended 1 of 2 days", noCertificate.Detail, StringComparison.Ordinal);
        Assert.Equal(2, metrics.Participations.Value);
        Assert.Equal(3.0 / 4, metrics.AttendanceRate.Value, 9);
        Assert.Equal(0.5, metrics.CompletionRate.Value, 9);
        Assert.Equal(30, metrics.MeanGainPoints.Value, 9);
        Assert.Equal(5, metrics.MeanSatisfaction.Value, 9);
        Assert.Equal(2, metrics.UniqueParticipants.Value);
    }

    private Task<Nomination> Approve(Nomination n) =>
        host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = n.Name }, host.As(Manager)).ResponseAsync;

    private static RecordAssessmentRequest Score(Nomination n, AssessmentKind kind, double score) =>
        new() { Name = n.Name, Assessment = new Assessment { Kind = kind, Score = score, Maximum = 100 } };

    /// <summary>
    /// Retries as the refusal tells a caller to ("retry shortly"): a restarted peer's channel may still be in its
    /// reconnect backoff for a moment, which is not what these tests are about.
    /// </summary>
    private static async Task<T> RetryWhileUnavailableAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
