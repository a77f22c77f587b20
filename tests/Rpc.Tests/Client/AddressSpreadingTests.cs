using System.Net;
using CapacityHub.Rpc.Tests.Client.Support;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Rpc.Tests.Client;

/// <summary>
/// A headless service name resolving to several pods, played by one grpcio server per loopback
/// address (127.0.0.1 and 127.0.0.2, same port); each answers Name with its own address.
/// </summary>
public sealed class AddressSpreadingTests
{
    private const string Host = "trainings.capacityhub.svc.cluster.local";
    private static readonly IPAddress PodA = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress PodB = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task CallsAreSpreadEvenlyOverEveryResolvedAddress()
    {
        await using var server = await PythonEchoServer.StartAsync("--hosts", "127.0.0.1,127.0.0.2");
        var options = new RpcChannelOptions
        {
            SpreadAcrossAddresses = true,
            ResolveAddresses = (host, _) => Task.FromResult(host == Host ? new[] { PodA, PodB } : []),
        };
        using var channel = RpcChannel.ForAddress($"http://{Host}:{server.Port}", options);

        var answeredBy = await NamesAsync(channel, 20);

        Assert.Equal(2, channel.ConnectionPoolCount);
        Assert.Equal(10, answeredBy.Count(name => name == "127.0.0.1"));
        Assert.Equal(10, answeredBy.Count(name => name == "127.0.0.2"));
    }

    [Fact]
    public async Task AddressesThatRefuseConnectionsAreSkipped()
    {
        await using var server = await PythonEchoServer.StartAsync("--hosts", "127.0.0.1");
        var options = new RpcChannelOptions
        {
            SpreadAcrossAddresses = true,
            Retry = RetryPolicy.None,
            ResolveAddresses = (_, _) => Task.FromResult(new[] { IPAddress.Parse("127.0.0.3"), PodA }),
        };
        using var channel = RpcChannel.ForAddress($"http://{Host}:{server.Port}", options);

        var answeredBy = await NamesAsync(channel, 6);

        Assert.All(answeredBy, name => Assert.Equal("127.0.0.1", name));
    }

    [Fact]
    public async Task NewAddressesArePickedUpWhenTheNameIsResolvedAgain()
    {
        await using var server = await PythonEchoServer.StartAsync("--hosts", "127.0.0.1,127.0.0.2");
        var resolutions = 0;
        var options = new RpcChannelOptions
        {
            SpreadAcrossAddresses = true,
            AddressRefreshInterval = TimeSpan.FromMilliseconds(300),
            ResolveAddresses = (_, _) => Task.FromResult(
                Interlocked.Increment(ref resolutions) == 1 ? new[] { PodA } : new[] { PodA, PodB }),
        };
        using var channel = RpcChannel.ForAddress($"http://{Host}:{server.Port}", options);

        var before = await NamesAsync(channel, 4);
        await Task.Delay(500);
        var after = await NamesAsync(channel, 10);

        Assert.All(before, name => Assert.Equal("127.0.0.1", name));
        Assert.True(resolutions >= 2, $"resolved {resolutions} times");
        Assert.Equal(2, channel.ConnectionPoolCount);
        Assert.Contains("127.0.0.2", after);
    }

    private static async Task<List<string>> NamesAsync(RpcChannel channel, int calls)
    {
        var names = new List<string>();
        for (var i = 0; i < calls; i++)
        {
            names.Add((await channel.UnaryAsync(Echo.Name, new Empty(), default)).Value);
        }

        return names;
    }
}
