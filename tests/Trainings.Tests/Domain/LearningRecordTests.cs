using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Learning;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Domain;

public class LearningRecordTests
{
    private readonly Training _training = TestData.OpenTraining();
    private readonly Roster _roster;
    private readonly Nomination _booked;

    public LearningRecordTests()
    {
        _roster = new Roster(_training, []);
        _booked = _roster.Nominate("n-1", TestData.Person("p-1"), "organisations/vncert", TestData.DuringWindow, true);
        _roster.Approve("n-1");
        _roster.Book("n-1");
        _training.Confirm();
        _training.Start();
    }

    [Theory]
    [InlineData(-1, 10, "assessment.score")]
    [InlineData(11, 10, "assessment.score")]
    [InlineData(5, 0, "assessment.maximum")]
    public void InvalidScoresAreRejected(double score, double maximum, string field)
    {
        var error = Assert.Throws<DomainValidationException>(() => Assessment.Create(AssessmentKind.Post, (decimal)score, (decimal)maximum));
        Assert.Contains(error.Errors, e => e.Field == field);
    }

    [Fact]
    public void PreAndPostMustShareTheirMaximum()
    {
        var record = new LearningRecord("n-1");
        record.RecordAssessment(_booked, Assessment.Create(AssessmentKind.Pre, 40, 100));

        var error = Assert.Throws<DomainValidationException>(() => record.RecordAssessment(_booked, Assessment.Create(AssessmentKind.Post, 8, 10)));
        Assert.Contains("pre-test maximum (100)", error.Errors[0].Description);

        record.RecordAssessment(_booked, Assessment.Create(AssessmentKind.Practical, 8, 10));
        Assert.Equal(2, record.Assessments.Count);
    }

    [Fact]
    public void OnlyEnrolledParticipantsHaveRecords()
    {
        var waiting = _roster.Nominations.Count; // keep the roster in use
        Assert.Equal(1, waiting);
        var notBooked = Nomination.Restore("n-2", "t-1", TestData.Person("p-2"), "organisations/vncert", TestData.DuringWindow, NominationStatus.Waitlisted, "");

        var error = Assert.Throws<DomainRuleException>(() => new LearningRecord("n-2").RecordAssessment(notBooked, Assessment.Create(AssessmentKind.Pre, 1, 10)));
        Assert.Contains("waitlisted", error.Message);
    }

    [Fact]
    public void BeforeTheTrainingIsStartedOnlyDaysThatHaveBegunTakeAttendance()
    {
        var training = TestData.OpenTraining();
        var roster = new Roster(training, []);
        var booked = roster.Nominate("n-1", TestData.Person("p-1"), "organisations/vncert", TestData.DuringWindow, true);
        roster.Approve("n-1");
        roster.Book("n-1");
        training.Confirm();
        var record = new LearningRecord("n-1");
        // 2 March 2026, 10:00 in Tokyo: the first day (09:00-17:00) has begun, the second (3 March) has not.
        var duringDayOne = Instant.FromUtc(2026, 3, 2, 1, 0);

        var early = Assert.Throws<DomainRuleException>(() => record.RecordAttendance(training, booked, "d-1", true, TestData.DuringWindow));
        record.RecordAttendance(training, booked, "d-1", true, duringDayOne);
        var ahead = Assert.Throws<DomainRuleException>(() => record.RecordAttendance(training, booked, "d-2", true, duringDayOne));
        training.Start();
        record.RecordAttendance(training, booked, "d-2", true, duringDayOne);

        Assert.Contains("2026-03-02 09:00 Asia/Tokyo", early.Message, StringComparison.Ordinal);
        Assert.Contains("once it has begun", ahead.Message, StringComparison.Ordinal);
        Assert.Equal(2, record.DaysAttended);
    }

