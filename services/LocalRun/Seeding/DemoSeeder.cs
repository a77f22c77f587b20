using Grpc.Core;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>What the seeder entered, for the run command to print.</summary>
/// <remarks><see cref="ShiftedWeeks"/> is how far the demo file's current activity was moved to stand to today as it stood to as_of.</remarks>
public sealed record SeedSummary(int Organisations, int Programmes, int Trainings, int OutcomeReports, bool AlreadySeeded, int ShiftedWeeks = 0);

/// <summary>
/// Enters services/DemoData/demo-data.json into a freshly started local system through the services' own
/// gRPC APIs, as the people who would enter it. Runs once per data folder: a marker file is written only
/// after everything went in, and every create carries a request id derived from the data, so a seeding
/// that was interrupted simply runs again and fills in what is missing without duplicating anything.
/// The clock decides today, once per data folder, for moving the demo's dates (<see cref="DemoDateShift"/>).
/// </summary>
public sealed class DemoSeeder(string repositoryRoot, string dataFolder, string callerTokenKey, TimeProvider? clock = null)
{
    public const string MarkerFile = "demo-data-seeded";

    public string Marker => Path.Combine(dataFolder, MarkerFile);

    /// <exception cref="OperationCanceledException">Cancelled; the next start carries on where this one stopped.</exception>
    public async Task<SeedSummary> SeedOnceAsync(string partners, string programmes, string trainings, CancellationToken ct)
    {
        try
        {
            return await SeedAsync(partners, programmes, trainings, ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested)
        {
            // A gRPC call reports its caller's cancellation as CANCELLED; the seeder's callers expect .NET's own.
            throw new OperationCanceledException("Demo seeding cancelled.", e, ct);
        }
    }

    private async Task<SeedSummary> SeedAsync(string partners, string programmes, string trainings, CancellationToken ct)
    {
        if (File.Exists(Marker))
        {
            return new SeedSummary(0, 0, 0, 0, AlreadySeeded: true);
        }

        var time = clock ?? TimeProvider.System;
        var raw = DemoDataFile.Load(repositoryRoot);
        var shift = SeedingShiftFile.LoadOrCreate(dataFolder, raw, time);
        var data = shift.Apply(raw);
        var callers = DemoCallers.ForKey(callerTokenKey, [.. data.Programmes.Select(p => p.Key)]);
        using var clients = new SeedClients(partners, programmes, trainings);
        var people = new DemoParticipants(data);

        var organisations = await new PartnerSeeding(clients, callers, data).SeedAsync(ct);
        var trainingCount = 0;
        foreach (var p in data.Programmes)
        {
            await new ProgrammeSeeding(clients, callers).SeedAsync(p, ct);
            var end = ProtoValues.Day(p.Planned.End ?? "9999-12-31");
            foreach (var t in p.Trainings)
            {
                await new TrainingSeeding(clients, callers, data, people, time).SeedAsync(p, t, end, ct);
                trainingCount++;
            }
        }

        var reports = await new OutcomeReportSeeding(clients, callers, data).SeedAsync(ct);
        await File.WriteAllTextAsync(Marker, $"Demo data entered {time.GetUtcNow():O}; delete this file, {SeedingShiftFile.FileName} and the *.db files to start again.\n", ct);
        return new SeedSummary(organisations, data.Programmes.Count, trainingCount, reports, AlreadySeeded: false, shift.Weeks);
    }
}
