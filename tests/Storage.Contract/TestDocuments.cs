namespace CapacityHub.Storage.Contract;

public enum ParticipantStatus
{
    Nominated,
    Approved,
    Waitlisted,
    Booked,
}

public sealed record Venue(string City, string TimeZone);

/// <summary>A participant-like document with the kinds of fields services index: strings, numbers, enums, booleans, nested, optional.</summary>
public sealed record Participant(
    string Id,
    string TrainingId,
    string Email,
    string Country,
    ParticipantStatus Status,
    long CreatedAtUnixMs,
    bool Certified = false,
    int? Score = null,
    Venue? Venue = null,
    string Notes = "");

/// <summary>An aggregate kept up to date with increments.</summary>
public sealed record Tally(string Id, long Count, double Sum, long Other = 0);

public static class TestCollections
{
    public static readonly CollectionSpec<Participant> Participants =
        CollectionSpec.For<Participant>("participants", p => p.Id)
            .Index("byTraining", "trainingId", "createdAtUnixMs")
            .Index("byStatus", "status")
            .Index("byCountry", "country")
            .Index("byScore", "score")
            .Index("byCertified", "certified")
            .Index("byCity", "venue.city")
            .UniqueIndex("oneSeatPerEmail", "trainingId", "email");

    public static readonly CollectionSpec<Tally> Tallies = CollectionSpec.For<Tally>("tallies", t => t.Id);

    public static readonly CollectionSpec<RequestRecord<string>> Requests = RequestLog.Declare<string>("requests");

    public static IReadOnlyList<CollectionSpec> All { get; } = [Participants, Tallies, Requests];

    public static Participant Person(string id, string training = "t-1", long createdAt = 1_700_000_000_000, string country = "JP") =>
        new(id, training, $"{id}@cert.example", country, ParticipantStatus.Nominated, createdAt);
}
