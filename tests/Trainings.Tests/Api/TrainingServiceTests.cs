using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using static CapacityHub.Trainings.Tests.Api.TrainingsTestHost;

namespace CapacityHub.Trainings.Tests.Api;

/// <summary>TrainingService over real HTTP/2 with fake Programmes/Partners peers and caller tokens for each role.</summary>
public sealed class TrainingServiceTests(TrainingsTestHost host) : IClassFixture<TrainingsTestHost>
{
    [Fact]
    public async Task InvalidTrainingIsInvalidArgumentNamingEveryBadField()
    {
        var training = NewTraining(seats: 0, zone: "Mars/Olympus");
        training.Title = "";

        var e = await Assert.ThrowsAsync<RpcException>(() => host.CreateAsync(training));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var fields = e.FieldViolations().Select(v => v.Field).ToList();
        Assert.Contains("training.venue.time_zone", fields);

        training.Venue.TimeZone = "Asia/Tokyo";
        e = await Assert.ThrowsAsync<RpcException>(() => host.CreateAsync(training));
        fields = e.FieldViolations().Select(v => v.Field).ToList();
        Assert.Contains("title", fields);
        Assert.Contains("seats", fields);
    }

    [Fact]
    public async Task CreateWithTheSameRequestIdReturnsTheFirstTraining()
    {
        var request = new CreateTrainingRequest { Training = NewTraining(OtherProgramme), RequestId = Guid.NewGuid().ToString() };
        var admin = host.As(Admin);

        var first = await host.Trainings.CreateTrainingAsync(request, admin);
        var retry = await host.Trainings.CreateTrainingAsync(request, admin);

        Assert.Equal(first.Name, retry.Name);
        Assert.Equal(TrainingStatus.Planned, first.Status);
        var listed = await host.Trainings.ListTrainingsAsync(new ListTrainingsRequest { Programme = OtherProgramme, PageSize = 1000 }, admin);
        Assert.Single(listed.Trainings, t => t.Name == first.Name);
    }

