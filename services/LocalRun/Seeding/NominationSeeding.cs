using CapacityHub.Trainings.V1;

namespace CapacityHub.LocalRun.Seeding;

/// <summary>
/// Partner agencies nominate their people (each as itself), the programme manager approves, and places get
/// booked, as far as the demo file says. Request ids name the training, organisation and person, so a
/// re-run gets the same nominations back and only finishes the steps still missing.
/// </summary>
internal sealed class NominationSeeding(SeedClients clients, DemoCallers callers, DemoDataFile data, DemoParticipants people)
{
    public async Task NominateAsync(Training training, DemoTraining t, bool everyoneBooked, CancellationToken ct)
    {
        foreach (var group in t.Nominations)
        {
            var organisation = data.Organisation(group.Org);
            var partner = callers.Partner(organisation);
            for (var i = 0; i < group.People; i++)
            {
                var participant = people.Next(organisation);
                var nomination = await clients.Nominations.NominateAsync(new NominateRequest
                {
                    Parent = training.Name,
                    RequestId = $"demo-seed:nomination:{t.Key}:{organisation.Key}:{i + 1}",
                    Nomination = new Nomination { Participant = participant, NominatingOrganisation = $"organisations/{organisation.Key}" },
                }, callers.As(partner, ct));

                if (nomination.Status == NominationStatus.Nominated && (everyoneBooked || i < (group.Approved ?? 0)))
                {
                    nomination = await clients.Nominations.ApproveNominationAsync(
                        new ChangeNominationStatusRequest { Name = nomination.Name, Etag = nomination.Etag }, callers.As(callers.Manager, ct));
                }

                if (nomination.Status == NominationStatus.Approved && (everyoneBooked || i < (group.Booked ?? 0)))
                {
                    await clients.Nominations.BookNominationAsync(
                        new ChangeNominationStatusRequest { Name = nomination.Name, Etag = nomination.Etag }, callers.As(partner, ct));
                }
            }
        }
    }
}
