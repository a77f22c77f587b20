using Grpc.Core;
using Grpc.Net.Client;

namespace CapacityHub.ServiceDefaults.Clients;

/// <summary>
/// A channel made outside dependency injection (<see cref="ServiceChannels.Open"/>): the invoker that
/// generated clients take (it converts implicitly), and the channel to dispose when done.
/// </summary>
public sealed class ServiceChannel(string address, GrpcChannel channel, CallInvoker invoker) : IDisposable
{
    public string Address { get; } = address;

    public CallInvoker Invoker { get; } = invoker;

    /// <summary>The bare channel, without the caller's interceptors: for anonymous calls such as health checks.</summary>
    public GrpcChannel Channel { get; } = channel;

    public static implicit operator CallInvoker(ServiceChannel channel) => channel.Invoker;

    public CallInvoker ToCallInvoker() => Invoker;

    public void Dispose() => Channel.Dispose();
}
