using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>
/// Trainings under their demo keys, scheduled and taken as far through their life as the domain allows today.
/// Every step looks at the stored state first, so an interrupted seeding carries on where it stopped.
/// </summary>
/// <remarks>
/// What is done to each training is decided by <see cref="TrainingSeedPlan"/>.
/// </remarks>
internal sealed class TrainingSeeding(SeedClients clients, DemoCallers callers, DemoDataFile data, DemoParticipants people, TimeProvider clock)
{
    private static readonly Dictionary<string, (string City, string Country)> Places = new(StringComparer.Ordinal)
    {
        ["Asia/Tokyo"] = ("Tokyo", "JP"),
        ["Asia/Bangkok"] = ("Bangkok", "TH"),
        ["Asia/Kuala_Lumpur"] = ("Kuala Lumpur", "MY"),
        ["Asia/Singapore"] = ("Singapore", "SG"),
    };

    public async Task<Training> SeedAsync(DemoProgramme programme, DemoTraining t, DateOnly programmeEnd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var plan = TrainingSeedPlan.For(t, programmeEnd, now);
        var (realDeadline, provisional, catchUp, canOpen) = (plan.RealDeadline, plan.ProvisionalDays, plan.CatchUp, plan.CanOpen);
        var days = t.Days.Select(d => ProtoValues.Day(d[0])).ToList();

        var training = await clients.Trainings.CreateTrainingAsync(new CreateTrainingRequest
        {
            TrainingId = t.Key,
            RequestId = $"demo-seed:training:{t.Key}",
            Training = Definition(programme, t, catchUp ? TrainingSeedPlan.StartOfDay(today.AddDays(7), "UTC") : realDeadline),
        }, Manager(ct));

        if (training.Status == TrainingStatus.Planned && training.SessionDays.Count == 0)
        {
            training = await ScheduleAsync(training, t, catchUp ? provisional : days, ct);
        }

        if (training.Status == TrainingStatus.Planned && canOpen)
        {
            training = await clients.Trainings.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = training.Name, Etag = training.Etag }, Manager(ct));
        }

        if (training.Status == TrainingStatus.OpenForNomination)
        {
            await new NominationSeeding(clients, callers, data, people).NominateAsync(training, t, everyoneBooked: catchUp, ct);
            training = await GetAsync(training.Name, ct);
        }

        if (!catchUp)
        {
            return training;
        }

        if (training.Status == TrainingStatus.OpenForNomination)
        {
            training = await clients.Trainings.ConfirmTrainingAsync(new ChangeTrainingStatusRequest { Name = training.Name, Etag = training.Etag }, Manager(ct));
        }

        if (training.Status == TrainingStatus.Confirmed && !training.SessionDays[0].Date.Equals(ProtoValues.Date(days[0])))
        {
            training = await ScheduleAsync(training, t, days, ct);
            var window = new Training
            {
                Name = training.Name,
                NominationOpenTime = Timestamp.FromDateTimeOffset(TrainingSeedPlan.StartOfDay(ProtoValues.Day(t.NominationsOpen), t.Zone)),
                NominationDeadline = Timestamp.FromDateTimeOffset(realDeadline),
            };
            training = await clients.Trainings.UpdateTrainingAsync(new UpdateTrainingRequest
            {
                Training = window,
                UpdateMask = new FieldMask { Paths = { "nomination_open_time", "nomination_deadline" } },
            }, Manager(ct));
        }

        if (training.Status == TrainingStatus.Confirmed)
        {
            training = await clients.Trainings.StartTrainingAsync(new ChangeTrainingStatusRequest { Name = training.Name, Etag = training.Etag }, Manager(ct));
        }

        if (training.Status == TrainingStatus.InProgress)
        {
            await new LearningSeeding(clients, callers).RecordAsync(training, ct);
            training = await clients.Trainings.CompleteTrainingAsync(new ChangeTrainingStatusRequest { Name = training.Name }, Manager(ct));
        }

        if (training.Status == TrainingStatus.Completed)
        {
            await new LearningSeeding(clients, callers).IssueCertificatesAsync(training, ct);
        }

        return training;
    }

    private CallOptions Manager(CancellationToken ct) => callers.As(callers.Manager, ct);

    private Task<Training> GetAsync(string name, CancellationToken ct) =>
        clients.Trainings.GetTrainingAsync(new GetTrainingRequest { Name = name }, Manager(ct)).ResponseAsync;

    private async Task<Training> ScheduleAsync(Training training, DemoTraining t, IReadOnlyList<DateOnly> dates, CancellationToken ct)
    {
        var request = new ScheduleTrainingRequest { Name = training.Name, Etag = training.Etag };
        var trainers = t.Trainers.Select(n => n.Replace("Trainer:", "", StringComparison.Ordinal).Trim())
            .ToDictionary(n => $"trainers/{Slug(n)}", n => n, StringComparer.Ordinal);
        for (var i = 0; i < t.Days.Count; i++)
        {
            request.SessionDays.Add(new SessionDay
            {
                Name = i < training.SessionDays.Count ? training.SessionDays[i].Name : "",
                Date = ProtoValues.Date(dates[i]),
                StartTime = ProtoValues.Time(t.Days[i][1]),
                EndTime = ProtoValues.Time(t.Days[i][2]),
                TimeZone = t.Zone,
                Room = $"{t.Key}/{Slug(t.Room)}",
                RoomDisplayName = t.Room,
                Trainers = { trainers.Keys },
                TrainerDisplayNames = { trainers },
            });
        }

        return await clients.Trainings.ScheduleTrainingAsync(request, Manager(ct));
    }

    private Training Definition(DemoProgramme programme, DemoTraining t, DateTimeOffset deadline)
    {
        var place = Places.GetValueOrDefault(t.Zone, ("", ""));
        var training = new Training
        {
            Programme = $"programmes/{programme.Key}",
            Title = t.Title,
            Language = t.Language,
            Mode = ProtoValues.Enum<TrainingMode>(t.Mode),
            Venue = new Venue { DisplayName = t.Venue, City = place.Item1, CountryCode = place.Item2, TimeZone = t.Zone },
            Seats = t.Seats,
            WaitlistSize = t.Waitlist,
            NominationOpenTime = Timestamp.FromDateTimeOffset(TrainingSeedPlan.StartOfDay(ProtoValues.Day(t.NominationsOpen), t.Zone)),
            NominationDeadline = Timestamp.FromDateTimeOffset(deadline),
            EligibilityNotes = "Nominees work in incident response, forensics, policy or OT security at a participating organisation.",
        };
        training.Topics.AddRange(t.Topics);
        training.Quotas.AddRange(programme.Recipients.Select(c => new Quota { Scope = QuotaScope.Country, Key = c, Seats = t.QuotaPerCountry }));
        return training;
    }

    private static string Slug(string text) =>
        string.Join('-', text.ToLowerInvariant().Split([' ', '(', ')', '.', ',', '/'], StringSplitOptions.RemoveEmptyEntries));
}
