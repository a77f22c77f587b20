using CapacityHub.Storage.Mongo.Auth;
using CapacityHub.Storage.Mongo.ConnectionString;

namespace CapacityHub.Storage.Mongo.Connection;

/// <summary>What every new connection needs: timeouts, TLS choices, credential and application name.</summary>
public sealed record ConnectionSettings(
    TimeSpan ConnectTimeout,
    TimeSpan SocketTimeout,
    bool Tls,
    string? TlsCaFile,
    bool TlsInsecure,
    MongoCredential? Credential,
    string? ApplicationName)
{
    public static ConnectionSettings From(MongoConnectionString connectionString) => new(
        connectionString.ConnectTimeout,
        connectionString.SocketTimeout,
        connectionString.Tls,
        connectionString.TlsCaFile,
        connectionString.TlsInsecure,
        MongoCredential.From(connectionString),
        connectionString.AppName);
}
