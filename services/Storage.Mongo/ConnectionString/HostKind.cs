namespace CapacityHub.Storage.Mongo.ConnectionString;

/// <summary>The host identifier forms a connection string may carry (names match the spec's "type").</summary>
public enum HostKind
{
    Hostname,
    IPv4,
    IpLiteral,
    Unix,
}
