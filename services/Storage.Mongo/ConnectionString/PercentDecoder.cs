using System.Text;

namespace CapacityHub.Storage.Mongo.ConnectionString;

/// <summary>Strict RFC 3986 percent-decoding: a '%' not followed by two hex digits is an error, not a literal.</summary>
internal static class PercentDecoder
{
    public static string Decode(string value, string part)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            if (i + 2 >= value.Length || !Uri.IsHexDigit(value[i + 1]) || !Uri.IsHexDigit(value[i + 2]))
            {
                throw new MongoConnectionStringException($"The {part} contains an invalid percent-escape at position {i}.");
            }

            bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
            i += 2;
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
