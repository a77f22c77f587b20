using CapacityHub.ServiceDefaults.Clients;
using Grpc.Core;
using CapacityHub.Trainings.V1;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>
/// Creates trainings through the Trainings service's public API, as a programme manager would: create,
/// schedule two session days in 2027 (alternating Tokyo and Bangkok time), open for nomination.
/// </summary>
public sealed class TrainingSchedule(ServiceChannel trainings, Callers callers, IReadOnlyList<string> managed)
{
    private static readonly string[] Zones = ["Asia/Tokyo", "Asia/Bangkok"];

    public async Task<IReadOnlyList<SeededTraining>> OpenAsync(IReadOnlyList<string> programmes, int count, int seats, int concurrency, string prefix)
    {
        var client = new TrainingService.TrainingServiceClient(trainings);
        var manager = Callers.Manager(managed);
        var opened = new SeededTraining[count];
        await Concurrently.RunAsync(Enumerable.Range(0, count).ToList(), concurrency, async i =>
        {
            var programme = programmes[i % programmes.Count];
            var zone = Zones[i % Zones.Length];
            var now = DateTimeOffset.UtcNow;
            var created = await client.CreateTrainingAsync(new CreateTrainingRequest
            {
                Training = new Training
                {
                    Programme = programme,
                    Title = $"{prefix} training {i + 1}: incident response",
                    Language = "en",
                    Mode = TrainingMode.InPerson,
                    Venue = new Venue { DisplayName = "Regional cyber training centre", City = "Bangkok", CountryCode = "TH", TimeZone = zone },
                    Seats = seats,
                    NominationOpenTime = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
                    NominationDeadline = Timestamp.FromDateTimeOffset(now.AddDays(30)),
                },
                RequestId = $"{prefix}-training-{i}",
            }, callers.As(manager));
            // After the nomination deadline whenever the benchmark runs (a fixed date went stale).
            var first = DateOnly.FromDateTime(now.UtcDateTime).AddDays(60 + (i % 700));
            var scheduled = await client.ScheduleTrainingAsync(new ScheduleTrainingRequest
            {
                Name = created.Name,
                SessionDays = { Day(first), Day(first.AddDays(1)) },
            }, callers.As(manager));
            await client.OpenNominationsAsync(new ChangeTrainingStatusRequest { Name = created.Name }, callers.As(manager));
            opened[i] = new SeededTraining(created.Name, created.Name["trainings/".Length..], programme, [.. scheduled.SessionDays.Select(d => d.Name)]);
        });
        return opened;
    }

    private static SessionDay Day(DateOnly date) => new()
    {
        Date = new Common.V1.Date { Year = date.Year, Month = date.Month, Day = date.Day },
        StartTime = new TimeOfDay { Hours = 9 },
        EndTime = new TimeOfDay { Hours = 17 },
    };
}
