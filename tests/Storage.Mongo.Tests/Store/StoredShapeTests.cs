using CapacityHub.Storage.Mongo.Store;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Tests.Store;

/// <summary>What a document looks like in MongoDB: native sub-documents, integers, doubles and dates, never JSON text.</summary>
public sealed class StoredShapeTests
{
    private sealed record Venue(string City, string TimeZone);

    private sealed record Course(string Id, string Title, Venue Venue, int Seats, double PassMark, string StartsAt, string[] Topics, string Note);

    private static readonly CollectionSpec<Course> Courses = CollectionSpec.For<Course>("courses", c => c.Id).Index("byStart", "startsAt");

    [Fact]
    public void A_document_is_stored_as_typed_BSON_with_its_id_and_version()
    {
        var course = new Course("c-1", "Incident response", new Venue("Tokyo", "Asia/Tokyo"), 24, 0.6, "2026-03-02T00:30:00Z", ["forensics", "ics"], "2026-03-02T00:30:00+09:00");

        var stored = StoredDocument.ToBson(Courses, "c-1", course, 3);

        BsonAssert.Same("c-1", stored["_id"]);
        BsonAssert.Same(3L, stored["_v"]);
        BsonAssert.Same(new BsonDocument { { "city", "Tokyo" }, { "timeZone", "Asia/Tokyo" } }, stored["venue"]);
        BsonAssert.Same(24L, stored["seats"]);
        BsonAssert.Same(0.6, stored["passMark"]);
        BsonAssert.Same(new BsonDateTime(new DateTime(2026, 3, 2, 0, 30, 0, DateTimeKind.Utc)), stored["startsAt"]);
        BsonAssert.Same(new BsonArray { "forensics", "ics" }, stored["topics"]);

        // A local offset is not a UTC instant: it stays the text it was.
        BsonAssert.Same("2026-03-02T00:30:00+09:00", stored["note"]);
        Assert.Equivalent(course, StoredDocument.FromBson(Courses, stored).Value, strict: true);
    }

    [Theory]
    [InlineData("2026-03-02T00:30:00Z", true)]
    [InlineData("2026-03-02T00:30:00.125Z", true)]
    [InlineData("2026-03-02T00:30:00.000Z", false)] // would read back without the fraction
    [InlineData("2026-03-02T00:30:00.123456Z", false)] // finer than a BSON date holds
    [InlineData("2026-02-30T00:30:00Z", false)]
    [InlineData("Tokyo 2026-03-02", false)]
    public void Only_instants_that_read_back_as_the_same_text_become_dates(string text, bool isDate)
    {
        var date = BsonInstants.TryDate(text);

        Assert.Equal(isDate, date is not null);
        if (date is not null)
        {
            Assert.Equal(text, BsonInstants.Text(date));
        }
    }

    [Fact]
    public void A_filter_on_an_instant_compares_dates_so_ranges_match_the_stored_type()
    {
        var filter = Filter.Where("startsAt", "2026-03-02T00:30:00Z");

        var query = QueryTranslator.Filter(filter.Bind(Courses));

        Assert.Equal(BsonType.DateTime, query["startsAt"].BsonType);
    }

    [Fact]
    public void A_unique_index_is_partial_so_documents_without_the_field_are_not_constrained()
    {
        var definition = IndexDefinitions.For(new IndexSpec("oneSeatPerEmail", unique: true, ["trainingId", "email"]));
        var model = IndexDefinitions.Model(definition);

        BsonAssert.Same(new BsonDocument { { "trainingId", 1 }, { "email", 1 } }, definition["key"]);
        Assert.Equal("oneSeatPerEmail", model.Options.Name);
        Assert.True(model.Options.Unique);
        Assert.True(definition["partialFilterExpression"].AsBsonDocument.Contains("email"));
    }

    [Fact]
    public void A_plain_index_ends_with_the_id_so_one_index_serves_a_keyset_page()
    {
        var definition = IndexDefinitions.For(new IndexSpec("byTraining", unique: false, ["trainingId", "nominatedAtUnixMs"]));

        BsonAssert.Same(new BsonDocument { { "trainingId", 1 }, { "nominatedAtUnixMs", 1 }, { "_id", 1 } }, definition["key"]);
    }
}
