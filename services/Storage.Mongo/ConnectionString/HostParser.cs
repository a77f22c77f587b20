using System.Globalization;

namespace CapacityHub.Storage.Mongo.ConnectionString;

/// <summary>Parses the comma-separated host list: hostnames, IPv4, [IPv6] literals and percent-encoded unix socket paths.</summary>
internal static class HostParser
{
    public static IReadOnlyList<HostSpec> ParseAll(string hosts)
    {
        if (hosts.Length == 0)
        {
            throw new MongoConnectionStringException("The connection string names no host.");
        }

        return [.. hosts.Split(',').Select(Parse)];
    }

    public static HostSpec Parse(string raw)
    {
        if (raw.Length == 0)
        {
            throw new MongoConnectionStringException("The host list contains an empty host.");
        }

        if (raw[0] == '[')
        {
            var close = raw.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new MongoConnectionStringException($"IP literal '{raw}' has no closing ']'.");
            }

            var literal = raw[1..close];
            var rest = raw[(close + 1)..];
            if (rest.Length > 0 && rest[0] != ':')
            {
                throw new MongoConnectionStringException($"Unexpected characters after IP literal in '{raw}'.");
            }

            return new HostSpec(HostKind.IpLiteral, literal, rest.Length == 0 ? null : ParsePort(rest[1..], raw));
        }

        var decoded = PercentDecoder.Decode(raw, "host");
        if (decoded.Contains('/', StringComparison.Ordinal))
        {
            // Only a percent-encoded '/' can reach here, which the spec reserves for unix domain socket paths.
            return new HostSpec(HostKind.Unix, decoded, null);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && decoded.IndexOf(':', colon + 1) >= 0)
        {
            throw new MongoConnectionStringException($"Host '{raw}' has more than one ':'; IPv6 addresses must be in brackets.");
        }

        var name = colon < 0 ? decoded : decoded[..colon];
        if (name.Length == 0)
        {
            throw new MongoConnectionStringException($"Host '{raw}' has an empty name.");
        }

        int? port = colon < 0 ? null : ParsePort(decoded[(colon + 1)..], raw);
        return new HostSpec(IsIPv4(name) ? HostKind.IPv4 : HostKind.Hostname, name, port);
    }

    private static int ParsePort(string text, string host)
    {
        if (text.Length == 0 || !text.All(char.IsAsciiDigit)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port < 1 || port > 65535)
        {
            throw new MongoConnectionStringException($"Host '{host}' has an invalid port '{text}' (must be 1-65535).");
        }

        return port;
    }

    private static bool IsIPv4(string name)
    {
        var parts = name.Split('.');
        return parts.Length == 4 && parts.All(p =>
            p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }
}
