using CapacityHub.Trainings.V1;
using Grpc.Core;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>
/// What the register and the tests of a training that already happened say: most people attended every day,
/// some missed one, a few never came; pre- and post-test and practical scores and reaction ratings for those
/// who came. The pattern follows each person's place in the list, so re-recording gives the same values.
/// </summary>
internal sealed class LearningSeeding(SeedClients clients, DemoCallers callers)
{
    public async Task RecordAsync(Training training, CancellationToken ct)
    {
        var booked = await BookedAsync(training, ct);
        var attendance = new BatchRecordAttendanceRequest { Parent = training.Name };
        var assessments = new BatchRecordAssessmentsRequest { Parent = training.Name };
        for (var i = 0; i < booked.Count; i++)
        {
            if (NeverCame(i))
            {
                continue;
            }

            for (var d = 0; d < training.SessionDays.Count; d++)
            {
                var missed = i % 7 == 3 && d == training.SessionDays.Count - 1;
                attendance.Entries.Add(new RecordAttendanceRequest { Name = booked[i].Name, SessionDay = training.SessionDays[d].Name, Present = !missed });
            }

            var pre = 30 + (i * 7 % 30);
            var post = Math.Min(100, pre + 18 + (i * 5 % 27));
            assessments.Entries.Add(Score(booked[i], AssessmentKind.Pre, pre));
            assessments.Entries.Add(Score(booked[i], AssessmentKind.Post, post));
            assessments.Entries.Add(Score(booked[i], AssessmentKind.Practical, 55 + (i * 3 % 40)));
        }

        await clients.Nominations.BatchRecordAttendanceAsync(attendance, Manager(ct));
        await clients.Nominations.BatchRecordAssessmentsAsync(assessments, Manager(ct));
        for (var i = 0; i < booked.Count; i++)
        {
            if (!NeverCame(i))
            {
                await clients.Nominations.RecordReactionAsync(new RecordReactionRequest
                {
                    Name = booked[i].Name,
                    Reaction = new ReactionEvaluation { Satisfaction = 3 + (i % 3), Relevance = 3 + ((i + 1) % 3) },
                }, Manager(ct));
            }
        }
    }

    /// <summary>Certificates for everyone who completed; issuing again returns the same certificate.</summary>
    public async Task IssueCertificatesAsync(Training training, CancellationToken ct)
    {
        foreach (var n in await ListAsync(training, [NominationStatus.FullyAttended, NominationStatus.PartiallyAttended], ct))
        {
            if (n.Learning?.Completion?.Completed == true)
            {
                await clients.Nominations.IssueCertificateAsync(new IssueCertificateRequest { Name = n.Name }, Manager(ct));
            }
        }
    }

    private static bool NeverCame(int i) => i % 11 == 5;

    private static RecordAssessmentRequest Score(Nomination n, AssessmentKind kind, double score) =>
        new() { Name = n.Name, Assessment = new Assessment { Kind = kind, Score = score, Maximum = 100 } };

    private Task<List<Nomination>> BookedAsync(Training training, CancellationToken ct) => ListAsync(training, [NominationStatus.Booked], ct);

    private async Task<List<Nomination>> ListAsync(Training training, NominationStatus[] statuses, CancellationToken ct)
    {
        var all = new List<Nomination>();
        var request = new ListNominationsRequest { Parent = training.Name, PageSize = 1000, Statuses = { statuses } };
        do
        {
            var page = await clients.Nominations.ListNominationsAsync(request, Manager(ct));
            all.AddRange(page.Nominations);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return all;
    }

    private CallOptions Manager(CancellationToken ct) => callers.As(callers.Manager, ct);
}
