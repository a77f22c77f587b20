using System.Globalization;
using MongoDB.Bson;

namespace CapacityHub.Storage.Mongo.Store;

/// <summary>
/// UTC instants kept as BSON dates, so MongoDB sorts, filters and shows them as dates. BSON dates hold
/// milliseconds; an instant with finer digits, a local offset or another spelling stays a string, because the
/// text read back must equal the text written.
/// </summary>
internal static class BsonInstants
{
    private const string Whole = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";
    private const string Millis = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    public static BsonDateTime? TryDate(string text)
    {
        // Cheap shape check first: most strings in a document are names, codes and ids.
        if (text.Length is not (20 or 24) || text[^1] != 'Z' || text[10] != 'T' || text[4] != '-')
        {
            return null;
        }

        var format = text.Length == 20 ? Whole : Millis;
        if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
        {
            return null;
        }

        var date = new BsonDateTime(instant);
        return Text(date) == text ? date : null;
    }

    /// <summary>Whole seconds without a fraction, otherwise three digits: how protobuf JSON writes such instants.</summary>
    public static string Text(BsonDateTime date)
    {
        var instant = date.ToUniversalTime();
        return instant.ToString(instant.Millisecond == 0 ? Whole : Millis, CultureInfo.InvariantCulture);
    }
}
