namespace CapacityHub.Rpc.Tests.Client.Support;

/// <summary>One grpcio server shared by the client tests that need nothing special from it.</summary>
public sealed class EchoServerFixture : IAsyncLifetime
{
    private PythonEchoServer? _server;

    public string Address => _server!.Address;

    public async Task InitializeAsync() => _server = await PythonEchoServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EchoServerCollection : ICollectionFixture<EchoServerFixture>
{
    public const string Name = "grpcio echo server";
}
