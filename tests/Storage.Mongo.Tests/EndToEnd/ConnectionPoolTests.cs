using CapacityHub.Storage.Mongo.Connection;

namespace CapacityHub.Storage.Mongo.Tests.EndToEnd;

/// <summary>The pool's bounds, wait-queue timeout, idle pruning and generation bump, over real sockets.</summary>
public sealed class ConnectionPoolTests
{
    private static ConnectionFactory Factory() =>
        new(new ConnectionSettings(TimeSpan.FromSeconds(2), TimeSpan.Zero, false, null, false, null, null));

    [Fact]
    public async Task CheckOutWaitsForAFreeSlotAndTimesOut()
    {
        await using var server = new FakeMongoServer();
        await using var pool = new ConnectionPool(server.Address, new PoolSettings(1, TimeSpan.FromMilliseconds(200), TimeSpan.Zero), Factory().OpenAsync);

        var held = await pool.CheckOutAsync(CancellationToken.None);
        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<MongoWaitQueueTimeoutException>(() => pool.CheckOutAsync(CancellationToken.None));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(150));
        Assert.Contains("maxPoolSize 1", error.Message, StringComparison.Ordinal);

        var waiting = pool.CheckOutAsync(CancellationToken.None);
        await pool.CheckInAsync(held);
        var reused = await waiting;
        Assert.Same(held, reused);
        Assert.Equal(1, server.ConnectionsAccepted);
        await pool.CheckInAsync(reused);
    }

    [Fact]
    public async Task ClearClosesConnectionsOfTheOldGeneration()
    {
        await using var server = new FakeMongoServer();
        await using var pool = new ConnectionPool(server.Address, new PoolSettings(5, TimeSpan.FromSeconds(1), TimeSpan.Zero), Factory().OpenAsync);
        var first = await pool.CheckOutAsync(CancellationToken.None);
        await pool.CheckInAsync(first);

        pool.Clear();
        var second = await pool.CheckOutAsync(CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.True(first.IsBroken);
        Assert.Equal(1, second.Generation);
        Assert.Equal(1, pool.TotalConnections);
        await pool.CheckInAsync(second);
    }

    [Fact]
    public async Task PruneClosesConnectionsIdleLongerThanMaxIdleTime()
    {
        await using var server = new FakeMongoServer();
        await using var pool = new ConnectionPool(server.Address, new PoolSettings(5, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)), Factory().OpenAsync);
        var connection = await pool.CheckOutAsync(CancellationToken.None);
        await pool.CheckInAsync(connection);
        Assert.Equal(1, pool.IdleConnections);

        await Task.Delay(250);
        await pool.PruneAsync();

        Assert.Equal(0, pool.IdleConnections);
        Assert.Equal(0, pool.TotalConnections);
        Assert.True(connection.IsBroken);
    }

    [Fact]
    public async Task BrokenConnectionsAreNotReturnedToThePool()
    {
        await using var server = new FakeMongoServer();
        server.FailNext("ping", null);
        await using var pool = new ConnectionPool(server.Address, new PoolSettings(5, TimeSpan.FromSeconds(1), TimeSpan.Zero), Factory().OpenAsync);
        var connection = await pool.CheckOutAsync(CancellationToken.None);

        await Assert.ThrowsAsync<MongoConnectionException>(() => connection.RunCommandAsync("admin", new MongoDB.Bson.BsonDocument("ping", 1), null, CancellationToken.None));
        await pool.CheckInAsync(connection);

        Assert.Equal(0, pool.IdleConnections);
        var fresh = await pool.CheckOutAsync(CancellationToken.None);
        Assert.False(fresh.IsBroken);
        Assert.Equal(2, server.ConnectionsAccepted);
        await pool.CheckInAsync(fresh);
    }

    [Fact]
    public async Task ConnectionCheckedInAfterThePoolIsDisposedIsClosed()
    {
        await using var server = new FakeMongoServer();
        var pool = new ConnectionPool(server.Address, new PoolSettings(2, TimeSpan.FromSeconds(1), TimeSpan.Zero), Factory().OpenAsync);
        var connection = await pool.CheckOutAsync(CancellationToken.None);

        await pool.DisposeAsync();
        await pool.CheckInAsync(connection);

        Assert.True(connection.IsBroken);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.CheckOutAsync(CancellationToken.None));
    }
}
