using CapacityHub.Storage.Sqlite;
using CapacityHub.Trainings.Domain.Learning;
using CapacityHub.Trainings.Domain.Nominations;
using CapacityHub.Trainings.Storage;
using Google.Protobuf.WellKnownTypes;
using NodaTime;
using DomainAssessment = CapacityHub.Trainings.Domain.Learning.Assessment;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>
/// The bulk import path: while the Trainings service is stopped, runs the service's own domain rules
/// (Roster.Nominate/Approve/Book, Training.Confirm/Start/Complete, LearningRecord attendance and
/// assessments, Roster.CloseAttendance) through its own <see cref="TrainingStore.WriteAsync"/> on its SQLite
/// file: one write per training, which saves the nominations, impact cells, reach and facts exactly as
/// the RPCs do. Skipped are only the RPC layer's remote checks with Programmes and Partners, which the
/// setup satisfied (every nominator takes part in every programme).
/// </summary>
public static class BulkEnrolment
{
    private const string Actor = "service:scale-benchmark";

    public static async Task SeedAsync(string databasePath, ScaleWorld world, int perTraining, int totalEnrolments, Action<int> progress)
    {
        await using var store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { Path = databasePath });
        // Declares the service's collections as its start-up does; the schema is already there.
        await store.MigrateAsync(TrainingsCollections.All);
        var trainings = new TrainingStore(store, new ImpactChanges(), new NotificationRepository(store, new CapacityHub.Trainings.Mail.SmtpOptions(), TimeProvider.System));
        var remaining = totalEnrolments;
        for (var t = 0; t < world.Trainings.Count; t++)
        {
            var count = Math.Min(perTraining, remaining);
            remaining -= count;
            var training = world.Trainings[t];
            var index = t;
            await trainings.WriteAsync(training.Id, Actor, aggregate => Enrol(aggregate, world, index, count), CancellationToken.None);
            progress(count);
        }
    }

    private static string Enrol(TrainingAggregate aggregate, ScaleWorld world, int training, int count)
    {
        var roster = aggregate.Roster;
        var start = SystemClock.Instance.GetCurrentInstant();
        var enrolments = new List<Enrolment>(count);
        for (var seat = 0; seat < count; seat++)
        {
            var resource = People.Nomination(world, training, seat);
            resource.Name = TrainingResources.NominationName(aggregate.Id, $"{aggregate.Id}-{seat}");
            // Distinct nomination times keep the waitlist order (and the store's ordering) well defined.
            var at = start + NodaTime.Duration.FromMilliseconds(seat);
            resource.NominateTime = Timestamp.FromDateTimeOffset(at.ToDateTimeOffset());
            var nomination = roster.Nominate($"{aggregate.Id}-{seat}", TrainingResources.Participant(resource.Participant), resource.NominatingOrganisation, at, nominatorParticipates: true);
            enrolments.Add(aggregate.Add(nomination, resource, People.NominatorOf(world, training, seat).TypeLabel));
        }

        foreach (var e in enrolments)
        {
            roster.Approve(e.Id);
            roster.Book(e.Id);
        }

        aggregate.Training.Confirm();
        var days = aggregate.Training.SessionDays;
        // The register is taken after the training, as partners do.
        var afterwards = aggregate.Training.LastEnd!.Value;
        for (var seat = 0; seat < enrolments.Count; seat++)
        {
            var e = enrolments[seat];
            for (var d = 0; d < days.Count; d++)
            {
                e.Learning.RecordAttendance(aggregate.Training, e.Nomination, days[d].Id, People.Present(seat, d), afterwards);
            }

            var (pre, post) = People.Scores(training, seat);
            e.Learning.RecordAssessment(e.Nomination, DomainAssessment.Create(AssessmentKind.Pre, (decimal)pre, (decimal)People.Maximum));
            e.Learning.RecordAssessment(e.Nomination, DomainAssessment.Create(AssessmentKind.Post, (decimal)post, (decimal)People.Maximum));
        }

        aggregate.Training.Start();
        aggregate.Training.Complete();
        // As CompleteTraining does: booked people get their outcome from the register.
        foreach (var e in enrolments)
        {
            var attended = e.Learning.Attendance.Count(a => a.Value);
            roster.CloseAttendance(e.Id, attended, days.Count);
        }

        return "";
    }
}
