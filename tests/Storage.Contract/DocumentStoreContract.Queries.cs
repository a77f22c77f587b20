namespace CapacityHub.Storage.Contract;

public abstract partial class DocumentStoreContract
{
    [ContractFact]
    public async Task Equality_in_and_range_filters_select_exactly_the_matching_documents()
    {
        string[] countries = ["JP", "SG", "MY", "VN"];
        await InsertPeopleAsync(40, i => TestCollections.Person($"p-{i:D2}", training: i % 2 == 0 ? "t-even" : "t-odd", createdAt: 1000 + i, country: countries[i % 4]) with
        {
            Status = (ParticipantStatus)(i % 4),
            Certified = i % 5 == 0,
            Score = i % 3 == 0 ? null : i,
            Venue = new Venue(i < 20 ? "Tokyo" : "Singapore", "Asia/Tokyo"),
        });

        async Task<string[]> Ids(Filter filter) =>
            [.. (await ReadAllPagesAsync(Participants, new Query { Filter = filter, Limit = 7 })).Select(d => d.Id)];
        static string[] Expect(Func<int, bool> where) => [.. Enumerable.Range(0, 40).Where(where).Select(i => $"p-{i:D2}")];

        Assert.Equal(Expect(i => i % 2 == 0), await Ids(Filter.Where("trainingId", "t-even")));
        Assert.Equal(Expect(i => i % 4 is 1 or 2), await Ids(Filter.All.AndIn("country", ["SG", "MY"])));
        Assert.Equal(Expect(i => i % 4 == 3), await Ids(Filter.Where("status", ParticipantStatus.Booked)));
        Assert.Equal(Expect(i => i % 5 == 0), await Ids(Filter.Where("certified", true)));
        Assert.Equal(Expect(i => i % 3 == 0), await Ids(Filter.Where("score", null)));
        Assert.Equal(Expect(i => i % 3 == 0 || i == 10), await Ids(Filter.All.AndIn("score", [null, 10])));
        Assert.Equal(Expect(i => i >= 20), await Ids(Filter.Where("venue.city", "Singapore")));
        Assert.Equal(
            Expect(i => i % 2 == 1 && i >= 11 && i < 21),
            await Ids(Filter.Where("trainingId", "t-odd").AndRange("createdAtUnixMs", 1011, 1021)));
        Assert.Equal(Expect(i => i >= 35), await Ids(Filter.All.AndRange("createdAtUnixMs", 1035L, null)));
        Assert.Equal(Expect(i => i < 3), await Ids(Filter.All.AndRange("createdAtUnixMs", null, 1003)));
        Assert.Equal(Expect(i => i is 4 or 8), await Ids(Filter.All.AndIn(FieldPath.Id, ["p-04", "p-08", "p-99"])));
    }

    [ContractFact]
    public async Task Contains_matches_substrings_literally_in_any_script_with_other_conditions()
    {
        string[] emails = ["SOMCHAI@THAICERT.EXAMPLE", "สมชาย.ใจดี@ETDA.EXAMPLE", "YAMADA.TARO@JPCERT.EXAMPLE", "100%_SURE.*@EXAMPLE", "ANAN@THAICERT.EXAMPLE"];
        await InsertPeopleAsync(emails.Length, i => TestCollections.Person($"p-{i}", training: i == 4 ? "t-2" : "t-1", createdAt: 1000 + i) with { Email = emails[i] });

        async Task<string[]> Ids(Filter filter) =>
            [.. (await ReadAllPagesAsync(Participants, new Query { Filter = filter, Limit = 2 })).Select(d => d.Id)];

        Assert.Equal(["p-0", "p-4"], await Ids(Filter.All.AndContains("email", "THAICERT")));
        Assert.Equal(["p-0"], await Ids(Filter.Where("trainingId", "t-1").AndContains("email", "THAICERT")));
        Assert.Equal(["p-1"], await Ids(Filter.All.AndContains("email", "ใจดี")));
        Assert.Equal(["p-3"], await Ids(Filter.All.AndContains("email", "%_SURE.*")));
        Assert.Empty(await Ids(Filter.All.AndContains("email", "thaicert")));
        Assert.Equal(["p-3"], await Ids(Filter.All.AndContains("email", "_")));
    }

