using CapacityHub.Rpc.Tests.Client.Support;
using Grpc.Health.V1;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace CapacityHub.Rpc.Tests.Client;

/// <summary>The generated grpc.health.v1 client against grpcio's health service.</summary>
[Collection(EchoServerCollection.Name)]
public sealed class HealthWatchTests(EchoServerFixture server)
{
    [Fact]
    public async Task CheckReportsServingAndUnknownServicesAsNotFound()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        var health = new Grpc.Health.V1.Health.HealthClient(channel);

        var whole = await health.CheckAsync(new HealthCheckRequest());
        var error = await Assert.ThrowsAsync<RpcException>(
            () => health.CheckAsync(new HealthCheckRequest { Service = "capacityhub.unknown.v1.Nothing" }));

        Assert.Equal(ServingStatus.Serving, whole.Status);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task WatchStreamsEveryStatusChange()
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        var health = new Grpc.Health.V1.Health.HealthClient(channel);
        var service = "capacityhub.trainings.v1.TrainingService-" + Guid.NewGuid().ToString("N");
        using var watch = health.Watch(new HealthCheckRequest { Service = service });
        var updates = watch.ResponseStream;

        Assert.True(await updates.MoveNext());
        Assert.Equal(ServingStatus.ServiceUnknown, updates.Current.Status);

        await channel.UnaryAsync(Echo.SetHealth, Echo.Text(service + "=SERVING"), default);
        Assert.True(await updates.MoveNext());
        Assert.Equal(ServingStatus.Serving, updates.Current.Status);

        await channel.UnaryAsync(Echo.SetHealth, Echo.Text(service + "=NOT_SERVING"), default);
        Assert.True(await updates.MoveNext());
        Assert.Equal(ServingStatus.NotServing, updates.Current.Status);

        watch.Dispose();
        Assert.Equal(StatusCode.Cancelled, watch.GetStatus().StatusCode);
    }
}
