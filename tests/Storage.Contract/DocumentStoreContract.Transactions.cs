namespace CapacityHub.Storage.Contract;

public abstract partial class DocumentStoreContract
{
    [ContractFact]
    public async Task A_transaction_commits_writes_to_several_collections_together()
    {
        var result = await Store.TransactAsync(async (tx, ct) =>
        {
            await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("p-1"), ct);
            await tx.Collection(TestCollections.Tallies).InsertAsync(new Tally("t-1", 1, 0), ct);
            return "done";
        });

        Assert.Equal("done", result);
        Assert.NotNull(await Participants.GetAsync("p-1"));
        Assert.Equal(1, (await Tallies.GetAsync("t-1"))!.Value.Count);
    }

    [ContractFact]
    public async Task A_transaction_that_throws_rolls_back_every_write_and_rethrows()
    {
        var existing = await Participants.InsertAsync(TestCollections.Person("p-0"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.TransactAsync<int>(async (tx, ct) =>
        {
            var participants = tx.Collection(TestCollections.Participants);
            await participants.InsertAsync(TestCollections.Person("p-1"), ct);
            await participants.ReplaceAsync(existing.Value with { Country = "KR" }, existing.Version, ct);
            await participants.DeleteAsync("p-0", cancellationToken: ct);
            await tx.Collection(TestCollections.Tallies).IncrementAsync("t", [Increment.By("count", 1L)], new Tally("t", 0, 0), ct);
            throw new InvalidOperationException("rule broken");
        }));

        Assert.Equal("rule broken", error.Message);
        Assert.Null(await Participants.GetAsync("p-1"));
        Assert.Equal(existing, await Participants.GetAsync("p-0"));
        Assert.Null(await Tallies.GetAsync("t"));
    }

    [ContractFact]
    public async Task Reads_inside_a_transaction_see_its_own_writes_and_others_see_them_only_after_commit()
    {
        Document<Participant>? seenOutside = null;
        await Store.TransactAsync(async (tx, ct) =>
        {
            var participants = tx.Collection(TestCollections.Participants);
            await participants.InsertAsync(TestCollections.Person("p-1"), ct);
            Assert.NotNull(await participants.GetAsync("p-1", ct));
            Assert.Equal(1, await participants.CountAsync(Filter.Where("trainingId", "t-1"), ct));
            Assert.Single((await participants.FindAsync(new Query { Filter = Filter.Where("trainingId", "t-1") }, ct)).Items);
            // Another caller (another flow) must not see the uncommitted insert.
            seenOutside = await Task.Run(() => Participants.GetAsync("p-1"), ct);
            return 0;
        });

        Assert.Null(seenOutside);
        Assert.NotNull(await Participants.GetAsync("p-1"));
    }

    [ContractFact]
    public async Task A_store_conflict_inside_a_transaction_propagates_and_rolls_back_the_transaction()
    {
        await Participants.InsertAsync(TestCollections.Person("p-1"));

        await Assert.ThrowsAsync<DuplicateKeyException>(() => Store.TransactAsync(async (tx, ct) =>
        {
            var participants = tx.Collection(TestCollections.Participants);
            await participants.InsertAsync(TestCollections.Person("p-2"), ct);
            await participants.InsertAsync(TestCollections.Person("p-1"), ct);
            return 0;
        }));

        Assert.Null(await Participants.GetAsync("p-2"));
    }

    [ContractFact]
    public async Task Concurrent_read_modify_write_transactions_lose_no_update()
    {
        await Tallies.InsertAsync(new Tally("counter", 0, 0));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store.TransactAsync(async (tx, ct) =>
        {
            var tallies = tx.Collection(TestCollections.Tallies);
            var current = (await tallies.GetAsync("counter", ct))!;
            return await tallies.ReplaceAsync(current.Value with { Count = current.Value.Count + 1 }, current.Version, ct);
        }))));

        var final = (await Tallies.GetAsync("counter"))!;
        Assert.Equal(20, final.Value.Count);
        Assert.Equal(21, final.Version);
    }

    [ContractFact]
    public async Task Writers_racing_for_the_last_seats_through_a_counter_never_overfill_them()
    {
        // The pattern nominations use: read the seat counter, check it, take a seat, all in one transaction.
        const int seats = 3;
        await Tallies.InsertAsync(new Tally("seats", 0, 0));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.TransactAsync(async (tx, ct) =>
        {
            var counter = tx.Collection(TestCollections.Tallies);
            var taken = (await counter.GetAsync("seats", ct))!.Value.Count;
            if (taken >= seats)
            {
                return false;
            }

            await counter.IncrementAsync("seats", [Increment.By("count", 1L)], cancellationToken: ct);
            await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person($"p-{i}") with { Status = ParticipantStatus.Approved }, ct);
            return true;
        }))));

        Assert.Equal(seats, outcomes.Count(seated => seated));
        Assert.Equal(seats, (await Tallies.GetAsync("seats"))!.Value.Count);
        Assert.Equal(seats, await Participants.CountAsync(Filter.Where("status", ParticipantStatus.Approved)));
    }

    [ContractFact]
    public async Task A_transaction_object_cannot_be_used_after_it_ends()
    {
        ITransaction? leaked = null;
        await Store.TransactAsync((tx, _) =>
        {
            leaked = tx;
            return Task.FromResult(0);
        });

        await Assert.ThrowsAnyAsync<InvalidOperationException>(
            () => leaked!.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person("late")));
        Assert.Null(await Participants.GetAsync("late"));
    }
}
