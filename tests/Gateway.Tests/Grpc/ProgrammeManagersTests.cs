using CapacityHub.Common.V1;
using CapacityHub.Programmes.V1;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Gateway.Tests.Grpc;

/// <summary>
/// Programme management rights come from the Programmes service's managers list, whatever the manager's own
/// bearer token lists: the creator manages its programme in Trainings and the dashboard too, and a token
/// naming a programme whose record does not name the user grants nothing.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class ProgrammeManagersTests(RunningSystem system)
{
    [Fact]
    public async Task TheCreatingManagerSchedulesTrainingsAndReadsImpactOfItsNewProgramme()
    {
        var creator = new CallerIdentity("mgr-creator-" + Guid.NewGuid().ToString("N")[..6], "Creator", CallerRole.ProgrammeManager, null, "JP", []);
        var asCreator = RunningSystem.As(system.TokenFor(creator));
        var programmes = new ProgrammeService.ProgrammeServiceClient(system.Channel);
        var created = await programmes.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = NewProgramme(), RequestId = Guid.NewGuid().ToString("N") }, asCreator);
        Assert.Equal([creator.Subject], created.Managers);
        await programmes.StartImplementationAsync(new ChangeProgrammeStatusRequest { Name = created.Name, EffectiveDate = new Date { Year = 2026, Month = 1, Day = 5 } }, asCreator);

        var trainings = new TrainingService.TrainingServiceClient(system.Channel);
        var training = await trainings.CreateTrainingAsync(new CreateTrainingRequest { Training = NewTraining(created.Name), RequestId = Guid.NewGuid().ToString("N") }, asCreator);
        var listed = await trainings.ListTrainingsAsync(new ListTrainingsRequest { PageSize = 100 }, asCreator);
        var impact = await new ImpactService.ImpactServiceClient(system.Channel).GetImpactMetricsAsync(new GetImpactMetricsRequest { Programmes = { created.Name } }, asCreator);

        Assert.Equal(created.Name, training.Programme);
        Assert.Contains(listed.Trainings, t => t.Name == training.Name);
        Assert.False(impact.SuppressionApplied);
    }

    [Fact]
    public async Task ATokenNamingAProgrammeGrantsNothingWhenTheRecordDoesNotNameTheUser()
    {
        var admin = RunningSystem.As(await system.TokenAsync("admin"));
        var programmes = new ProgrammeService.ProgrammeServiceClient(system.Channel);
        var created = await programmes.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = NewProgramme(), RequestId = Guid.NewGuid().ToString("N") }, admin);
        await programmes.StartImplementationAsync(new ChangeProgrammeStatusRequest { Name = created.Name, EffectiveDate = new Date { Year = 2026, Month = 1, Day = 5 } }, admin);
        var claimant = new CallerIdentity("mgr-claimant", "Claimant", CallerRole.ProgrammeManager, null, "JP", [created.Name["programmes/".Length..]]);

        var trainings = new TrainingService.TrainingServiceClient(system.Channel);
        var error = await Assert.ThrowsAsync<RpcException>(() => trainings.CreateTrainingAsync(
            new CreateTrainingRequest { Training = NewTraining(created.Name), RequestId = Guid.NewGuid().ToString("N") }, RunningSystem.As(system.TokenFor(claimant))).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private static Programme NewProgramme() => new()
    {
        Code = "MGR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
        Title = "Programme of a new manager",
        PlannedPeriod = new DateRange { StartDate = new Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Date { Year = 2028, Month = 12, Day = 31 } },
        Themes = { GfceTheme.CyberCultureAndSkills },
        RecipientCountries = { "TH" },
    };

    private static Training NewTraining(string programme) => new()
    {
        Programme = programme,
        Title = "Incident response fundamentals",
        Language = "en",
        Mode = TrainingMode.InPerson,
        Venue = new Venue { DisplayName = "Training Centre", City = "Tokyo", CountryCode = "JP", TimeZone = "Asia/Tokyo" },
        Seats = 20,
        WaitlistSize = 5,
        NominationOpenTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        NominationDeadline = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
    };
}
