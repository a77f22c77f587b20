using System.Globalization;

namespace CapacityHub.Storage.Contract;

public abstract partial class DocumentStoreContract
{
    [ContractFact]
    public async Task Insert_then_get_returns_the_value_at_version_1()
    {
        var person = TestCollections.Person("p-1") with { Score = 42, Venue = new Venue("Tokyo", "Asia/Tokyo"), Certified = true };

        var inserted = await Participants.InsertAsync(person);
        var read = await Participants.GetAsync("p-1");

        Assert.Equal(1, inserted.Version);
        Assert.NotNull(read);
        Assert.Equal(new Document<Participant>("p-1", 1, person), read);
    }

    [ContractFact]
    public async Task Get_of_a_missing_id_returns_null()
    {
        Assert.Null(await Participants.GetAsync("nobody"));
    }

    [ContractFact]
    public async Task Insert_with_a_taken_id_throws_duplicate_key_on_the_id_and_keeps_the_first()
    {
        await Participants.InsertAsync(TestCollections.Person("p-1"));

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(
            () => Participants.InsertAsync(TestCollections.Person("p-1", training: "t-2")));

        Assert.Equal(DuplicateKeyException.IdIndexName, error.IndexName);
        Assert.Equal("participants", error.Collection);
        Assert.Equal("t-1", (await Participants.GetAsync("p-1"))!.Value.TrainingId);
    }

    [ContractFact]
    public async Task A_unique_index_rejects_a_second_document_with_the_same_key_and_names_the_index()
    {
        await Participants.InsertAsync(TestCollections.Person("p-1"));
        var sameSeat = TestCollections.Person("p-2") with { Email = "p-1@cert.example" };

        var onInsert = await Assert.ThrowsAsync<DuplicateKeyException>(() => Participants.InsertAsync(sameSeat));
        var onUpsert = await Assert.ThrowsAsync<DuplicateKeyException>(() => Participants.UpsertAsync(sameSeat));

        Assert.Equal("oneSeatPerEmail", onInsert.IndexName);
        Assert.Equal("oneSeatPerEmail", onUpsert.IndexName);
        Assert.Null(await Participants.GetAsync("p-2"));
    }

    [ContractFact]
    public async Task A_unique_index_violation_names_the_fields_so_the_service_can_say_which_value_is_taken()
    {
        await Participants.InsertAsync(TestCollections.Person("p-1"));

        var sameEmail = await Assert.ThrowsAsync<DuplicateKeyException>(
            () => Participants.InsertAsync(TestCollections.Person("p-2") with { Email = "p-1@cert.example" }));
        var sameId = await Assert.ThrowsAsync<DuplicateKeyException>(() => Participants.InsertAsync(TestCollections.Person("p-1", training: "t-9")));

        Assert.Equal(["trainingId", "email"], sameEmail.Fields);
        Assert.Contains("email", sameEmail.Message, StringComparison.Ordinal);
        Assert.Equal([FieldPath.Id], sameId.Fields);
        Assert.Equal("participants", sameEmail.Collection);
    }

    [ContractFact]
    public async Task A_compound_unique_index_allows_the_same_email_in_another_training_and_after_a_delete()
    {
        await Participants.InsertAsync(TestCollections.Person("p-1"));
        await Participants.InsertAsync(TestCollections.Person("p-2", training: "t-2") with { Email = "p-1@cert.example" });
        await Participants.DeleteAsync("p-1");

        await Participants.InsertAsync(TestCollections.Person("p-3") with { Email = "p-1@cert.example" });

        Assert.Equal(2, await Participants.CountAsync(Filter.Where("email", "p-1@cert.example")));
        Assert.Equal("p-3", (await Participants.FindOneAsync(Filter.Where("trainingId", "t-1").And("email", "p-1@cert.example")))?.Id);
    }

    [ContractFact]
    public async Task Replace_into_a_unique_key_held_by_another_document_throws_and_changes_nothing()
    {
        await Participants.InsertAsync(TestCollections.Person("p-1"));
        var second = await Participants.InsertAsync(TestCollections.Person("p-2"));

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(
            () => Participants.ReplaceAsync(second.Value with { Email = "p-1@cert.example" }, second.Version));

        Assert.Equal("oneSeatPerEmail", error.IndexName);
        Assert.Equal(second, await Participants.GetAsync("p-2"));
    }

