using System.Globalization;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.ConnectionString;

/// <summary>
/// Parses the query part. Per the spec, unknown keys and unusable values are warnings (the option is ignored),
/// while contradictions that would change security or topology are errors.
/// </summary>
internal sealed class OptionParser
{
    private readonly BsonDocument options = [];
    private readonly List<string> warnings = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public static (BsonDocument Options, IReadOnlyList<string> Warnings) Parse(string query)
    {
        var parser = new OptionParser();
        if (query.Length > 0)
        {
            foreach (var pair in query.Split('&'))
            {
                parser.ParsePair(pair);
            }
        }

        parser.Validate();
        return (parser.options, parser.warnings);
    }

    private void ParsePair(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new MongoConnectionStringException($"Option '{pair}' is not a key=value pair.");
        }

        var key = PercentDecoder.Decode(pair[..equals], "option name").ToLowerInvariant();
        var rawValue = pair[(equals + 1)..];
        if (!seen.Add(key) && key != "readpreferencetags")
        {
            warnings.Add($"Option '{key}' is repeated; the last value wins.");
        }

        if (KnownOptions.Deprecated.TryGetValue(key, out var replacement))
        {
            warnings.Add($"Option '{key}' is deprecated; use '{replacement}'.");
            if (AlreadySet(replacement))
            {
                return;
            }

            key = replacement;
        }

        if (!KnownOptions.Kinds.TryGetValue(key, out var kind))
        {
            warnings.Add($"Option '{key}' is not recognised and was ignored.");
            return;
        }

        if (rawValue.Length == 0)
        {
            warnings.Add($"Option '{key}' has an empty value and was ignored.");
            return;
        }

        var value = kind == OptionKind.MechanismProperties ? ParseMechanismProperties(rawValue) : Convert(key, kind, PercentDecoder.Decode(rawValue, $"value of {key}"));
        if (value is null)
        {
            return;
        }

        if (kind == OptionKind.TagSet)
        {
            var tags = options.GetValue(key, new BsonArray()).AsBsonArray;
            tags.Add(value);
            options[key] = tags;
        }
        else
        {
            options[key] = value;
        }

        bool AlreadySet(string name) => seen.Contains(name) || options.Contains(name);
    }

    private BsonValue? Convert(string key, OptionKind kind, string value)
    {
        switch (kind)
        {
            case OptionKind.String:
                return value;
            case OptionKind.Boolean:
                if (value is "true" or "false")
                {
                    return value == "true";
                }

                warnings.Add($"Option '{key}' must be true or false, got '{value}'; ignored.");
                return null;
            case OptionKind.NonNegativeInt:
            case OptionKind.PositiveInt:
                if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    && (number > 0 || (number == 0 && kind == OptionKind.NonNegativeInt)))
                {
                    return number;
                }

                warnings.Add($"Option '{key}' must be a non-negative integer, got '{value}'; ignored.");
                return null;
            case OptionKind.WriteConcernW:
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : value;
            case OptionKind.ReadPreferenceMode:
                if (KnownOptions.ReadPreferenceModes.Contains(value))
                {
                    return value;
                }

                warnings.Add($"readPreference '{value}' is not a read preference mode; ignored.");
                return null;
            case OptionKind.TagSet:
                return ParseTagSet(value);
            case OptionKind.AuthMechanism:
                if (!KnownOptions.AuthMechanisms.Contains(value))
                {
                    throw new MongoConnectionStringException($"authMechanism '{value}' is not a known mechanism.");
                }

                return value;
            default:
                throw new InvalidOperationException($"Unhandled option kind {kind}.");
        }
    }

    private BsonDocument? ParseTagSet(string value)
    {
        var tags = new BsonDocument();
        if (value.Length == 0)
        {
            return tags;
        }

        foreach (var tag in value.Split(','))
        {
            var colon = tag.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                warnings.Add($"readPreferenceTags entry '{tag}' is not name:value; the tag set was ignored.");
                return null;
            }

            tags[tag[..colon]] = tag[(colon + 1)..];
        }

        return tags;
    }

    private BsonDocument? ParseMechanismProperties(string raw)
    {
        var properties = new BsonDocument();
        foreach (var item in raw.Split(','))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                warnings.Add($"authMechanismProperties entry '{item}' is not KEY:value; ignored.");
                return null;
            }

            var value = PercentDecoder.Decode(item[(colon + 1)..], "authMechanismProperties value");
            if (value.Contains(',', StringComparison.Ordinal))
            {
                // An encoded comma cannot be told apart from a separator by every driver, so the spec warns.
                warnings.Add("authMechanismProperties value contains a comma; the option was ignored.");
                return null;
            }

            properties[PercentDecoder.Decode(item[..colon], "authMechanismProperties key")] = value;
        }

        return properties;
    }

    private void Validate()
    {
        if (options.Contains("tls") && options.Contains("ssl") && options["tls"] != options["ssl"])
        {
            throw new MongoConnectionStringException("tls and ssl are both given with different values.");
        }

        if (options.Contains("tlsinsecure")
            && (options.Contains("tlsallowinvalidcertificates") || options.Contains("tlsallowinvalidhostnames")))
        {
            throw new MongoConnectionStringException("tlsInsecure cannot be combined with tlsAllowInvalidCertificates or tlsAllowInvalidHostnames.");
        }

        if (options.Contains("minpoolsize") && options.Contains("maxpoolsize")
            && options["maxpoolsize"].AsInt32 != 0 && options["minpoolsize"].AsInt32 > options["maxpoolsize"].AsInt32)
        {
            throw new MongoConnectionStringException("minPoolSize cannot exceed maxPoolSize.");
        }

        if (options.GetValue("journal", false).AsBoolean
            && options.GetValue("w", 1) is BsonInt32 { Value: 0 })
        {
            throw new MongoConnectionStringException("w=0 cannot be combined with journal=true.");
        }
    }
}
