using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Domain.Scheduling;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Domain;

public class RosterTests
{
    private static Instant At(int minutes) => TestData.DuringWindow + Duration.FromMinutes(minutes);

    private static Nomination Nominate(Roster roster, string id, int minute, string country = "VN", string organisation = "organisations/vncert") =>
        roster.Nominate(id, TestData.Person($"p-{id}", country), organisation, At(minute), nominatorParticipates: true);

    [Fact]
    public void NominationsOutsideTheWindowAreRefused()
    {
        var roster = new Roster(TestData.OpenTraining(), []);

        var early = Assert.Throws<DomainRuleException>(() => roster.Nominate("n", TestData.Person("p"), "organisations/vncert", TestData.WindowOpens - Duration.FromSeconds(1), true));
        var late = Assert.Throws<DomainRuleException>(() => roster.Nominate("n", TestData.Person("p"), "organisations/vncert", TestData.Deadline, true));

        Assert.Contains("open at", early.Message);
        Assert.Contains("deadline passed", late.Message);
        Assert.Empty(roster.Nominations);
    }

    [Fact]
    public void TrainingNotOpenRefusesNominations()
    {
        var training = new Training("t-1", TestData.Definition());
        var error = Assert.Throws<DomainRuleException>(() => new Roster(training, []).Nominate("n", TestData.Person("p"), "o", TestData.DuringWindow, true));
        Assert.Contains("planned, not open for nomination", error.Message);
    }

    [Fact]
    public void OnlyParticipatingOrganisationsNominate()
    {
        var roster = new Roster(TestData.OpenTraining(), []);
        var error = Assert.Throws<DomainRuleException>(() => roster.Nominate("n", TestData.Person("p"), "organisations/stranger", TestData.DuringWindow, nominatorParticipates: false));
        Assert.Contains("does not participate", error.Message);
    }

    [Fact]
    public void SamePersonCannotBeNominatedTwiceUnlessTheFirstWasWithdrawn()
    {
        var roster = new Roster(TestData.OpenTraining(), []);
        Nominate(roster, "a", 0);

        Assert.Throws<DomainRuleException>(() => Nominate(roster, "a", 1));

        roster.Withdraw("a", "changed jobs");
        roster.Nominate("a2", TestData.Person("p-a"), "organisations/vncert", At(2), true);
        Assert.Equal(2, roster.Nominations.Count);
    }

    [Fact]
    public void CountryQuotaCountsLiveNominationsOnly()
    {
        var roster = new Roster(TestData.OpenTraining(quotas: new Quota(QuotaScope.Country, "VN", 2)), []);
        Nominate(roster, "a", 0);
        Nominate(roster, "b", 1);
        Nominate(roster, "th", 2, country: "TH");

        var error = Assert.Throws<DomainRuleException>(() => Nominate(roster, "c", 3));
        Assert.Contains("country VN is used up (2 of 2", error.Message);

        roster.Decline("b", "not eligible");
        Nominate(roster, "c", 4);
        Assert.Equal(4, roster.Nominations.Count);
    }

    [Fact]
    public void OrganisationQuotaAppliesToTheNominatingOrganisation()
    {
        var roster = new Roster(TestData.OpenTraining(quotas: new Quota(QuotaScope.Organisation, "organisations/mycert", 1)), []);
        Nominate(roster, "a", 0, country: "MY", organisation: "organisations/mycert");

        Assert.Throws<DomainRuleException>(() => Nominate(roster, "b", 1, country: "MY", organisation: "organisations/mycert"));
        Nominate(roster, "c", 2, country: "MY", organisation: "organisations/nacsa");
    }

    [Fact]
    public void ApprovalOverCapacityGoesToTheWaitlistUntilItIsFull()
    {
        var roster = new Roster(TestData.OpenTraining(seats: 2, waitlist: 1), []);
        foreach (var (id, minute) in new[] { ("a", 0), ("b", 1), ("c", 2), ("d", 3) })
        {
            Nominate(roster, id, minute);
        }

        roster.Approve("a");
        roster.Approve("b");
        var waitlisted = Assert.Single(roster.Approve("c"));

        Assert.Equal(NominationStatus.Waitlisted, waitlisted.Status);
        Assert.Equal(2, roster.SeatsTaken);
        var error = Assert.Throws<DomainRuleException>(() => roster.Approve("d"));
        Assert.Contains("so is its waitlist", error.Message);
        Assert.Equal(NominationStatus.Nominated, roster.Find("d").Status);
    }

