namespace CapacityHub.Storage.Mongo.ConnectionString;

/// <summary>The options this client understands, keyed by their lower-case names.</summary>
internal static class KnownOptions
{
    public static readonly IReadOnlyDictionary<string, OptionKind> Kinds = new Dictionary<string, OptionKind>
    {
        ["appname"] = OptionKind.String,
        ["authmechanism"] = OptionKind.AuthMechanism,
        ["authmechanismproperties"] = OptionKind.MechanismProperties,
        ["authsource"] = OptionKind.String,
        ["connecttimeoutms"] = OptionKind.NonNegativeInt,
        ["directconnection"] = OptionKind.Boolean,
        ["heartbeatfrequencyms"] = OptionKind.NonNegativeInt,
        ["journal"] = OptionKind.Boolean,
        ["localthresholdms"] = OptionKind.NonNegativeInt,
        ["maxidletimems"] = OptionKind.NonNegativeInt,
        ["maxpoolsize"] = OptionKind.NonNegativeInt,
        ["maxstalenessseconds"] = OptionKind.NonNegativeInt,
        ["minpoolsize"] = OptionKind.NonNegativeInt,
        ["readpreference"] = OptionKind.ReadPreferenceMode,
        ["readpreferencetags"] = OptionKind.TagSet,
        ["replicaset"] = OptionKind.String,
        ["retryreads"] = OptionKind.Boolean,
        ["retrywrites"] = OptionKind.Boolean,
        ["serverselectiontimeoutms"] = OptionKind.NonNegativeInt,
        ["sockettimeoutms"] = OptionKind.NonNegativeInt,
        ["ssl"] = OptionKind.Boolean,
        ["tls"] = OptionKind.Boolean,
        ["tlsallowinvalidcertificates"] = OptionKind.Boolean,
        ["tlsallowinvalidhostnames"] = OptionKind.Boolean,
        ["tlscafile"] = OptionKind.String,
        ["tlscertificatekeyfile"] = OptionKind.String,
        ["tlsinsecure"] = OptionKind.Boolean,
        ["w"] = OptionKind.WriteConcernW,
        ["waitqueuetimeoutms"] = OptionKind.NonNegativeInt,
        ["wtimeoutms"] = OptionKind.NonNegativeInt,
    };

    /// <summary>Deprecated spellings and the option that supersedes them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Deprecated = new Dictionary<string, string>
    {
        ["wtimeout"] = "wtimeoutms",
        ["j"] = "journal",
    };

    public static readonly IReadOnlySet<string> AuthMechanisms = new HashSet<string>(StringComparer.Ordinal)
    {
        "SCRAM-SHA-1", "SCRAM-SHA-256", "MONGODB-X509", "PLAIN", "GSSAPI", "MONGODB-AWS", "MONGODB-OIDC",
    };

    public static readonly IReadOnlySet<string> ReadPreferenceModes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "primary", "primaryPreferred", "secondary", "secondaryPreferred", "nearest",
    };
}
