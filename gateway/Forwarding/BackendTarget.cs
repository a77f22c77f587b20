namespace CapacityHub.Gateway.Forwarding;

/// <summary>One service the gateway forwards to: its name for messages and where it listens.</summary>
public sealed record BackendTarget(string Name, Uri Address, HttpMessageInvoker Invoker);
