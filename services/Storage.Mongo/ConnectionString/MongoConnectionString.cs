using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.ConnectionString;

/// <summary>
/// A parsed mongodb:// or mongodb+srv:// string. Options keep their spec names in lower case with typed values;
/// the properties below give the settings the client acts on, with the spec's defaults.
/// </summary>
public sealed record MongoConnectionString(
    bool IsSrv,
    IReadOnlyList<HostSpec> Hosts,
    string? Username,
    string? Password,
    string? Database,
    BsonDocument Options,
    IReadOnlyList<string> Warnings)
{
    public static MongoConnectionString Parse(string uri) => ConnectionStringParser.Parse(uri);

    public string? ReplicaSet => Text("replicaset");

    public string? AppName => Text("appname");

    public string? AuthMechanism => Text("authmechanism");

    /// <summary>authSource, else the path database, else "admin" (the spec default for SCRAM).</summary>
    public string AuthSource => Text("authsource") ?? Database ?? "admin";

    /// <summary>TLS is on when asked for, and always for SRV strings.</summary>
    public bool Tls => Flag("tls") ?? Flag("ssl") ?? IsSrv;

    public string? TlsCaFile => Text("tlscafile");

    public bool TlsInsecure => Flag("tlsinsecure") ?? Flag("tlsallowinvalidcertificates") ?? false;

    public bool? DirectConnection => Flag("directconnection");

    public bool RetryWrites => Flag("retrywrites") ?? true;

    public bool? Journal => Flag("journal");

    public BsonValue? W => Options.GetValue("w", null);

    public int? WTimeoutMs => Number("wtimeoutms");

    public string ReadPreference => Text("readpreference") ?? "primary";

    public IReadOnlyList<BsonDocument> ReadPreferenceTags =>
        Options.TryGetValue("readpreferencetags", out var tags) ? [.. tags.AsBsonArray.Select(t => t.AsBsonDocument)] : [];

    public int MaxPoolSize => Number("maxpoolsize") ?? 100;

    public int MinPoolSize => Number("minpoolsize") ?? 0;

    public TimeSpan WaitQueueTimeout => Milliseconds("waitqueuetimeoutms", 120_000);

    public TimeSpan MaxIdleTime => Milliseconds("maxidletimems", 0);

    public TimeSpan ConnectTimeout => Milliseconds("connecttimeoutms", 10_000);

    public TimeSpan SocketTimeout => Milliseconds("sockettimeoutms", 0);

    public TimeSpan ServerSelectionTimeout => Milliseconds("serverselectiontimeoutms", 30_000);

    public TimeSpan HeartbeatFrequency => Milliseconds("heartbeatfrequencyms", 10_000);

    public TimeSpan LocalThreshold => Milliseconds("localthresholdms", 15);

    private string? Text(string key) => Options.TryGetValue(key, out var value) ? value.AsString : null;

    private bool? Flag(string key) => Options.TryGetValue(key, out var value) ? value.AsBoolean : null;

    private int? Number(string key) => Options.TryGetValue(key, out var value) ? value.AsInt32 : null;

    private TimeSpan Milliseconds(string key, int fallback) => TimeSpan.FromMilliseconds(Number(key) ?? fallback);
}
