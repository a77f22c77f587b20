using CapacityHub.Rpc.Tests.Infrastructure;
using Grpc.Health.V1;
using static CapacityHub.Rpc.Tests.Infrastructure.RawGrpcClient;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CapacityHub.Rpc.Tests.Server;

[Collection(RpcServerCollection.Name)]
public sealed class HealthTests(RpcTestServer server) : IDisposable
{
    private const string Check = "/grpc.health.v1.Health/Check";
    private const string Watch = "/grpc.health.v1.Health/Watch";
    private readonly RawGrpcClient _client = server.CreateClient();

    [Fact]
    public async Task WholeServerIsServing()
    {
        var response = await _client.CallAsync(Check, Frame(new HealthCheckRequest()));

        Assert.Equal(ServingStatus.Serving, response.Single(HealthCheckResponse.Parser).Status);
    }

    [Fact]
    public async Task CheckReportsTheStatusSetInTheRegistry()
    {
        server.Health.SetStatus("capacityhub.rpctest.v1.EchoService", ServingStatus.NotServing);
        var response = await _client.CallAsync(Check, Frame(new HealthCheckRequest { Service = "capacityhub.rpctest.v1.EchoService" }));

        Assert.Equal(ServingStatus.NotServing, response.Single(HealthCheckResponse.Parser).Status);
    }

    [Fact]
    public async Task CheckOfAnUnknownServiceIsNotFound()
    {
        var response = await _client.CallAsync(Check, Frame(new HealthCheckRequest { Service = "nobody.Knows" }));

        Assert.Equal(StatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task WatchStreamsEachStatusChangeUntilCancelled()
    {
        const string service = "watch.Target";
        server.Health.SetStatus(service, ServingStatus.Serving);
        using var call = await _client.StartStreamingAsync(Watch);
        await call.SendAsync(new HealthCheckRequest { Service = service });
        call.CompleteRequest();

        Assert.Equal(ServingStatus.Serving, (await call.ReadAsync(HealthCheckResponse.Parser))!.Status);
        server.Health.SetStatus(service, ServingStatus.NotServing);
        Assert.Equal(ServingStatus.NotServing, (await call.ReadAsync(HealthCheckResponse.Parser))!.Status);
        server.Health.SetStatus(service, ServingStatus.Serving);
        Assert.Equal(ServingStatus.Serving, (await call.ReadAsync(HealthCheckResponse.Parser))!.Status);
    }

    [Fact]
    public async Task WatchOfAnUnknownServiceSaysSoAndKeepsWatching()
    {
        const string service = "appears.Later";
        using var call = await _client.StartStreamingAsync(Watch);
        await call.SendAsync(new HealthCheckRequest { Service = service });
        call.CompleteRequest();

        Assert.Equal(ServingStatus.ServiceUnknown, (await call.ReadAsync(HealthCheckResponse.Parser))!.Status);
        server.Health.SetStatus(service, ServingStatus.Serving);
        Assert.Equal(ServingStatus.Serving, (await call.ReadAsync(HealthCheckResponse.Parser))!.Status);
    }

    public void Dispose() => _client.Dispose();
}
