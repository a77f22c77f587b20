namespace CapacityHub.Storage.Contract;

public abstract partial class DocumentStoreContract
{
    private Task<string> CreateOnceAsync(string requestId, string participantId, string operation = "CreateParticipant") =>
        Store.TransactAsync((tx, ct) => tx.OnceAsync(TestCollections.Requests, operation, requestId, async () =>
        {
            var created = await tx.Collection(TestCollections.Participants).InsertAsync(TestCollections.Person(participantId), ct);
            return created.Id;
        }, cancellationToken: ct));

    [ContractFact]
    public async Task A_retried_create_returns_the_first_result_without_creating_twice()
    {
        var first = await CreateOnceAsync("req-1", "p-1");
        var retry = await CreateOnceAsync("req-1", "p-2");

        Assert.Equal("p-1", first);
        Assert.Equal("p-1", retry);
        Assert.Null(await Participants.GetAsync("p-2"));
        Assert.Equal(1, await Participants.CountAsync(Filter.All));
    }

    [ContractFact]
    public async Task Concurrent_retries_of_one_request_create_one_document()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                return await CreateOnceAsync("req-race", $"p-{i}");
            }
            catch (DuplicateKeyException)
            {
                // A backend may let two attempts race to the request record; the loser retries as a client would.
                return await CreateOnceAsync("req-race", $"p-{i}");
            }
        })));

        Assert.Single(results.Distinct());
        Assert.Equal(1, await Participants.CountAsync(Filter.All));
    }

    [ContractFact]
    public async Task A_failed_create_records_nothing_so_the_retry_runs_again()
    {
        await Participants.InsertAsync(TestCollections.Person("taken"));

        await Assert.ThrowsAsync<DuplicateKeyException>(() => CreateOnceAsync("req-1", "taken"));
        var retry = await CreateOnceAsync("req-1", "free");

        Assert.Equal("free", retry);
    }

    [ContractFact]
    public async Task The_same_request_id_for_another_operation_is_a_different_request()
    {
        await CreateOnceAsync("req-1", "p-1", operation: "Nominate");
        var other = await CreateOnceAsync("req-1", "p-2", operation: "Enrol");

        Assert.Equal("p-2", other);
        Assert.Equal(2, await Participants.CountAsync(Filter.All));
    }
}
