using Grpc.Core;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace CapacityHub.Gateway.Tests.Forwarding;

/// <summary>grpcurl and Postman work against the gateway alone: reflection lists and resolves the forwarded APIs.</summary>
public sealed class ReflectionTests : IAsyncLifetime
{
    private GatewayUnderTest gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayUnderTest.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task ReflectionListsEveryForwardedServiceAndResolvesItsFile()
    {
        var reflection = new ServerReflection.ServerReflectionClient(gateway.Channel);
        using var call = reflection.ServerReflectionInfo(new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20)));

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var listed = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "capacityhub.trainings.v1.NominationService.Nominate" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes)).ToList();
        await call.RequestStream.CompleteAsync();

        Assert.Superset(
            new HashSet<string>
            {
                "capacityhub.programmes.v1.ProgrammeService", "capacityhub.partners.v1.PartnerService",
                "capacityhub.trainings.v1.TrainingService", "capacityhub.trainings.v1.NominationService",
                "capacityhub.trainings.v1.OutcomeReportService", "capacityhub.trainings.v1.ImpactService",
                "capacityhub.trainings.v1.NotificationService",
                "grpc.health.v1.Health",
            },
            listed.ToHashSet());
        var nominations = Assert.Single(files, f => f.Name == "capacityhub/trainings/v1/nomination_service.proto");
        Assert.Contains(nominations.Service.Single().Method, m => m.Name == "Nominate");
        Assert.Contains(files, f => f.Name == "capacityhub/trainings/v1/nomination.proto");
    }
}
