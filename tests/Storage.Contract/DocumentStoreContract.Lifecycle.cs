namespace CapacityHub.Storage.Contract;

public abstract partial class DocumentStoreContract
{
    [ContractFact]
    public async Task A_cancelled_call_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Participants.InsertAsync(TestCollections.Person("p-1"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Participants.GetAsync("p-1", cancelled.Token));

        Assert.Null(await Participants.GetAsync("p-1"));
    }

    [ContractFact]
    public async Task Cancelling_during_a_transaction_rolls_it_back()
    {
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.TransactAsync(async (tx, ct) =>
        {
            await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-1"), ct);
            await cancellation.CancelAsync();
            await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-2"), ct);
            return 0;
        }, cancellation.Token));

        Assert.Equal(0, await Participants.CountAsync(Filter.All));
    }

    [ContractFact]
    public async Task Migrating_again_keeps_the_data_and_new_indexes_apply_to_existing_documents()
    {
        await InsertPeopleAsync(3, i => TestCollections.Person($"p-{i}") with { Notes = $"n{i % 2}" });
        var withNotesIndex = TestCollections.Participants.Index("byNotes", "notes");

        await Store.MigrateAsync(TestCollections.All);
        await Store.MigrateAsync([withNotesIndex, TestCollections.Tallies, TestCollections.Requests]);

        Assert.Equal(2, await Store.Collection(withNotesIndex).CountAsync(Filter.Where("notes", "n0")));
        Assert.Equal(3, await Participants.CountAsync(Filter.All));
    }

    [ContractFact]
    public async Task A_unique_index_added_over_duplicates_is_refused_naming_it()
    {
        await InsertPeopleAsync(2, i => TestCollections.Person($"p-{i}") with { Country = "JP" });
        var uniqueCountry = TestCollections.Participants.UniqueIndex("oneForCountry", "country");

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => Store.MigrateAsync([uniqueCountry]));

        Assert.Equal("oneForCountry", error.IndexName);
        Assert.Equal(2, await Participants.CountAsync(Filter.All));
    }

    [ContractFact]
    public async Task A_collection_that_was_not_migrated_is_refused()
    {
        var undeclared = CollectionSpec.For<Tally>("undeclared", t => t.Id);

        Assert.Throws<InvalidOperationException>(() => Store.Collection(undeclared));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.TransactAsync((tx, _) => Task.FromResult(tx.Collection(undeclared))));
    }

    [ContractFact]
    public async Task Ping_answers_when_the_store_is_up()
    {
        await Store.PingAsync();
    }

    [ContractFact]
    public void Declarations_with_bad_names_or_paths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CollectionSpec.For<Tally>("Bad Name", t => t.Id));
        Assert.Throws<ArgumentException>(() => CollectionSpec.For<Tally>("tallies", t => t.Id).Index("byX", "a..b"));
        Assert.Throws<ArgumentException>(() => CollectionSpec.For<Tally>("tallies", t => t.Id).Index("byX"));
        Assert.Throws<ArgumentException>(() => CollectionSpec.For<Tally>("tallies", t => t.Id).Index("byX", "a").Index("byX", "b"));
    }
}
