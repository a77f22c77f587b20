using CapacityHub.Interop.Tests.Infrastructure;

namespace CapacityHub.Interop.Tests;

/// <summary>
/// The gRPC interop cases (grpc/grpc doc/interop-test-descriptions.md), each run by the Python
/// grpcio client (C-core) against the interop server on Grpc.AspNetCore.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class InteropCaseTests(InteropFixture fixture)
{
    [Fact] public Task EmptyUnary() => PassesAsync("empty_unary");

    [Fact] public Task LargeUnary() => PassesAsync("large_unary");

    [Fact] public Task ClientStreaming() => PassesAsync("client_streaming");

    [Fact] public Task ServerStreaming() => PassesAsync("server_streaming");

    [Fact] public Task PingPong() => PassesAsync("ping_pong");

    [Fact] public Task EmptyStream() => PassesAsync("empty_stream");

    [Fact] public Task StatusCodeAndMessage() => PassesAsync("status_code_and_message");

    [Fact] public Task SpecialStatusMessage() => PassesAsync("special_status_message");

    [Fact] public Task CustomMetadata() => PassesAsync("custom_metadata");

    [Fact] public Task UnimplementedMethod() => PassesAsync("unimplemented_method");

    [Fact] public Task UnimplementedService() => PassesAsync("unimplemented_service");

    [Fact] public Task TimeoutOnSleepingServer() => PassesAsync("timeout_on_sleeping_server");

    [Fact] public Task CancelAfterBegin() => PassesAsync("cancel_after_begin");

    [Fact] public Task CancelAfterFirstResponse() => PassesAsync("cancel_after_first_response");

    [Fact] public Task ClientCompressedUnary() => PassesAsync("client_compressed_unary");

    [Fact] public Task ServerCompressedUnary() => PassesAsync("server_compressed_unary");

    [Fact] public Task ClientCompressedStreaming() => PassesAsync("client_compressed_streaming");

    [Fact] public Task ServerCompressedStreaming() => PassesAsync("server_compressed_streaming");

    [Fact] public Task HealthSaysServingForTheWholeServer() => PassesAsync("health_serving");

    [Fact] public Task ReflectionV1ListsAndDescribesTheTestService() => PassesAsync("reflection_v1");

    [Fact] public Task ReflectionV1AlphaListsAndDescribesTheTestService() => PassesAsync("reflection_v1alpha");

    private async Task PassesAsync(string testCase)
    {
        var result = await fixture.RunCaseAsync("interop_client.py", testCase);
        Assert.True(result.ExitCode == 0, $"{testCase} failed: {result}\n--- server\n{fixture.Server.Output}");
        Assert.Contains($"PASS {testCase}", result.Stdout, StringComparison.Ordinal);
        Assert.False(fixture.Server.HasExited, "the interop server died");
    }
}
