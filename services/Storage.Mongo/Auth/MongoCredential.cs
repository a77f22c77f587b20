using CapacityHub.Storage.Mongo.ConnectionString;

namespace CapacityHub.Storage.Mongo.Auth;

/// <summary>Who to authenticate as, where (authSource) and with which mechanism (null: negotiate).</summary>
public sealed record MongoCredential(string Username, string Password, string Source, string? Mechanism)
{
    public static MongoCredential? From(MongoConnectionString connectionString) =>
        connectionString.Username is null
            ? null
            : new MongoCredential(connectionString.Username, connectionString.Password ?? string.Empty, connectionString.AuthSource, connectionString.AuthMechanism);

    public override string ToString() => $"{Username}@{Source}";
}
