using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using static CapacityHub.Gateway.Tests.Data.Scenario;

namespace CapacityHub.Gateway.Tests.Data;

/// <summary>A training run end to end over REST, for the tests that need a participant with a certificate.</summary>
public static class CompletedTraining
{
    /// <summary>A one-day training with two Thai participants: one attends and passes and gets a certificate, one misses the day.</summary>
    public static async Task<(Training Training, Nomination Completed, Nomination NotCompleted)> CreateAsync(RunningSystem system, string title)
    {
        var manager = system.Scenario.Manager;
        var (training, people) = await ConfirmedAsync(system, title);
        training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:start", manager, new ChangeTrainingStatusRequest());
        var day = training.SessionDays[0].Name;
        await system.CallAsync<BatchRecordAttendanceResponse>(HttpMethod.Post, $"/api/v1/{training.Name}/nominations:batchRecordAttendance", manager, new BatchRecordAttendanceRequest
        {
            Entries =
            {
                new RecordAttendanceRequest { Name = people[0].Name, SessionDay = day, Present = true },
                new RecordAttendanceRequest { Name = people[1].Name, SessionDay = day, Present = false },
            },
        });
        var scores = new BatchRecordAssessmentsRequest();
        foreach (var (kind, score) in new[] { (AssessmentKind.Pre, 40.0), (AssessmentKind.Post, 85.0), (AssessmentKind.Practical, 80.0) })
        {
            scores.Entries.Add(new RecordAssessmentRequest { Name = people[0].Name, Assessment = new Assessment { Kind = kind, Score = score, Maximum = 100 } });
        }

        await system.CallAsync<BatchRecordAssessmentsResponse>(HttpMethod.Post, $"/api/v1/{training.Name}/nominations:batchRecordAssessments", manager, scores);
        training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:complete", manager, new ChangeTrainingStatusRequest());
        await system.CallAsync<Certificate>(HttpMethod.Post, $"/api/v1/{people[0].Name}:issueCertificate", manager, new IssueCertificateRequest());
        return (training, people[0], people[1]);
    }

    /// <summary>The same training confirmed with its two participants booked; its day (1 March 2027) has not begun.</summary>
    public static async Task<(Training Training, IReadOnlyList<Nomination> People)> ConfirmedAsync(RunningSystem system, string title, string first = "สมชาย ใจดี", string second = "Anan Srisuk")
    {
        var scenario = system.Scenario;
        var manager = scenario.Manager;
        var now = DateTimeOffset.UtcNow;
        var training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/trainings?requestId={Guid.NewGuid()}", manager, new Training
        {
            Programme = scenario.Programme.Name,
            Title = title,
            Language = "en",
            Mode = TrainingMode.InPerson,
            Venue = new Venue { DisplayName = "ETDA Training Centre", City = "Bangkok", CountryCode = "TH", TimeZone = "Asia/Bangkok" },
            Seats = 10,
            WaitlistSize = 2,
            NominationOpenTime = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
            NominationDeadline = Timestamp.FromDateTimeOffset(now.AddDays(20)),
        });
        training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:schedule", manager, new ScheduleTrainingRequest
        {
            SessionDays = { new SessionDay { Date = D(2027, 3, 1), StartTime = new TimeOfDay { Hours = 9 }, EndTime = new TimeOfDay { Hours = 17 }, Room = $"etda-bkk/room-{Guid.NewGuid():N}" } },
        });
        await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:openNominations", manager, new ChangeTrainingStatusRequest());
        var people = new List<Nomination>();
        // Fresh addresses each run: the same person booked twice on one day would be a participant clash.
        var run = Guid.NewGuid().ToString("N")[..8];
        foreach (var (name, email) in new[] { (first, $"first.{run}@thaicert.example"), (second, $"second.{run}@thaicert.example") })
        {
            var nominated = await system.CallAsync<Nomination>(HttpMethod.Post, $"/api/v1/{training.Name}/nominations?requestId={Guid.NewGuid()}", scenario.ThaiUser, new Nomination
            {
                NominatingOrganisation = scenario.ThaiPartner.Name,
                Participant = new Participant { ParticipantId = email, DisplayName = name, Email = email, Organisation = scenario.ThaiPartner.Name, CountryCode = "TH", Sex = Programmes.V1.Sex.Male, Sector = "CERT" },
            });
            await system.CallAsync<Nomination>(HttpMethod.Post, $"/api/v1/{nominated.Name}:approve", manager, new ChangeNominationStatusRequest());
            people.Add(await system.CallAsync<Nomination>(HttpMethod.Post, $"/api/v1/{nominated.Name}:book", manager, new ChangeNominationStatusRequest()));
        }

        training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:confirm", manager, new ChangeTrainingStatusRequest());
        return (training, people);
    }
}
