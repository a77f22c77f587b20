using NodaTime;

namespace CapacityHub.Trainings.Domain.Scheduling;

/// <summary>Where a training happens; the zone is the one its local schedule is written in.</summary>
public sealed record Venue(string Name, string City, string CountryCode, DateTimeZone Zone);

/// <summary>Nominations are accepted from <see cref="Opens"/> until (not including) <see cref="Deadline"/>.</summary>
public sealed record NominationWindow(Instant Opens, Instant Deadline)
{
    public bool Contains(Instant now) => now >= Opens && now < Deadline;
}

/// <summary>The programme's dates as the Programmes service reports them; a training must fit inside.</summary>
public sealed record ProgrammePeriod(LocalDate Start, LocalDate End, bool InImplementation);
