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

    public static implicit operator CallInvoker(ServiceChannel channel) => channel.Invoker;

    public CallInvoker ToCallInvoker() => Invoker;

    public void Dispose() => channel.Dispose();
}
