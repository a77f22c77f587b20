using CapacityHub.Trainings.Domain;
using CapacityHub.Trainings.Domain.Outcomes;
using NodaTime;

namespace CapacityHub.Trainings.Tests.Domain;

public class OutcomeReportTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 7, 10, 2, 0);

    private static OutcomeReport Draft(OutcomeReportContent? content = null) => new(
        "r-1", "programmes/asean-japan", "organisations/thaicert",
        new ReportingPeriod(new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 30)), new LocalDate(2026, 7, 31),
        content ?? new OutcomeReportContent { IndicatorValues = [new IndicatorValue("ind-1", 12, Female: 5, Male: 7)], Narrative = "Two exercises held." },
        "partner@thaicert", Now);

    [Fact]
    public void HappyPathIsAuditedStepByStep()
    {
        var report = Draft();
        report.Submit("partner@thaicert", Now + Duration.FromHours(1));
        report.Approve("manager@mofa", Now + Duration.FromDays(2));

        Assert.Equal(OutcomeReportStatus.Approved, report.Status);
        Assert.Equal(["created", "submitted", "approved"], report.Audit.Select(a => a.Action));
        Assert.Equal("manager@mofa", report.Audit[^1].Actor);
        Assert.True(report.SubmittedOnTime(TestData.Tokyo));
    }

    [Fact]
    public void ApprovedReportIsReadOnlyUntilReopenedWithAReason()
    {
        var report = Draft();
        report.Submit("p", Now);
        report.Approve("m", Now);
        var changed = new OutcomeReportContent { Narrative = "edited" };

        Assert.Contains("read-only", Assert.Throws<DomainRuleException>(() => report.Update(changed, "p", Now)).Message);
        Assert.Throws<DomainValidationException>(() => report.Reopen("m", Now, ""));

        report.Reopen("m", Now, "Indicator 1 double-counted a participant");
        report.Update(changed, "p", Now);

        Assert.Equal(OutcomeReportStatus.Draft, report.Status);
        Assert.Equal("edited", report.Content.Narrative);
        var reopen = report.Audit.Single(a => a.Action == "reopened");
        Assert.Equal("Indicator 1 double-counted a participant", reopen.Note);
    }

    [Fact]
    public void ReturnedReportCanBeFixedAndResubmittedButKeepsFirstSubmissionTime()
    {
        var report = Draft();
        report.Submit("p", Now);
        Assert.Throws<DomainRuleException>(() => report.Update(new OutcomeReportContent { Narrative = "x" }, "p", Now));
        Assert.Throws<DomainValidationException>(() => report.Return("m", Now, " "));
        report.Return("m", Now, "Add evidence");
        report.Update(new OutcomeReportContent { Narrative = "x", EvidenceLinks = ["https://thaicert.example/report.pdf"] }, "p", Now);
        report.Submit("p", Now + Duration.FromDays(40));

        Assert.Equal(OutcomeReportStatus.Submitted, report.Status);
        Assert.Equal(Now, report.FirstSubmittedAt);
    }

    [Theory]
    [InlineData(OutcomeReportStatus.Draft, "Approve")]
    [InlineData(OutcomeReportStatus.Draft, "Return")]
    [InlineData(OutcomeReportStatus.Draft, "Reopen")]
    [InlineData(OutcomeReportStatus.Approved, "Submit")]
    public void TransitionsNotInTheLifecycleAreRefused(OutcomeReportStatus status, string action)
    {
        var report = Draft();
        if (status == OutcomeReportStatus.Approved)
        {
            report.Submit("p", Now);
            report.Approve("m", Now);
        }

        Action act = action switch
        {
            "Approve" => () => report.Approve("m", Now),
            "Return" => () => report.Return("m", Now, "why"),
            "Reopen" => () => report.Reopen("m", Now, "why"),
            _ => () => report.Submit("p", Now),
        };

        Assert.Throws<DomainRuleException>(act);
        Assert.Equal(status, report.Status);
    }

    [Fact]
    public void EmptyReportCannotBeSubmitted()
    {
        var report = Draft(new OutcomeReportContent());
        Assert.Contains("at least one indicator value or a narrative", Assert.Throws<DomainRuleException>(() => report.Submit("p", Now)).Message);
    }

    [Fact]
    public void ContentValidationNamesEachBadField()
    {
        var content = new OutcomeReportContent
        {
            IndicatorValues = [new IndicatorValue("ind-1", 3, Female: 2, Male: 2), new IndicatorValue("ind-1", 1)],
            EvidenceLinks = ["ftp://files.example/x", "https://ok.example/y", "relative/path"],
        };

        var error = Assert.Throws<DomainValidationException>(() => Draft(content));

        Assert.Equal(["evidence_links[0]", "evidence_links[2]", "indicator_values[0]", "indicator_values[1].indicator_id"], error.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void LateFirstSubmissionIsNotOnTime()
    {
        var report = Draft();
        // 17:30 UTC on 31 July is already 00:30 on 1 August in Bangkok: late there, on time in UTC.
        report.Submit("p", Instant.FromUtc(2026, 7, 31, 17, 30));
        Assert.False(report.SubmittedOnTime(DateTimeZoneProviders.Tzdb["Asia/Bangkok"]));
        Assert.True(report.SubmittedOnTime(DateTimeZone.Utc));
    }
}
