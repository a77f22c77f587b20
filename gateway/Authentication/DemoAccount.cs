using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.Gateway.Authentication;

/// <summary>A built-in account of the local demo: one per kind of user.</summary>
public sealed record DemoAccount(string UserName, string Description, CallerIdentity Identity);