    [ContractFact]
    public async Task Contains_may_name_a_path_without_an_index_and_search_text_folds_case_and_width()
    {
        string[] notes = ["Speaks Thai", "ＴＨＡＩＣＥＲＴ liaison", ""];
        await InsertPeopleAsync(notes.Length, i => TestCollections.Person($"p-{i}", createdAt: 1000 + i) with { Notes = SearchText.Of(notes[i], $"p-{i}") });

        var page = await Participants.FindAsync(new Query { Filter = Filter.Where("trainingId", "t-1").AndContains("notes", SearchText.Fold("thai")) });

        Assert.Equal(["p-0", "p-1"], page.Items.Select(d => d.Id));
        Assert.Equal("THAICERT LIAISON\nP-1", page.Items[1].Value.Notes);
        await Assert.ThrowsAsync<UnindexedQueryException>(() => Participants.FindAsync(new Query { Filter = Filter.Where("notes", "x") }));
    }

    [ContractFact]
    public async Task Count_counts_the_filtered_documents()
    {
        await InsertPeopleAsync(30, i => TestCollections.Person($"p-{i}", training: i < 12 ? "t-a" : "t-b"));

        Assert.Equal(30, await Participants.CountAsync(Filter.All));
        Assert.Equal(12, await Participants.CountAsync(Filter.Where("trainingId", "t-a")));
        Assert.Equal(0, await Participants.CountAsync(Filter.Where("trainingId", "t-none")));
    }

    [ContractFact]
    public async Task Queries_on_paths_without_an_index_are_refused()
    {
        await Assert.ThrowsAsync<UnindexedQueryException>(() => Participants.FindAsync(new Query { Filter = Filter.Where("notes", "x") }));
        await Assert.ThrowsAsync<UnindexedQueryException>(() => Participants.CountAsync(Filter.Where("venue.timeZone", "Asia/Tokyo")));
        var error = await Assert.ThrowsAsync<UnindexedQueryException>(() => Participants.FindAsync(new Query { OrderBy = "notes" }));
        Assert.Equal("notes", error.Path);
        Assert.Throws<ArgumentException>(() => Filter.Where("notes'; DROP TABLE x; --", 1));
    }

    [ContractFact]
    public async Task Page_size_must_be_between_1_and_the_maximum()
    {
        await Assert.ThrowsAsync<InvalidQueryException>(() => Participants.FindAsync(new Query { Limit = 0 }));
        await Assert.ThrowsAsync<InvalidQueryException>(() => Participants.FindAsync(new Query { Limit = Query.MaxLimit + 1 }));
    }

