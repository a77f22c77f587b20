using CapacityHub.ServiceDefaults.Clients;
using System.Diagnostics;
using Grpc.Core;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>
/// Seeds through the public write RPCs only, as partners and managers would: Nominate, Approve and Book
/// each nomination (concurrent callers), then per training ConfirmTraining, StartTraining (the register is
/// taken once a training runs), BatchRecordAttendance, BatchRecordAssessments and CompleteTraining. Reports the time of each phase so the
/// full size can be extrapolated from a small run.
/// </summary>
public sealed class GrpcEnrolment(ServiceChannel trainings, Callers callers, ScaleWorld world, int concurrency)
{
    private readonly NominationService.NominationServiceClient nominations = new(trainings);
    private readonly TrainingService.TrainingServiceClient trainingClient = new(trainings);

    public async Task<IReadOnlyList<SeedingPhase>> SeedAsync(int perTraining, int total, Action<int> progress)
    {
        var phases = new List<SeedingPhase>();
        var manager = Callers.Manager(world.AllProgrammes);
        var seats = new List<(int Training, int Seat)>();
        for (var t = 0; t < world.Trainings.Count; t++)
        {
            for (var s = 0; s < perTraining && seats.Count < total; s++)
            {
                seats.Add((t, s));
            }
        }

        var names = new string[seats.Count];
        var clock = Stopwatch.StartNew();
        await Concurrently.RunAsync(Enumerable.Range(0, seats.Count).ToList(), concurrency, async i =>
        {
            var (t, s) = seats[i];
            var nominator = People.NominatorOf(world, t, s);
            var created = await nominations.NominateAsync(new NominateRequest
            {
                Parent = world.Trainings[t].Name,
                Nomination = People.Nomination(world, t, s),
                RequestId = $"scale-nominate-{t}-{s}",
            }, callers.As(Callers.Partner(nominator.Name, nominator.CountryCode)));
            names[i] = created.Name;
            progress(1);
        });
        phases.Add(new("Nominate", seats.Count, clock.Elapsed));

        clock.Restart();
        await Concurrently.RunAsync(Enumerable.Range(0, seats.Count).ToList(), concurrency, async i =>
        {
            await nominations.ApproveNominationAsync(new ChangeNominationStatusRequest { Name = names[i] }, callers.As(manager));
            await nominations.BookNominationAsync(new ChangeNominationStatusRequest { Name = names[i] }, callers.As(manager));
        });
        phases.Add(new("ApproveNomination + BookNomination", 2 * seats.Count, clock.Elapsed));

        clock.Restart();
        var used = seats.Select(s => s.Training).Distinct().ToList();
        await Concurrently.RunAsync(used, concurrency, async t =>
        {
            var training = world.Trainings[t];
            var mine = Enumerable.Range(0, seats.Count).Where(i => seats[i].Training == t).ToList();
            await trainingClient.ConfirmTrainingAsync(new ChangeTrainingStatusRequest { Name = training.Name }, callers.As(manager));
            await trainingClient.StartTrainingAsync(new ChangeTrainingStatusRequest { Name = training.Name }, callers.As(manager));
            var attendance = new BatchRecordAttendanceRequest { Parent = training.Name };
            var assessments = new BatchRecordAssessmentsRequest { Parent = training.Name };
            foreach (var i in mine)
            {
                var seat = seats[i].Seat;
                for (var d = 0; d < training.SessionDays.Count; d++)
                {
                    attendance.Entries.Add(new RecordAttendanceRequest { Name = names[i], SessionDay = training.SessionDays[d], Present = People.Present(seat, d) });
                }

                var (pre, post) = People.Scores(t, seat);
                assessments.Entries.Add(new RecordAssessmentRequest { Name = names[i], Assessment = new Assessment { Kind = AssessmentKind.Pre, Score = pre, Maximum = People.Maximum } });
                assessments.Entries.Add(new RecordAssessmentRequest { Name = names[i], Assessment = new Assessment { Kind = AssessmentKind.Post, Score = post, Maximum = People.Maximum } });
            }

            await nominations.BatchRecordAttendanceAsync(attendance, callers.As(manager));
            await nominations.BatchRecordAssessmentsAsync(assessments, callers.As(manager));
            await trainingClient.CompleteTrainingAsync(new ChangeTrainingStatusRequest { Name = training.Name }, callers.As(manager));
        });
        phases.Add(new("Confirm, Start, BatchRecordAttendance, BatchRecordAssessments, Complete (per training)", 5 * used.Count, clock.Elapsed));
        return phases;
    }
}
