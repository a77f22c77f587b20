namespace CapacityHub.Storage;

/// <summary>Readiness: a cheap round trip to the store.</summary>
public interface IStoreHealth
{
    /// <summary>Completes when the store answers; throws <see cref="StoreUnavailableException"/> otherwise.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
