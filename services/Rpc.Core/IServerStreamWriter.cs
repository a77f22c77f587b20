namespace CapacityHub.Rpc;

/// <summary>Writes response messages of a server-streaming or duplex call.</summary>
public interface IServerStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
