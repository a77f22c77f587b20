using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;
using CapacityHub.ServiceDefaults.Identity;
using CapacityHub.Trainings.V1;

namespace CapacityHub.Gateway.Tests.Forwarding;

/// <summary>The gRPC face over real sockets: what reaches the service, and what comes back to the client.</summary>
public sealed class ForwardingTests : IAsyncLifetime
{
    private static readonly CallerIdentity PartnerTh = new("user-th", "Kanya", CallerRole.PartnerAgency, "etda", "TH", []);

    private GatewayUnderTest gateway = null!;

    private TrainingService.TrainingServiceClient Trainings => new(gateway.Channel);

    public async Task InitializeAsync() => gateway = await GatewayUnderTest.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task TheServiceGetsACallerTokenMintedForTheUserAndNeverTheClientsOwn()
    {
        var forger = new CallerTokens(new CallerTokenOptions { SigningKey = GatewayUnderTest.IdentityKey }, TimeProvider.System);
        var forged = forger.Issue(new CallerIdentity("mallory", "Mallory", CallerRole.Administrator, null, null, []));
        var options = GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh), extra: new Metadata { { CallerTokenOptions.MetadataKey, forged }, { "x-client-note", "kept" } });

        var training = await Trainings.GetTrainingAsync(new GetTrainingRequest { Name = "trainings/t1" }, options);

        Assert.Equal("trainings/t1", training.Name);
        var seen = Assert.Single(gateway.Calls.Calls);
        var token = Assert.Single(seen.Headers.GetAll(CallerTokenOptions.MetadataKey)).Value!;
        Assert.NotEqual(forged, token);
        var caller = await forger.ValidateAsync(token);
        Assert.Equal(PartnerTh.Subject, caller!.Subject);
        Assert.Equal(CallerRole.PartnerAgency, caller.Role);
        Assert.Equal("etda", caller.OrganisationId);
        Assert.Null(seen.Headers.GetValue("authorization"));
        Assert.Equal("kept", seen.Headers.GetValue("x-client-note"));
    }

    [Fact]
    public async Task TheClientsDeadlineReachesTheService()
    {
        var before = DateTime.UtcNow;
        var deadline = before + TimeSpan.FromSeconds(30);
        var options = GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh)).WithDeadline(deadline);

        await Trainings.GetTrainingAsync(new GetTrainingRequest { Name = "trainings/t1" }, options);

        // grpc-timeout is relative, so each hop's transit time is added on; the gateway subtracts its own time.
        var seen = Assert.Single(gateway.Calls.Calls);
        Assert.InRange(seen.Deadline, before, deadline + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ADeadlineUsedUpAtTheGatewayEndsTheCallThereWithDeadlineExceeded()
    {
        // A raw call: grpc-dotnet refuses to send a call whose deadline has passed, so the budget is 1 ns.
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Address + "/capacityhub.trainings.v1.TrainingService/GetTraining")
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", "1n");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", gateway.TokenFor(PartnerTh));

        using var response = await client.SendAsync(request);

        Assert.Equal(((int)StatusCode.DeadlineExceeded).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("grpc-status")));
        Assert.Empty(gateway.Calls.Calls);
    }

    [Fact]
    public async Task ACallWithoutADeadlineReachesTheServiceWithoutOne()
    {
        // A plain grpc-dotnet channel: CapacityHub's own clients always set a default deadline.
        using var plain = global::Grpc.Net.Client.GrpcChannel.ForAddress(gateway.Address);
        var bearer = GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh));

        await new TrainingService.TrainingServiceClient(plain).GetTrainingAsync(new GetTrainingRequest { Name = "trainings/t1" }, new CallOptions(bearer.Headers));

        Assert.Equal(DateTime.MaxValue, Assert.Single(gateway.Calls.Calls).Deadline);
    }

    [Fact]
    public async Task CancellingTheClientCallCancelsTheServicesHandler()
    {
        using var cancel = new CancellationTokenSource();
        var options = GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh)).WithCancellationToken(cancel.Token);
        var call = Trainings.ListTrainingsAsync(new ListTrainingsRequest(), options);
        await gateway.Calls.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await gateway.Calls.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task AnExpiredDeadlineEndsTheHeldCallWithDeadlineExceededAndCancelsTheService()
    {
        var options = GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh), TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<RpcException>(() => Trainings.ListTrainingsAsync(new ListTrainingsRequest(), options).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await gateway.Calls.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task ServerStreamingMessagesAndTrailersComeThrough()
    {
        var impact = new ImpactService.ImpactServiceClient(gateway.Channel);
        using var call = impact.WatchImpactMetrics(new GetImpactMetricsRequest(), GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh)));

        var received = new List<long>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            received.Add(call.ResponseStream.Current.Countries);
        }

        Assert.Equal([1L, 2L, 3L], received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("3", call.GetTrailers().GetValue("x-snapshots"));
    }

    [Fact]
    public async Task ServiceErrorsKeepTheirStatusMessageAndFieldViolations()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Trainings.CreateTrainingAsync(new CreateTrainingRequest(), GatewayUnderTest.Bearer(gateway.TokenFor(new CallerIdentity("m", "M", CallerRole.ProgrammeManager, null, null, [])))).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("Invalid training: title is required.", error.Detail);
        Assert.Equal("training.title", Assert.Single(error.FieldViolations()).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    public async Task MissingOrInvalidBearerTokensAreUnauthenticated(string? token)
    {
        var options = token is null ? new CallOptions(new Metadata(), DateTime.UtcNow.AddSeconds(20)) : GatewayUnderTest.Bearer(token);

        var error = await Assert.ThrowsAsync<RpcException>(() => Trainings.GetTrainingAsync(new GetTrainingRequest { Name = "trainings/t1" }, options).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("Bearer", error.Detail, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls.Calls);
    }

    [Fact]
    public async Task ADownServiceIsUnavailableWithAMessageNamingIt()
    {
        var programmes = new Programmes.V1.ProgrammeService.ProgrammeServiceClient(gateway.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => programmes.GetProgrammeAsync(
            new Programmes.V1.GetProgrammeRequest { Name = "programmes/p1" }, GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh))).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("Programmes service is unavailable", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADownServiceIs503WithRetryAfterOnRestNamingTheServiceNeverItsAddress()
    {
        using var http = new HttpClient();
        // The test gateway listens on its cleartext HTTP/2 port only; REST is served there too.
        using var request = new HttpRequestMessage(HttpMethod.Get, gateway.Address + "/api/v1/programmes/p1")
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", gateway.TokenFor(PartnerTh));

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == 503, $"{(int)response.StatusCode}: {body}");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Programmes service is unavailable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadinessIsNotServingWhileABackendIsDownButLivenessServes()
    {
        var health = new global::Grpc.Health.V1.Health.HealthClient(gateway.Channel);

        var readiness = await health.CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest { Service = "" });
        var liveness = await health.CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest { Service = "liveness" });

        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing, readiness.Status);
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, liveness.Status);
    }

    [Fact]
    public async Task AMessageOverFourMebibytesIsRefusedBeforeTheServicesHandler()
    {
        var huge = new GetTrainingRequest { Name = new string('x', 4 * 1024 * 1024 + 1) };
        // A client without CapacityHub's own send limit, so the message really crosses the gateway.
        using var plain = global::Grpc.Net.Client.GrpcChannel.ForAddress(gateway.Address, new global::Grpc.Net.Client.GrpcChannelOptions { MaxSendMessageSize = null });

        var error = await Assert.ThrowsAsync<RpcException>(() => new TrainingService.TrainingServiceClient(plain)
            .GetTrainingAsync(huge, GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh))).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("exceeds the maximum", error.Detail, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls.Calls);
    }

    [Fact]
    public async Task AMessageJustUnderTheLimitGoesThrough()
    {
        var large = new GetTrainingRequest { Name = new string('x', 4 * 1024 * 1024 - 64) };

        var training = await Trainings.GetTrainingAsync(large, GatewayUnderTest.Bearer(gateway.TokenFor(PartnerTh)));

        Assert.Equal(large.Name.Length, training.Name.Length);
    }
}
