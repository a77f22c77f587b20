using CapacityHub.Gateway.Tests.Exports;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;
using static CapacityHub.Gateway.Tests.Data.Scenario;

namespace CapacityHub.Gateway.Tests.Data;

/// <summary>
/// A certificate downloaded from the gateway for a participant who completed a training run end to end over
/// REST: the nominating partner and the managers get the PDF with the participant's name; other partners and
/// funders do not; a participant without a certificate is told why.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class CertificateDownloadTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task TheNominatingPartnerDownloadsTheCertificateOfACompletedParticipant()
    {
        var (training, completed, notCompleted) = await CompletedTrainingAsync();
        var path = $"/api/v1/{completed.Name}:certificate";

        var (status, type, pdf) = await system.DownloadAsync(path, S.ThaiUser);

        Assert.Equal(200, status);
        Assert.Equal("application/pdf", type);
        var text = await PdfText.TextOfAsync(pdf);
        Assert.Contains("สมชาย ใจดี", text, StringComparison.Ordinal);
        Assert.Contains("ThaiCERT", text, StringComparison.Ordinal);
        Assert.Contains(training.Title, text, StringComparison.Ordinal);
        Assert.Contains(S.Programme.Title, text, StringComparison.Ordinal);
        Assert.DoesNotContain("organisations/", text, StringComparison.Ordinal);
        Assert.Equal(200, (await system.DownloadAsync(path, S.Manager)).Status);

        var other = await system.SendAsync(HttpMethod.Get, path, S.MalaysianUser);
        Assert.Equal(403, other.Status);
        Assert.DoesNotContain("สมชาย", other.Body, StringComparison.Ordinal);
        Assert.Equal(403, (await system.DownloadAsync(path, S.FunderUser)).Status);
        var (refused, body) = await system.SendAsync(HttpMethod.Get, $"/api/v1/{notCompleted.Name}:certificate", S.ThaiUser);
        Assert.Equal(400, refused);
        Assert.Contains("No certificate has been issued", body, StringComparison.Ordinal);
    }

    /// <summary>A one-day training with two Thai participants: one attends and passes and gets a certificate, one misses the day.</summary>
    private async Task<(Training Training, Nomination Completed, Nomination NotCompleted)> CompletedTrainingAsync()
    {
        var manager = S.Manager;
        var now = DateTimeOffset.UtcNow;
        var training = await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/trainings?requestId={Guid.NewGuid()}", manager, new Training
        {
            Programme = S.Programme.Name,
            Title = "Malware Analysis Workshop",
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
        foreach (var (name, email) in new[] { ("สมชาย ใจดี", "somchai@thaicert.example"), ("Anan Srisuk", "anan@thaicert.example") })
        {
            var nominated = await system.CallAsync<Nomination>(HttpMethod.Post, $"/api/v1/{training.Name}/nominations?requestId={Guid.NewGuid()}", S.ThaiUser, new Nomination
            {
                NominatingOrganisation = S.ThaiPartner.Name,
                Participant = new Participant { ParticipantId = email, DisplayName = name, Email = email, Organisation = S.ThaiPartner.Name, CountryCode = "TH", Sex = Programmes.V1.Sex.Male, Sector = "CERT" },
            });
            await system.CallAsync<Nomination>(HttpMethod.Post, $"/api/v1/{nominated.Name}:approve", manager, new ChangeNominationStatusRequest());
            people.Add(await system.CallAsync<Nomination>(HttpMethod.Post, $"/api/v1/{nominated.Name}:book", manager, new ChangeNominationStatusRequest()));
        }

        await system.CallAsync<Training>(HttpMethod.Post, $"/api/v1/{training.Name}:confirm", manager, new ChangeTrainingStatusRequest());
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
}
