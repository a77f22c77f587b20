namespace CapacityHub.Storage.Mongo.ConnectionString;

/// <summary>One seed host. Port is null when the string gave none (27017 then applies to TCP hosts).</summary>
public sealed record HostSpec(HostKind Kind, string Host, int? Port)
{
    public const int DefaultPort = 27017;

    /// <summary>The "host:port" address SDAM uses as the server's identity (lower case, IPv6 in brackets).</summary>
    public string Address => Kind switch
    {
        HostKind.Unix => Host,
        HostKind.IpLiteral => $"[{Host.ToLowerInvariant()}]:{Port ?? DefaultPort}",
        _ => $"{Host.ToLowerInvariant()}:{Port ?? DefaultPort}",
    };
}