    [Fact]
    public async Task UnknownTrainingIsNotFound()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = "trainings/nope" }, host.As(Admin)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task UpdateWithAStaleEtagIsAbortedAndTheMaskLimitsTheChange()
    {
        var created = await host.CreateAsync(NewTraining());
        var update = new UpdateTrainingRequest { Training = new Training { Name = created.Name, Title = "ICS Security Advanced", Seats = 999, Etag = created.Etag } };
        update.UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "title" } };

        var updated = await host.Trainings.UpdateTrainingAsync(update, host.As(Manager));
        var stale = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.UpdateTrainingAsync(update, host.As(Manager)).ResponseAsync);

        Assert.Equal("ICS Security Advanced", updated.Title);
        Assert.Equal(20, updated.Seats);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
    }

    [Fact]
    public async Task StatusVerbsOutOfOrderAreFailedPrecondition()
    {
        var created = await host.CreateAsync(NewTraining());

        var confirm = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.ConfirmTrainingAsync(new ChangeTrainingStatusRequest { Name = created.Name }, host.As(Manager)).ResponseAsync);
        var open = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = created.Name }, host.As(Manager)).ResponseAsync);
        var cancel = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.CancelTrainingAsync(new ChangeTrainingStatusRequest { Name = created.Name }, host.As(Manager)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, confirm.StatusCode);
        Assert.Contains("planned cannot become confirmed", confirm.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, open.StatusCode);
        Assert.Contains("session day", open.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, cancel.StatusCode);
        Assert.Equal("reason", Assert.Single(cancel.FieldViolations()).Field);
    }

    [Fact]
    public async Task SessionDaysInTwoZonesResolveToTheRightInstantsAcrossDaylightSaving()
    {
        var created = await host.CreateAsync(NewTraining(zone: "America/New_York"));
        var request = new ScheduleTrainingRequest { Name = created.Name };
        // US clocks go forward on 14 March 2027, UK clocks on 28 March 2027.
        request.SessionDays.Add(Day(2027, 3, 12, 9, 12));
        request.SessionDays.Add(Day(2027, 3, 15, 9, 12));
        request.SessionDays.Add(Day(2027, 3, 26, 9, 12, "Europe/London"));
        request.SessionDays.Add(Day(2027, 3, 29, 9, 12, "Europe/London"));

        var scheduled = await host.Trainings.ScheduleTrainingAsync(request, host.As(Manager));

        var starts = scheduled.SessionDays.Select(d => d.StartInstant.ToDateTimeOffset()).ToList();
        Assert.Equal(
            [
                new DateTimeOffset(2027, 3, 12, 14, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 3, 15, 13, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 3, 26, 9, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.Zero),
            ],
            starts);
        Assert.Equal("Europe/London", scheduled.SessionDays[3].TimeZone);
        Assert.Equal(9, scheduled.SessionDays[3].StartTime.Hours);
    }

    [Fact]
    public async Task RoomAndTrainerNamesAreKeptForReadingWhileClashesStayOnTheIds()
    {
        var created = await host.CreateAsync(NewTraining());
        var day = Day(2027, 6, 7, 9, 12, trainers: "trainers/k-saito");
        day.Room = $"ipa-tokyo/{Guid.NewGuid():N}";
        day.RoomDisplayName = "ICSCoE Training Hall A";
        day.TrainerDisplayNames["trainers/k-saito"] = "K. Saito (IPA)";
        var stranger = Day(2027, 6, 8, 9, 12, trainers: "trainers/k-saito");
        stranger.TrainerDisplayNames["trainers/someone-else"] = "Someone Else";

        var scheduled = await host.Trainings.ScheduleTrainingAsync(new ScheduleTrainingRequest { Name = created.Name, SessionDays = { day } }, host.As(Manager));
        var read = await host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = created.Name }, host.As(Manager));
        var refused = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.ScheduleTrainingAsync(
            new ScheduleTrainingRequest { Name = created.Name, SessionDays = { day, stranger } }, host.As(Manager)).ResponseAsync);
        var afterRefusal = await host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = created.Name }, host.As(Manager));

        Assert.Equal("ICSCoE Training Hall A", scheduled.SessionDays[0].RoomDisplayName);
        Assert.Equal("K. Saito (IPA)", read.SessionDays[0].TrainerDisplayNames["trainers/k-saito"]);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(refused.FieldViolations(), v => v.Field.Contains("trainer_display_names[trainers/someone-else]", StringComparison.Ordinal));
        Assert.Single(afterRefusal.SessionDays);
    }

    [Fact]
    public async Task ALocalTimeInTheSpringGapIsInvalidAndAnAmbiguousOneNeedsAChoice()
    {
        var created = await host.CreateAsync(NewTraining(zone: "America/New_York"));
        var gap = new ScheduleTrainingRequest { Name = created.Name, SessionDays = { Day(2027, 3, 14, 2, 5) } };
        var overlap = new ScheduleTrainingRequest { Name = created.Name, SessionDays = { Day(2027, 11, 7, 1, 5) } };

        var gapError = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.ScheduleTrainingAsync(gap, host.As(Manager)).ResponseAsync);
        var overlapError = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.ScheduleTrainingAsync(overlap, host.As(Manager)).ResponseAsync);
        overlap.SessionDays[0].StartOverlap = DstOverlap.Later;
        var chosen = await host.Trainings.ScheduleTrainingAsync(overlap, host.As(Manager));

        Assert.Equal(StatusCode.InvalidArgument, gapError.StatusCode);
        Assert.Equal("session_days[0].local_start", Assert.Single(gapError.FieldViolations()).Field);
        Assert.Contains("daylight saving gap", gapError.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, overlapError.StatusCode);
        Assert.Contains("occurs twice", overlapError.Detail, StringComparison.Ordinal);
        // 01:00 EST (the later occurrence, UTC-5) is 06:00 UTC.
        Assert.Equal(new DateTimeOffset(2027, 11, 7, 6, 0, 0, TimeSpan.Zero), chosen.SessionDays[0].StartInstant.ToDateTimeOffset());
        Assert.Equal(DstOverlap.Later, chosen.SessionDays[0].StartOverlap);
    }

    [Fact]
    public async Task ATrainerNeededInTwoZonesAtOnceIsAConflictOnlyAfterTheClocksChange()
    {
        var trainer = $"trainers/{Guid.NewGuid():N}";
        var washington = await host.CreateAsync(NewTraining(zone: "America/New_York"));
        await host.Trainings.ScheduleTrainingAsync(new ScheduleTrainingRequest
        {
            Name = washington.Name,
            SessionDays = { Day(2027, 3, 8, 9, 12, trainers: trainer), Day(2027, 3, 15, 9, 12, trainers: trainer) },
        }, host.As(Manager));
        var london = await host.CreateAsync(NewTraining(zone: "Europe/London"));

        // 12:30-13:30 in London: clear of 09:00 New York (14:00 UTC) on 8 March, inside it (13:00 UTC) on 15 March.
        var before = await host.Trainings.ScheduleTrainingAsync(new ScheduleTrainingRequest { Name = london.Name, SessionDays = { HalfPast(2027, 3, 8, trainer) } }, host.As(Manager));
        var check = await host.Trainings.CheckConflictsAsync(new CheckConflictsRequest
        {
            Training = london.Name,
            SessionDays = { HalfPast(2027, 3, 15, trainer) },
            ViewerTimeZone = "Asia/Tokyo",
        }, host.As(Manager));
        var refused = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.ScheduleTrainingAsync(
            new ScheduleTrainingRequest { Name = london.Name, SessionDays = { HalfPast(2027, 3, 15, trainer) } }, host.As(Manager)).ResponseAsync);

        Assert.Single(before.SessionDays);
        var conflict = Assert.Single(check.Conflicts);
        Assert.Equal(ConflictResource.Trainer, conflict.Resource);
        Assert.Equal(trainer, conflict.ResourceId);
        Assert.Contains("America/New_York (-04)", conflict.Description, StringComparison.Ordinal);
        Assert.Contains("your time", conflict.Description, StringComparison.Ordinal);
        Assert.Contains(washington.Name, new[] { conflict.First.Training, conflict.Second.Training });
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains($"Trainer {trainer} is booked twice", refused.Detail, StringComparison.Ordinal);
        var stored = await host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = london.Name }, host.As(Manager));
        Assert.Equal(8, Assert.Single(stored.SessionDays).Date.Day);
    }

    [Fact]
    public async Task ARoomCannotHostTwoTrainingsAtOnce()
    {
        var room = $"jpcert-tokyo/{Guid.NewGuid():N}";
        var first = await host.CreateAsync(NewTraining());
        await host.Trainings.ScheduleTrainingAsync(new ScheduleTrainingRequest { Name = first.Name, SessionDays = { Day(2027, 5, 10, 9, 17, room: room) } }, host.As(Manager));
        var second = await host.CreateAsync(NewTraining());

        var check = await host.Trainings.CheckConflictsAsync(new CheckConflictsRequest
        {
            TrainingTitle = "Draft workshop",
            SessionDays = { Day(2027, 5, 10, 16, 18, "Asia/Tokyo", room), Day(2027, 5, 11, 9, 17, "Asia/Tokyo", room) },
        }, host.As(Manager));
        var refused = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.ScheduleTrainingAsync(
            new ScheduleTrainingRequest { Name = second.Name, SessionDays = { Day(2027, 5, 10, 16, 18, room: room) } }, host.As(Manager)).ResponseAsync);

        var conflict = Assert.Single(check.Conflicts);
        Assert.Equal(ConflictResource.Room, conflict.Resource);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
    }

    [Fact]
    public async Task APersonWithSeatsInTwoTrainingsCannotHaveThemOverlap()
    {
        var email = $"{Guid.NewGuid():N}@vncert.example";
        var first = await host.OpenTrainingAsync(NewTraining(), Day(2027, 7, 1, 9, 17));
        var second = await host.OpenTrainingAsync(NewTraining(), Day(2027, 7, 5, 9, 17));
        foreach (var training in new[] { first, second })
        {
            var nomination = await host.NominateAsync(training, email);
            await host.Nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = nomination.Name }, host.As(Manager));
        }

        var check = await host.Trainings.CheckConflictsAsync(new CheckConflictsRequest { Training = second.Name, SessionDays = { Day(2027, 7, 1, 10, 12) } }, host.As(Manager));
        var refused = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.AddSessionDayAsync(
            new AddSessionDayRequest { Name = second.Name, SessionDay = Day(2027, 7, 1, 10, 12), RequestId = Guid.NewGuid().ToString() }, host.As(Manager)).ResponseAsync);
        var elsewhere = await host.Trainings.AddSessionDayAsync(
            new AddSessionDayRequest { Name = second.Name, SessionDay = Day(2027, 7, 2, 10, 12), RequestId = Guid.NewGuid().ToString() }, host.As(Manager));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var person = email.Split('@')[0];
        var clash = Assert.Single(check.Conflicts, c => c.Resource == ConflictResource.Participant);
        Assert.StartsWith($"{second.Name}/nominations/", clash.ResourceId, StringComparison.Ordinal);
        Assert.Equal(person, clash.ResourceDisplayName);
        Assert.Contains($"Participant {person} <{second.Name}/nominations/", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(2, elsewhere.SessionDays.Count);
    }

    [Fact]
    public async Task OnlyPlannedTrainingsWithoutNominationsCanBeDeleted()
    {
        var planned = await host.CreateAsync(NewTraining());
        var open = await host.OpenTrainingAsync(NewTraining());

        await host.Trainings.DeleteTrainingAsync(new DeleteTrainingRequest { Name = planned.Name, Etag = planned.Etag }, host.As(Manager));
        var gone = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = planned.Name }, host.As(Manager)).ResponseAsync);
        var refused = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.DeleteTrainingAsync(new DeleteTrainingRequest { Name = open.Name }, host.As(Manager)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
    }

    [Fact]
    public async Task ScheduleOutsideTheProgrammeOrInAPipelineProgrammeIsRefused()
    {
        var inside = await host.CreateAsync(NewTraining());
        var pipeline = await host.CreateAsync(NewTraining(PipelineProgramme), Admin);

        var outside = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.ScheduleTrainingAsync(
            new ScheduleTrainingRequest { Name = inside.Name, SessionDays = { Day(2029, 1, 10, 9, 17) } }, host.As(Manager)).ResponseAsync);
        var notImplementing = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.ScheduleTrainingAsync(
            new ScheduleTrainingRequest { Name = pipeline.Name, SessionDays = { Day(2027, 1, 10, 9, 17) } }, host.As(Admin)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, outside.StatusCode);
        Assert.Contains("outside the programme's period", outside.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, notImplementing.StatusCode);
        Assert.Contains("not in implementation", notImplementing.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenProgrammesIsDownNothingIsWrittenAndARetryWithTheSameRequestIdSucceedsOnce()
    {
        var created = await host.CreateAsync(NewTraining());
        var add = new AddSessionDayRequest { Name = created.Name, SessionDay = Day(2027, 6, 1, 9, 17), RequestId = Guid.NewGuid().ToString() };

        await host.Peers.StopAsync();
        RpcException down;
        try
        {
            down = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.AddSessionDayAsync(add, host.As(Manager)).ResponseAsync);
        }
        finally
        {
            await host.Peers.StartAsync();
        }

        var unchanged = await host.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = created.Name }, host.As(Manager));
        var added = await host.Trainings.AddSessionDayAsync(add, host.As(Manager));
        var again = await host.Trainings.AddSessionDayAsync(add, host.As(Manager));

        Assert.Equal(StatusCode.Unavailable, down.StatusCode);
        Assert.Contains("Programmes service cannot be reached", down.Detail, StringComparison.Ordinal);
        Assert.Contains("nothing was saved", down.Detail, StringComparison.Ordinal);
        Assert.Empty(unchanged.SessionDays);
        Assert.Equal(created.Etag, unchanged.Etag);
        Assert.Single(added.SessionDays);
        Assert.Equal(added.SessionDays[0].Name, Assert.Single(again.SessionDays).Name);
    }

    [Fact]
    public async Task EachRoleSeesAndChangesOnlyWhatIsItsOwn()
    {
        var vietnamOnly = await host.CreateAsync(NewTraining(quotas: new Quota { Scope = QuotaScope.Country, Key = "VN", Seats = 5 }));
        var other = await host.CreateAsync(NewTraining(OtherProgramme), Admin);
        var get = (string name, TrainingsTestHost h, CallOptions options) => h.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = name }, options);

        var partnerCreate = await Assert.ThrowsAsync<RpcException>(() => host.CreateAsync(NewTraining(), VnPartner));
        var otherManagerEdit = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.CancelTrainingAsync(
            new ChangeTrainingStatusRequest { Name = vietnamOnly.Name, Reason = "no" }, host.As(OtherManager)).ResponseAsync);
        var thaiRead = await Assert.ThrowsAsync<RpcException>(() => get(vietnamOnly.Name, host, host.As(ThaiPartner)).ResponseAsync);
        var funderOther = await Assert.ThrowsAsync<RpcException>(() => get(other.Name, host, host.As(Funder)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, partnerCreate.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherManagerEdit.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, thaiRead.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, funderOther.StatusCode);
        Assert.Equal(vietnamOnly.Name, (await get(vietnamOnly.Name, host, host.As(VnPartner))).Name);
        Assert.Equal(vietnamOnly.Name, (await get(vietnamOnly.Name, host, host.As(Funder))).Name);

        var thaiList = await host.Trainings.ListTrainingsAsync(new ListTrainingsRequest { PageSize = 1000 }, host.As(ThaiPartner));
        var funderList = await host.Trainings.ListTrainingsAsync(new ListTrainingsRequest { PageSize = 1000 }, host.As(Funder));
        Assert.DoesNotContain(thaiList.Trainings, t => t.Name == vietnamOnly.Name);
        Assert.Contains(funderList.Trainings, t => t.Name == vietnamOnly.Name);
        Assert.All(funderList.Trainings, t => Assert.Equal(Programme, t.Programme));
    }

    [Fact]
    public async Task CallsWithoutACallerTokenAreUnauthenticated()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => host.Trainings.ListTrainingsAsync(new ListTrainingsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    private static V1.SessionDay HalfPast(int year, int month, int day, string trainer)
    {
        var d = Day(year, month, day, 12, 13, trainers: trainer);
        d.StartTime.Minutes = 30;
        d.EndTime.Minutes = 30;
        return d;
    }
}
