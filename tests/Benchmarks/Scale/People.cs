using CapacityHub.Trainings.V1;

namespace CapacityHub.Benchmarks.Scale;

/// <summary>
/// The participants of the seeded system and what they did, the same on every run: one person per
/// enrolment, spread over the nominating partners, with most attending both days and a learning gain.
/// </summary>
public static class People
{
    private static readonly string[] Sectors = ["CERT", "Government", "Law enforcement", "Critical infrastructure"];

    public static Nominator NominatorOf(ScaleWorld world, int training, int seat) => world.Nominators[(training + seat) % world.Nominators.Count];

    public static Nomination Nomination(ScaleWorld world, int training, int seat, string prefix = "p")
    {
        var nominator = NominatorOf(world, training, seat);
        var email = $"{prefix}{training}-{seat}@{nominator.Name["organisations/".Length..]}.example";
        return new Nomination
        {
            NominatingOrganisation = nominator.Name,
            Participant = new Participant
            {
                ParticipantId = email,
                DisplayName = $"Participant {training}-{seat}",
                Email = email,
                Organisation = nominator.Name,
                CountryCode = nominator.CountryCode,
                Sex = seat % 2 == 0 ? Programmes.V1.Sex.Female : Programmes.V1.Sex.Male,
                Sector = Sectors[seat % Sectors.Length],
            },
        };
    }

    /// <summary>Present on a day unless this seat is one of the few absentees of that day.</summary>
    public static bool Present(int seat, int day) => day == 0 ? seat % 20 != 7 : seat % 10 != 3;

    public static (double Pre, double Post) Scores(int training, int seat)
    {
        var spread = ((training * 31) + (seat * 17)) % 40;
        var pre = 35 + spread;
        return (pre, Math.Min(100, pre + 8 + (spread % 25)));
    }

    public const double Maximum = 100;
}
