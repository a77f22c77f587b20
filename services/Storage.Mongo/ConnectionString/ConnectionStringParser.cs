using System.Buffers;

namespace CapacityHub.Storage.Mongo.ConnectionString;

/// <summary>Splits a connection string into scheme, userinfo, hosts, auth database and options, as the spec orders it.</summary>
internal static class ConnectionStringParser
{
    private const string Standard = "mongodb://";
    private const string Srv = "mongodb+srv://";
    private static readonly SearchValues<char> ForbiddenInUserInfo = SearchValues.Create(":/?#[]@");
    private static readonly SearchValues<char> ForbiddenInDatabase = SearchValues.Create("/\\ \"$");

    public static MongoConnectionString Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        bool isSrv;
        string rest;
        if (uri.StartsWith(Standard, StringComparison.Ordinal))
        {
            (isSrv, rest) = (false, uri[Standard.Length..]);
        }
        else if (uri.StartsWith(Srv, StringComparison.Ordinal))
        {
            (isSrv, rest) = (true, uri[Srv.Length..]);
        }
        else
        {
            throw new MongoConnectionStringException("A connection string must start with 'mongodb://' or 'mongodb+srv://'.");
        }

        var hostEnd = rest.IndexOfAny(['/', '?']);
        var authority = hostEnd < 0 ? rest : rest[..hostEnd];
        var tail = hostEnd < 0 ? string.Empty : rest[hostEnd..];

        string? username = null;
        string? password = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            (username, password) = ParseUserInfo(authority[..at]);
            authority = authority[(at + 1)..];
        }

        var hosts = HostParser.ParseAll(authority);
        var (database, query) = SplitPathAndQuery(tail);
        var (options, warnings) = OptionParser.Parse(query);

        if (isSrv)
        {
            if (hosts.Count != 1)
            {
                throw new MongoConnectionStringException("A mongodb+srv:// string must name exactly one host.");
            }

            if (hosts[0].Port is not null)
            {
                throw new MongoConnectionStringException("A mongodb+srv:// host must not have a port.");
            }

            if (options.GetValue("directconnection", false).AsBoolean)
            {
                throw new MongoConnectionStringException("directConnection=true cannot be used with mongodb+srv://.");
            }
        }

        if (hosts.Count > 1 && options.GetValue("directconnection", false).AsBoolean)
        {
            throw new MongoConnectionStringException("directConnection=true requires exactly one host.");
        }

        return new MongoConnectionString(isSrv, hosts, username, password, database, options, warnings);
    }

    private static (string Username, string? Password) ParseUserInfo(string userInfo)
    {
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var rawUser = colon < 0 ? userInfo : userInfo[..colon];
        var rawPassword = colon < 0 ? null : userInfo[(colon + 1)..];
        if (rawUser.Length == 0)
        {
            throw new MongoConnectionStringException("The username is empty.");
        }

        if (rawUser.AsSpan().IndexOfAny(ForbiddenInUserInfo) >= 0 || (rawPassword is not null && rawPassword.AsSpan().IndexOfAny(ForbiddenInUserInfo) >= 0))
        {
            throw new MongoConnectionStringException("Username and password must percent-encode ':', '/', '?', '#', '[', ']' and '@'.");
        }

        return (PercentDecoder.Decode(rawUser, "username"), rawPassword is null ? null : PercentDecoder.Decode(rawPassword, "password"));
    }

    private static (string? Database, string Query) SplitPathAndQuery(string tail)
    {
        if (tail.Length == 0)
        {
            return (null, string.Empty);
        }

        var question = tail.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? tail : tail[..question];
        var query = question < 0 ? string.Empty : tail[(question + 1)..];
        var rawDatabase = path.Length > 0 ? path[1..] : string.Empty;
        if (rawDatabase.Length == 0)
        {
            return (null, query);
        }

        var database = PercentDecoder.Decode(rawDatabase, "database name");
        if (database.AsSpan().IndexOfAny(ForbiddenInDatabase) >= 0)
        {
            throw new MongoConnectionStringException($"Database name '{database}' contains a character MongoDB forbids (/ \\ space \" $).");
        }

        return (database, query);
    }
}