    [Fact]
    public void WithdrawalPromotesTheEarliestNominatedWaitlistedPersonAtOnce()
    {
        var roster = new Roster(TestData.OpenTraining(seats: 1, waitlist: 3), []);
        Nominate(roster, "holder", 0);
        Nominate(roster, "late", 10);
        Nominate(roster, "early", 5);
        roster.Approve("holder");
        roster.Book("holder");
        roster.Approve("late");   // waitlisted first...
        roster.Approve("early");  // ...but nominated earlier

        var changed = roster.Withdraw("holder", "cannot travel");

        Assert.Equal(["holder", "early"], changed.Select(n => n.Id));
        Assert.Equal(NominationStatus.Withdrawn, roster.Find("holder").Status);
        Assert.Equal(NominationStatus.Approved, roster.Find("early").Status);
        Assert.Equal("promoted from the waitlist", roster.Find("early").Note);
        Assert.Equal(NominationStatus.Waitlisted, roster.Find("late").Status);
    }

    [Fact]
    public void ReleasingANominationWithoutASeatPromotesNobody()
    {
        var roster = new Roster(TestData.OpenTraining(seats: 1, waitlist: 3), []);
        Nominate(roster, "a", 0);
        Nominate(roster, "b", 1);
        Nominate(roster, "c", 2);
        roster.Approve("a");
        roster.Approve("b");
        roster.Approve("c");

        var changed = roster.Cancel("b", "duplicate");

        Assert.Single(changed);
        Assert.Equal(NominationStatus.Waitlisted, roster.Find("c").Status);
    }

    [Fact]
    public void AttendanceOutcomeFollowsTheRegisterAfterTheEvent()
    {
        var training = TestData.OpenTraining();
        var roster = new Roster(training, []);
        foreach (var id in new[] { "full", "part", "none" })
        {
            Nominate(roster, id, 0);
            roster.Approve(id);
            roster.Book(id);
        }

        Assert.Throws<DomainRuleException>(() => roster.CloseAttendance("full", 2, 2));
        training.Confirm();
        training.Start();

        roster.CloseAttendance("full", 2, 2);
        roster.CloseAttendance("part", 1, 2);
        roster.CloseAttendance("none", 0, 2);
        Assert.Throws<DomainValidationException>(() => roster.CloseAttendance("full", 3, 2));

        Assert.Equal(NominationStatus.FullyAttended, roster.Find("full").Status);
        Assert.Equal(NominationStatus.PartiallyAttended, roster.Find("part").Status);
        Assert.Equal(NominationStatus.NoShow, roster.Find("none").Status);
        Assert.Throws<DomainRuleException>(() => roster.Withdraw("full", "too late"));
    }

    [Fact]
    public void UnknownNominationIsNotFound()
    {
        var roster = new Roster(TestData.OpenTraining(), []);
        Assert.Equal("nope", Assert.Throws<NominationNotFoundException>(() => roster.Approve("nope")).NominationId);
    }

    [Fact]
    public void InvalidParticipantReportsFields()
    {
        var roster = new Roster(TestData.OpenTraining(), []);
        var person = TestData.Person("p") with { Email = "not-an-email", CountryCode = "vn" };

        var error = Assert.Throws<DomainValidationException>(() => roster.Nominate("n", person, "o", TestData.DuringWindow, true));

        Assert.Equal(["participant.country_code", "participant.email"], error.Errors.Select(e => e.Field).Order());
    }

    [Theory]
    [InlineData(NominationStatus.Nominated, NominationStatus.Booked, false)]
    [InlineData(NominationStatus.Nominated, NominationStatus.Approved, true)]
    [InlineData(NominationStatus.Waitlisted, NominationStatus.Approved, true)]
    [InlineData(NominationStatus.Approved, NominationStatus.Booked, true)]
    [InlineData(NominationStatus.Approved, NominationStatus.FullyAttended, false)]
    [InlineData(NominationStatus.Booked, NominationStatus.NoShow, true)]
    [InlineData(NominationStatus.Declined, NominationStatus.Approved, false)]
    [InlineData(NominationStatus.Withdrawn, NominationStatus.Booked, false)]
    [InlineData(NominationStatus.FullyAttended, NominationStatus.Withdrawn, false)]
    public void NominationTransitions(NominationStatus from, NominationStatus to, bool allowed) =>
        Assert.Equal(allowed, NominationLifecycle.CanMove(from, to));

    [Fact]
    public void ACompletedTrainingKeepsTheSeatsItsParticipantsTook()
    {
        var training = TestData.OpenTraining(seats: 10);
        var roster = new Roster(training, []);
        foreach (var id in new[] { "a", "b", "c" })
        {
            roster.Nominate(id, TestData.Person(id, "VN", Sex.Female), "organisations/vncert", TestData.DuringWindow, true);
            roster.Approve(id);
            roster.Book(id);
        }

        training.Confirm();
        training.Start();
        roster.CloseAttendance("a", 2, 2);
        roster.CloseAttendance("b", 1, 2);
        roster.CloseAttendance("c", 0, 2);

        Assert.Equal(3, roster.SeatsTaken);
    }
}
