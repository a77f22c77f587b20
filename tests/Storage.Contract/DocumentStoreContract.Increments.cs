namespace CapacityHub.Storage.Contract;

public abstract partial class DocumentStoreContract
{
    [ContractFact]
    public async Task Concurrent_increments_add_up_exactly()
    {
        await Tallies.InsertAsync(new Tally("reach", 0, 0));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await Tallies.IncrementAsync("reach", [Increment.By("count", 1L), Increment.By("sum", 0.5), Increment.By("other", -2L)]);
            }
        })));

        var tally = (await Tallies.GetAsync("reach"))!;
        Assert.Equal(200, tally.Value.Count);
        Assert.Equal(100.0, tally.Value.Sum, 9);
        Assert.Equal(-400, tally.Value.Other);
        Assert.Equal(201, tally.Version);
    }

    [ContractFact]
    public async Task Increment_seeds_a_missing_document_or_reports_it_missing()
    {
        await Assert.ThrowsAsync<DocumentNotFoundException>(() => Tallies.IncrementAsync("none", [Increment.By("count", 1L)]));
        Assert.Null(await Tallies.GetAsync("none"));

        var seeded = await Tallies.IncrementAsync("new", [Increment.By("count", 3L)], new Tally("new", 10, 1.5));
        var again = await Tallies.IncrementAsync("new", [Increment.By("count", 3L), Increment.By("sum", 0.25)], new Tally("new", 10, 1.5));

        Assert.Equal(new Tally("new", 13, 1.5), seeded.Value);
        Assert.Equal(new Tally("new", 16, 1.75), again.Value);
        Assert.Equal(again, await Tallies.GetAsync("new"));
    }

    [ContractFact]
    public async Task Increments_inside_transactions_commit_with_the_write_they_summarise()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.TransactAsync(async (tx, ct) =>
            {
                await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person($"p-{i}"), ct);
                return await tx.Collection(TestCollections.Tallies).IncrementAsync("t-1", [Increment.By("count", 1L)], new Tally("t-1", 0, 0), ct);
            });
        }

        await Assert.ThrowsAsync<DuplicateKeyException>(() => Store.TransactAsync(async (tx, ct) =>
        {
            await tx.Collection(TestCollections.Tallies).IncrementAsync("t-1", [Increment.By("count", 1L)], new Tally("t-1", 0, 0), ct);
            return await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-0"), ct);
        }));

        Assert.Equal(await Participants.CountAsync(Filter.Where("trainingId", "t-1")), (await Tallies.GetAsync("t-1"))!.Value.Count);
    }

    [ContractFact]
    public async Task Increment_rejects_bad_arguments()
    {
        await Tallies.InsertAsync(new Tally("t", 0, 0));

        await Assert.ThrowsAsync<ArgumentException>(() => Tallies.IncrementAsync("t", []));
        await Assert.ThrowsAsync<ArgumentException>(() => Tallies.IncrementAsync("t", [Increment.By("count", 1L)], new Tally("other", 0, 0)));
        Assert.Throws<ArgumentException>(() => Increment.By(FieldPath.Id, 1L));
        Assert.Throws<ArgumentOutOfRangeException>(() => Increment.By("sum", double.NaN));
        Assert.Equal(1, (await Tallies.GetAsync("t"))!.Version);
    }

    [ContractFact]
    public async Task Incrementing_a_field_that_is_not_a_number_is_refused_and_changes_nothing()
    {
        var person = await Participants.InsertAsync(TestCollections.Person("p-1"));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Participants.IncrementAsync("p-1", [Increment.By("country", 1L)]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Participants.IncrementAsync("p-1", [Increment.By("createdAtUnixMs", 1L), Increment.By("venue", 1L)]));

        Assert.Equal(person, await Participants.GetAsync("p-1"));
    }
}
