using CapacityHub.Partners.V1;
using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;

namespace CapacityHub.Partners.Tests.Api;

public sealed class ClientChosenIdTests : IAsyncLifetime
{
    private readonly PartnerStoreFixture fixture = new();
    private readonly TestCallContext context = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    private Task<Organisation> CreateAsync(string organisationId, string requestId, Organisation? organisation = null) =>
        fixture.Api.CreateOrganisation(new CreateOrganisationRequest
        {
            Organisation = organisation ?? SamplePartners.Cert(),
            RequestId = requestId,
            OrganisationId = organisationId,
        }, context);

    [Fact]
    public async Task ChosenIdBecomesTheNameAndCanBeRead()
    {
        var created = await CreateAsync("vncert", "r-1");

        Assert.Equal("organisations/vncert", created.Name);
        var read = await fixture.Api.GetOrganisation(new GetOrganisationRequest { Name = "organisations/vncert" }, context);
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task RetryWithTheSameRequestReturnsTheFirstButAnotherRequestForTheIdIsAlreadyExists()
    {
        var first = await CreateAsync("vncert", "r-1");
        var retry = await CreateAsync("vncert", "r-1");
        Assert.Equal(first, retry);

        var other = SamplePartners.Cert();
        other.IatiIdentifier = "VN-OTHER";
        var e = await Assert.ThrowsAsync<RpcException>(() => CreateAsync("vncert", "r-2", other));
        Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
        Assert.Contains("organisations/vncert", e.Detail);
        Assert.Contains("organisation_id", e.Detail);
    }

    [Theory]
    [InlineData("Etda")]
    [InlineData("1cert")]
    [InlineData("etda_th")]
    [InlineData("etda/th")]
    [InlineData("-etda")]
    public async Task MalformedIdIsInvalidArgumentNamingTheField(string id)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(id, "r-1"));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("organisation_id", Assert.Single(e.FieldViolations()).Field);
    }

    [Fact]
    public async Task SixtyFourCharactersIsTooLongButSixtyThreeIsFine()
    {
        var longest = "a" + new string('b', 62);
        Assert.Equal("organisations/" + longest, (await CreateAsync(longest, "r-1")).Name);

        var e = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(longest + "c", "r-2"));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task WithoutAChosenIdTheServerAssignsOne()
    {
        var created = await CreateAsync("", "r-1");

        Assert.Matches("^organisations/[0-9a-f]{32}$", created.Name);
    }
}
