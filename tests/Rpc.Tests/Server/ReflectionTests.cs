using CapacityHub.Rpc.Tests.Generated;
using CapacityHub.Rpc.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace CapacityHub.Rpc.Tests.Server;

[Collection(RpcServerCollection.Name)]
public sealed class ReflectionTests(RpcTestServer server) : IDisposable
{
    private const string V1Path = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
    private const string V1AlphaPath = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";
    private readonly RawGrpcClient _client = server.CreateClient();

    [Fact]
    public async Task ListServicesNamesEveryMappedService()
    {
        var response = await AskAsync(new ServerReflectionRequest { ListServices = "" });

        Assert.Equal(
            [
                "capacityhub.rpctest.v1.EchoService",
                "grpc.health.v1.Health",
                "grpc.reflection.v1.ServerReflection",
                "grpc.reflection.v1alpha.ServerReflection",
            ],
            response.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task FileContainingSymbolReturnsTheFileWithItsDependencies()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "capacityhub.rpctest.v1.EchoService" });

        var files = response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        Assert.Equal("echo.proto", files[0].Name);
        Assert.Equal("EchoService", files[0].Service.Single().Name);
    }

    [Fact]
    public async Task TransitiveDependenciesAreIncluded()
    {
        // echo.proto imports echo_types.proto, which imports google/protobuf/timestamp.proto.
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "capacityhub.rpctest.v1.EchoReply" });

        var files = response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        Assert.Equal("echo.proto", files[0].Name);
        Assert.Equal(
            ["echo.proto", "echo_types.proto", "google/protobuf/timestamp.proto"],
            files.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NestedDependencySymbolResolvesToItsOwnFile()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "google.protobuf.Timestamp" });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("google/protobuf/timestamp.proto", file.Name);
    }

    [Fact]
    public async Task MethodSymbolsResolveToTheirFile()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health.Watch" });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("grpc/health/v1/health.proto", file.Name);
    }

    [Fact]
    public async Task FileByFilenameReturnsThatFile()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("grpc.health.v1", file.Package);
    }

    [Fact]
    public async Task UnknownSymbolAndFileAreNotFoundErrors()
    {
        var symbol = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "no.such.Thing" });
        var file = await AskAsync(new ServerReflectionRequest { FileByFilename = "nope.proto" });

        Assert.Equal((int)StatusCode.NotFound, symbol.ErrorResponse.ErrorCode);
        Assert.Contains("no.such.Thing", symbol.ErrorResponse.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal((int)StatusCode.NotFound, file.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task SeveralQuestionsOnOneStreamEachGetAnAnswer()
    {
        using var call = await _client.StartStreamingAsync(V1Path);
        await call.SendAsync(new ServerReflectionRequest { ListServices = "" });
        var first = await call.ReadAsync(ServerReflectionResponse.Parser);
        await call.SendAsync(new ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health" });
        var second = await call.ReadAsync(ServerReflectionResponse.Parser);
        call.CompleteRequest();

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, first!.MessageResponseCase);
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, second!.MessageResponseCase);
        Assert.Equal("grpc.health.v1.Health", second.OriginalRequest.FileContainingSymbol);
        Assert.Null(await call.ReadAsync(ServerReflectionResponse.Parser));
    }

    [Fact]
    public async Task V1AlphaAnswersTheSameQuestions()
    {
        var response = await _client.CallAsync(
            V1AlphaPath, RawGrpcClient.Frame(new V1Alpha.ServerReflectionRequest { FileContainingSymbol = "capacityhub.rpctest.v1.EchoService" }));

        var answer = response.Single(V1Alpha.ServerReflectionResponse.Parser);
        var file = FileDescriptorProto.Parser.ParseFrom(answer.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("echo.proto", file.Name);
        Assert.Equal(EchoService.Descriptor.File.Name, file.Name);
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        var response = await _client.CallAsync(V1Path, RawGrpcClient.Frame(request));
        Assert.Equal(StatusCode.Ok, response.Status);
        return response.Single(ServerReflectionResponse.Parser);
    }

    public void Dispose() => _client.Dispose();
}