    [Fact]
    public void AttendanceIsPerSessionDayOfTheTraining()
    {
        var record = new LearningRecord("n-1");
        record.RecordAttendance(_training, _booked, "d-1", present: true, TestData.AfterTheTraining);
        record.RecordAttendance(_training, _booked, "d-2", present: true, TestData.AfterTheTraining);
        record.RecordAttendance(_training, _booked, "d-2", present: false, TestData.AfterTheTraining); // correction

        Assert.Equal(1, record.DaysAttended);
        var error = Assert.Throws<DomainValidationException>(() => record.RecordAttendance(_training, _booked, "d-99", true, TestData.AfterTheTraining));
        Assert.Equal("session_day_id", error.Errors[0].Field);
    }

    [Theory]
    [InlineData(2, 70, true)]   // full attendance, passed
    [InlineData(1, 90, false)]  // 50% attendance is under the 80% threshold
    [InlineData(2, 50, false)]  // failed the post-test (pass mark 60%)
    [InlineData(2, 60, true)]   // exactly the pass mark passes
    public void CompletionNeedsAttendanceThresholdAndPass(int daysAttended, int postScore, bool completed)
    {
        var record = new LearningRecord("n-1");
        for (var i = 1; i <= daysAttended; i++)
        {
            record.RecordAttendance(_training, _booked, $"d-{i}", true, TestData.AfterTheTraining);
        }

        record.RecordAssessment(_booked, Assessment.Create(AssessmentKind.Post, postScore, 100));

        Assert.Equal(completed, record.Completion(2, CompletionPolicy.Default).Completed);
    }

    [Fact]
    public void WithoutAssessmentsCompletionDependsOnThePolicy()
    {
        var record = new LearningRecord("n-1");
        record.RecordAttendance(_training, _booked, "d-1", true, TestData.AfterTheTraining);
        record.RecordAttendance(_training, _booked, "d-2", true, TestData.AfterTheTraining);

        Assert.False(record.Completion(2, CompletionPolicy.Default).Completed);
        Assert.True(record.Completion(2, CompletionPolicy.Default with { RequiresAssessment = false }).Completed);
    }

    [Fact]
    public void CertificateOnlyForCompletersOfACompletedTraining()
    {
        var record = new LearningRecord("n-1");
        record.RecordAttendance(_training, _booked, "d-1", true, TestData.AfterTheTraining);
        record.RecordAssessment(_booked, Assessment.Create(AssessmentKind.Post, 90, 100));
        var now = Instant.FromUtc(2026, 3, 4, 0, 0);

        Assert.Contains("once the training is completed", Assert.Throws<DomainRuleException>(() => record.IssueCertificate(_training, _booked, CompletionPolicy.Default, now)).Message);
        _training.Complete();
        Assert.Contains("attended 1 of 2 days", Assert.Throws<DomainRuleException>(() => record.IssueCertificate(_training, _booked, CompletionPolicy.Default, now)).Message);

        record.RecordAttendance(_training, _booked, "d-2", true, TestData.AfterTheTraining);
        var certificate = record.IssueCertificate(_training, _booked, CompletionPolicy.Default, now);
        var again = record.IssueCertificate(_training, _booked, CompletionPolicy.Default, now + Duration.FromDays(1));

        Assert.Equal("t-1-n-1", certificate.Number);
        Assert.Same(certificate, again);
    }

    [Fact]
    public void EvaluationsAreValidated()
    {
        Assert.Equal(2, Assert.Throws<DomainValidationException>(() => ReactionEvaluation.Create(0, 6)).Errors.Count);
        Assert.True(ReactionEvaluation.Create(3, 4).FindsRelevant);
        Assert.False(ReactionEvaluation.Create(5, 3).FindsRelevant);

        var end = _training.LastEnd!.Value;
        Assert.Throws<DomainRuleException>(() => BehaviourFollowUp.Create(FollowUpPoint.ThreeMonths, true, end + Duration.FromDays(30), end, ""));
        var followUp = BehaviourFollowUp.Create(FollowUpPoint.ThreeMonths, true, end + Duration.FromDays(85), end, " Wrote the incident playbook ");
        Assert.Equal("Wrote the incident playbook", followUp.Example);
    }
}
