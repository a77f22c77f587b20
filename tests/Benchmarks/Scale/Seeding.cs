using CapacityHub.ServiceDefaults.Clients;
using System.Diagnostics;
using CapacityHub.LocalRun;
using Grpc.Core;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>
/// Builds the seeded system on a running <see cref="LocalSystem"/>: partners and programmes, the trainings
/// (all through gRPC), then the enrolments through gRPC or the bulk path, timing every phase.
/// </summary>
public sealed class Seeding(LocalSystem system, Callers callers, ScaleOptions options, string dataFolder)
{
    public async Task<ScaleWorld> RunAsync()
    {
        using var partners = ServiceChannels.Open(system["partners"].GrpcAddress);
        using var programmes = ServiceChannels.Open(system["programmes"].GrpcAddress);
        var phases = new List<SeedingPhase>();
        var clock = Stopwatch.StartNew();
        var (funder, nominators, funded, probeProgramme) = await new PartnersAndProgrammes(partners, programmes, callers).CreateAsync(options.Programmes);
        phases.Add(new("CreateOrganisation, CreateProgramme + StartImplementation", nominators.Count + 2 + (2 * (funded.Count + 1)), clock.Elapsed));

        ScaleWorld world;
        using (var trainings = ServiceChannels.Open(system["trainings"].GrpcAddress))
        {
            var schedule = new TrainingSchedule(trainings, callers, [.. funded, probeProgramme]);
            clock.Restart();
            var seeded = await schedule.OpenAsync(funded, options.Trainings, options.EnrolmentsPerTraining, options.Concurrency, "scale");
            phases.Add(new("CreateTraining + ScheduleTraining + OpenNominations", 3 * options.Trainings, clock.Elapsed));
            var probes = await schedule.OpenAsync([probeProgramme], 10, options.ProbeNominations + 10, options.Concurrency, "probe");
            world = new ScaleWorld(funder, nominators, funded, probeProgramme, seeded, probes, options.Enrolments, options.Seed, phases);
            Log.Line($"{seeded.Count} trainings open in {funded.Count} programmes; enrolling {options.Enrolments:N0} ({options.Seed})");

            var progress = new Progress(options.Enrolments);
            clock.Restart();
            if (options.Seed == "grpc")
            {
                phases.AddRange(await new GrpcEnrolment(trainings, callers, world, options.Concurrency).SeedAsync(options.EnrolmentsPerTraining, options.Enrolments, progress.Add));
                return world;
            }
        }

        // The service's store is a single-writer SQLite file: stop the service, write, start it again.
        await system.Process("trainings").StopAsync(TimeSpan.FromSeconds(30));
        await BulkEnrolment.SeedAsync(Path.Combine(dataFolder, "trainings.db"), world, options.EnrolmentsPerTraining, options.Enrolments, new Progress(options.Enrolments).Add);
        phases.Add(new("Bulk, enrolments: nominate, approve, book, attendance, pre/post scores, complete (one TrainingStore write per training)", options.Enrolments, clock.Elapsed));
        clock.Restart();
        await system.StartServiceAsync("trainings");
        Log.Line($"trainings service restarted on the seeded file in {clock.Elapsed.TotalSeconds:N1} s");
        return world;
    }
}