    [ContractTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sorted_pages_cover_every_document_once_in_order_with_ties_broken_by_id(bool descending)
    {
        // Few distinct sort values and some nulls: page boundaries fall inside runs of equal keys.
        await InsertPeopleAsync(157, i => TestCollections.Person($"p-{(i * 37) % 157:D3}") with { Score = i % 11 == 0 ? null : i % 6 });

        var pages = await ReadAllPagesAsync(Participants, new Query { OrderBy = "score", Descending = descending, Limit = 10 });

        var expected = Enumerable.Range(0, 157)
            .Select(i => (Id: $"p-{(i * 37) % 157:D3}", Score: i % 11 == 0 ? (int?)null : i % 6))
            .OrderBy(x => x.Score.HasValue).ThenBy(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.Id)
            .ToList();
        if (descending)
        {
            expected.Reverse();
        }

        Assert.Equal(expected, pages.Select(d => d.Id));
    }

    [ContractFact]
    public async Task Paging_past_the_page_limit_returns_every_document_instead_of_stopping_at_a_thousand()
    {
        await InsertPeopleAsync(2_345, i => TestCollections.Person($"p-{i:D4}", training: "t-big", createdAt: i));

        var all = await ReadAllPagesAsync(Participants, new Query
        {
            Filter = Filter.Where("trainingId", "t-big"),
            OrderBy = "createdAtUnixMs",
            Limit = Query.MaxLimit,
        });

        Assert.Equal(2_345, all.Count);
        Assert.Equal(Enumerable.Range(0, 2_345).Select(i => $"p-{i:D4}"), all.Select(d => d.Id));
        Assert.Equal(2_345, await Participants.CountAsync(Filter.Where("trainingId", "t-big")));
    }

    [ContractFact]
    public async Task Pages_in_id_order_by_default_and_filtered_pages_use_the_filter_on_every_page()
    {
        await InsertPeopleAsync(95, i => TestCollections.Person($"p-{i:D3}", training: i % 3 == 0 ? "t-x" : "t-y", createdAt: 5000 - i));

        var byId = await ReadAllPagesAsync(Participants, new Query { Limit = 20 });
        var newestFirst = await ReadAllPagesAsync(Participants, new Query
        {
            Filter = Filter.Where("trainingId", "t-x"),
            OrderBy = "createdAtUnixMs",
            Descending = true,
            Limit = 4,
        });

        Assert.Equal(Enumerable.Range(0, 95).Select(i => $"p-{i:D3}"), byId.Select(d => d.Id));
        Assert.Equal(Enumerable.Range(0, 95).Where(i => i % 3 == 0).Select(i => $"p-{i:D3}"), newestFirst.Select(d => d.Id));
    }

    [ContractFact]
    public async Task Paging_while_others_insert_and_delete_neither_skips_nor_repeats_the_documents_that_stay()
    {
        await InsertPeopleAsync(60, i => TestCollections.Person($"p-{i * 2:D3}", createdAt: i * 2));
        var query = new Query { OrderBy = "createdAtUnixMs", Limit = 7 };
        var seen = new List<string>();
        var round = 0;
        do
        {
            var page = await Participants.FindAsync(query);
            seen.AddRange(page.Items.Select(d => d.Id));
            // Between pages: new documents land on both sides of the cursor and a later one disappears.
            await Participants.InsertAsync(TestCollections.Person($"n-{round}", createdAt: (round * 13) + 1));
            await Participants.DeleteAsync($"p-{118 - (round * 2):D3}");
            round++;
            query = query with { After = page.Next };
        }
        while (query.After is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        var deleted = Enumerable.Range(0, round).Select(r => $"p-{118 - (r * 2):D3}").ToHashSet();
        var stayed = Enumerable.Range(0, 60).Select(i => $"p-{i * 2:D3}").Where(id => !deleted.Contains(id));
        Assert.All(stayed, id => Assert.Contains(id, seen));
    }

    [ContractFact]
    public async Task A_page_token_is_opaque_and_only_valid_for_its_order()
    {
        await InsertPeopleAsync(5, i => TestCollections.Person($"p-{i}"));
        var first = await Participants.FindAsync(new Query { OrderBy = "createdAtUnixMs", Limit = 2 });
        Assert.NotNull(first.Next);

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => Participants.FindAsync(new Query { OrderBy = "country", Limit = 2, After = first.Next }));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => Participants.FindAsync(new Query { OrderBy = "createdAtUnixMs", Descending = true, Limit = 2, After = first.Next }));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => Participants.FindAsync(new Query { OrderBy = "createdAtUnixMs", Limit = 2, After = "not a token!" }));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => Participants.FindAsync(new Query { OrderBy = "createdAtUnixMs", Limit = 2, After = "e30" }));
        var forged = Convert.ToBase64String("{\"O\":\"createdAtUnixMs\",\"D\":false,\"V\":{\"$gt\":1},\"I\":\"p-1\"}"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => Participants.FindAsync(new Query { OrderBy = "createdAtUnixMs", Limit = 2, After = forged }));
    }

    [ContractFact]
    public async Task The_last_page_has_no_token_and_an_empty_collection_gives_one_empty_page()
    {
        var empty = await Participants.FindAsync(new Query());
        await InsertPeopleAsync(4, i => TestCollections.Person($"p-{i}"));
        var exact = await Participants.FindAsync(new Query { Limit = 4 });

        Assert.Empty(empty.Items);
        Assert.Null(empty.Next);
        Assert.Equal(4, exact.Items.Count);
        Assert.Null(exact.Next);
    }
}
