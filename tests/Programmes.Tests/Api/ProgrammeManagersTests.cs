using CapacityHub.ServiceDefaults.Errors;
using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static CapacityHub.Programmes.Tests.SampleProgrammes;
using static CapacityHub.TestSupport.TestCallers;

namespace CapacityHub.Programmes.Tests.Api;

/// <summary>The programme's managers list is the one record of who manages it (the creator first).</summary>
public sealed class ProgrammeManagersTests : IAsyncLifetime
{
    private readonly ProgrammeStoreFixture fixture = new();

    private ProgrammeService.ProgrammeServiceBase Api => fixture.Api;

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task TheCreatingManagerIsRecordedAndFoundByTheManagerFilter()
    {
        var creator = OtherManager();
        var created = await Api.CreateProgramme(new CreateProgrammeRequest { Programme = IcsTraining("MGR-1"), RequestId = "m1" }, new TestCallContext(creator));
        await Api.CreateProgramme(new CreateProgrammeRequest { Programme = IcsTraining("MGR-2"), RequestId = "m2" }, new TestCallContext(Administrator));

        var mine = await Api.ListProgrammes(new ListProgrammesRequest { Manager = creator.Subject }, new TestCallContext(creator));

        Assert.Equal([creator.Subject], created.Managers);
        Assert.Equal([created.Name], mine.Programmes.Select(p => p.Name));
    }

    [Fact]
    public async Task AManagerAddedToTheListManagesAndTheListCannotBeEmptiedByAManager()
    {
        var creator = OtherManager();
        var created = await Api.CreateProgramme(new CreateProgrammeRequest { Programme = IcsTraining("MGR-3"), RequestId = "m3" }, new TestCallContext(creator));
        var colleague = new CallerIdentity("manager-3", "Colleague", CallerRole.ProgrammeManager, "mofa-jp", "JP", []);
        var add = new Programme { Name = created.Name, Etag = created.Etag, Managers = { creator.Subject, colleague.Subject } };
        var shared = await Api.UpdateProgramme(new UpdateProgrammeRequest { Programme = add, UpdateMask = new FieldMask { Paths = { "managers" } } }, new TestCallContext(creator));

        var retitled = await Api.UpdateProgramme(new UpdateProgrammeRequest
        {
            Programme = new Programme { Name = created.Name, Etag = shared.Etag, Title = "Renamed by the colleague" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, new TestCallContext(colleague));
        var empty = new Programme { Name = created.Name, Etag = retitled.Etag };
        var error = await Assert.ThrowsAsync<RpcException>(() => Api.UpdateProgramme(
            new UpdateProgrammeRequest { Programme = empty, UpdateMask = new FieldMask { Paths = { "managers" } } }, new TestCallContext(colleague)));

        Assert.Equal("Renamed by the colleague", retitled.Title);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("programme.managers", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagerNamesAreSingleLinesOfAtMostTwoHundredCharacters()
    {
        var programme = IcsTraining("MGR-4");
        programme.Managers.Add(new string('m', 201));
        programme.Managers.Add("two\nlines");

        var error = await Assert.ThrowsAsync<RpcException>(() => Api.CreateProgramme(new CreateProgrammeRequest { Programme = programme, RequestId = "m4" }, new TestCallContext(Administrator)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("programme.managers[0]", error.Detail, StringComparison.Ordinal);
    }
}
