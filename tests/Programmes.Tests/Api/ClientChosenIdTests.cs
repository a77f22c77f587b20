using CapacityHub.Programmes.V1;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using static CapacityHub.Programmes.Tests.SampleProgrammes;

namespace CapacityHub.Programmes.Tests.Api;

public sealed class ClientChosenIdTests : IAsyncLifetime
{
    private readonly ProgrammeStoreFixture fixture = new();
    private readonly TestCallContext context = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    private Task<Programme> CreateAsync(string programmeId, string requestId, string code = "JPUS-ICS") =>
        fixture.Api.CreateProgramme(new CreateProgrammeRequest { Programme = IcsTraining(code), RequestId = requestId, ProgrammeId = programmeId }, context);

    [Fact]
    public async Task ChosenIdBecomesTheNameAndCanBeRead()
    {
        var created = await CreateAsync("ics-indo-pacific", "r-1");

        Assert.Equal("programmes/ics-indo-pacific", created.Name);
        var read = await fixture.Api.GetProgramme(new GetProgrammeRequest { Name = "programmes/ics-indo-pacific" }, context);
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task RetryWithTheSameRequestReturnsTheFirstButAnotherRequestForTheIdIsAlreadyExists()
    {
        var first = await CreateAsync("ics-indo-pacific", "r-1");
        var retry = await CreateAsync("ics-indo-pacific", "r-1");
        Assert.Equal(first, retry);

        var e = await Assert.ThrowsAsync<RpcException>(() => CreateAsync("ics-indo-pacific", "r-2", code: "OTHER"));
        Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
        Assert.Contains("programmes/ics-indo-pacific", e.Detail);
        Assert.Contains("programme_id", e.Detail);
        var all = await fixture.Api.ListProgrammes(new ListProgrammesRequest(), context);
        Assert.Single(all.Programmes);
    }

    [Theory]
    [InlineData("ICS")]
    [InlineData("9ics")]
    [InlineData("ics_2018")]
    [InlineData("ics.2018")]
    public async Task MalformedIdIsInvalidArgumentNamingTheField(string id)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(id, "r-1"));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("programme_id", Assert.Single(e.FieldViolations()).Field);
    }

    [Fact]
    public async Task WithoutAChosenIdTheServerAssignsOne()
    {
        var created = await CreateAsync("", "r-1");

        Assert.Matches("^programmes/[0-9a-f]{32}$", created.Name);
    }
}