    [ContractFact]
    public async Task Replace_at_the_current_version_stores_the_value_and_bumps_the_version()
    {
        var first = await Participants.InsertAsync(TestCollections.Person("p-1"));

        var second = await Participants.ReplaceAsync(first.Value with { Status = ParticipantStatus.Approved }, first.Version);
        var third = await Participants.ReplaceAsync(second.Value with { Status = ParticipantStatus.Booked }, second.Version);

        Assert.Equal(2, second.Version);
        Assert.Equal(3, third.Version);
        Assert.Equal(third, await Participants.GetAsync("p-1"));
    }

    [ContractFact]
    public async Task Replace_at_a_stale_version_throws_a_conflict_with_both_versions_and_keeps_the_winner()
    {
        var original = await Participants.InsertAsync(TestCollections.Person("p-1"));
        var winner = await Participants.ReplaceAsync(original.Value with { Status = ParticipantStatus.Approved }, original.Version);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Participants.ReplaceAsync(original.Value with { Status = ParticipantStatus.Waitlisted }, original.Version));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal("p-1", conflict.Id);
        Assert.Equal(winner, await Participants.GetAsync("p-1"));
    }

    [ContractFact]
    public async Task Replace_of_a_missing_document_throws_not_found()
    {
        var error = await Assert.ThrowsAsync<DocumentNotFoundException>(
            () => Participants.ReplaceAsync(TestCollections.Person("ghost"), 1));

        Assert.Equal("ghost", error.Id);
        Assert.Null(await Participants.GetAsync("ghost"));
    }

    [ContractFact]
    public async Task Upsert_inserts_at_version_1_then_replaces_whatever_the_version()
    {
        var inserted = await Participants.UpsertAsync(TestCollections.Person("p-1"));
        var replaced = await Participants.UpsertAsync(TestCollections.Person("p-1") with { Country = "SG" });

        Assert.Equal(1, inserted.Version);
        Assert.Equal(2, replaced.Version);
        Assert.Equal("SG", (await Participants.GetAsync("p-1"))!.Value.Country);
    }

    [ContractFact]
    public async Task Delete_checks_the_version_when_given_and_reports_whether_it_deleted()
    {
        var doc = await Participants.InsertAsync(TestCollections.Person("p-1"));
        await Participants.ReplaceAsync(doc.Value with { Country = "MY" }, doc.Version);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Participants.DeleteAsync("p-1", expectedVersion: 1));
        Assert.Equal(2, conflict.ActualVersion);
        Assert.NotNull(await Participants.GetAsync("p-1"));

        Assert.True(await Participants.DeleteAsync("p-1", expectedVersion: 2));
        Assert.Null(await Participants.GetAsync("p-1"));
        Assert.False(await Participants.DeleteAsync("p-1"));
        Assert.False(await Participants.DeleteAsync("p-1", expectedVersion: 2));
    }

    [ContractFact]
    public async Task Insert_many_is_all_or_nothing()
    {
        await Participants.InsertAsync(TestCollections.Person("p-5") with { Email = "first@cert.example" });
        var batch = Enumerable.Range(0, 10).Select(i => TestCollections.Person($"p-{i}"));

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => Participants.InsertManyAsync(batch));

        Assert.Equal(DuplicateKeyException.IdIndexName, error.IndexName);
        Assert.Equal(1, await Participants.CountAsync(Filter.All));
    }

    [ContractFact]
    public async Task A_document_without_an_id_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Participants.InsertAsync(TestCollections.Person("")));
    }

    [ContractFact]
    public async Task Large_documents_round_trip_intact()
    {
        var notes = string.Concat(Enumerable.Range(0, 200_000).Select(i => (char)('a' + (i % 26)))) + "終";
        var person = TestCollections.Person("big") with { Notes = notes + notes + notes };

        await Participants.InsertAsync(person);

        Assert.Equal(person, (await Participants.GetAsync("big"))!.Value);
    }

    [ContractFact]
    public async Task Unicode_round_trips_and_compares_exactly_in_filters()
    {
        string[] emails = ["田中@cert.example", "ngô@vncert.example", "سارا@cert.example", "e\u0301@cert.example", "é@cert.example", "😀@cert.example"];
        await InsertPeopleAsync(emails.Length, i => TestCollections.Person($"u-{i}") with { Email = emails[i], Country = StringInfo.GetNextTextElement(emails[i]) });

        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
        {
            var found = await Participants.FindOneAsync(Filter.Where("trainingId", "t-1").And("email", email));
            Assert.Equal($"u-{i}", found?.Id);
            Assert.Equal(email, found!.Value.Email);
        }

        // Decomposed and precomposed "é" are different strings: no normalisation behind the caller's back.
        Assert.Equal(1, await Participants.CountAsync(Filter.Where("country", "é")));
    }
}
