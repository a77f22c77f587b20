using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace CapacityHub.Gateway.Exports;

/// <summary>
/// A list's items as CSV columns, decided by the message type (not the data) so every export of one list
/// has the same header: scalar fields by their JSON name, single nested messages flattened with dots
/// ("participant.email"), dates as 2026-03-02, instants as RFC 3339, repeated scalars joined with "; ",
/// repeated messages as their protobuf JSON.
/// </summary>
public sealed class MessageTable
{
    private const int MaxDepth = 3;

    private readonly List<(string Header, Func<IMessage, string> Value)> columns = [];

    public MessageTable(MessageDescriptor descriptor) => Add(descriptor, "", [], 0);

    public IReadOnlyList<string> Headers => columns.Select(c => c.Header).ToArray();

    public IEnumerable<string> Values(IMessage item) => columns.Select(c => c.Value(item));

    private void Add(MessageDescriptor descriptor, string prefix, FieldDescriptor[] path, int depth)
    {
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            var header = prefix + field.JsonName;
            FieldDescriptor[] fieldPath = [.. path, field];
            if (field.FieldType == FieldType.Message && !field.IsRepeated && !IsLeaf(field.MessageType) && depth < MaxDepth)
            {
                Add(field.MessageType, header + ".", fieldPath, depth + 1);
                continue;
            }

            columns.Add((header, item => Format(field, Walk(item, fieldPath))));
        }
    }

    private static bool IsLeaf(MessageDescriptor type) =>
        type.FullName is "google.protobuf.Timestamp" or "capacityhub.common.v1.Date" or "capacityhub.common.v1.Money" or "google.protobuf.FieldMask";

    private static object? Walk(IMessage item, FieldDescriptor[] path)
    {
        object? current = item;
        foreach (var field in path)
        {
            if (current is not IMessage message)
            {
                return null;
            }

            if (field.HasPresence && !field.IsRepeated && !field.Accessor.HasValue(message))
            {
                return null;
            }

            current = field.Accessor.GetValue(message);
        }

        return current;
    }

    private static string Format(FieldDescriptor field, object? value)
    {
        switch (value)
        {
            case null:
                return "";
            case System.Collections.IDictionary map:
                return string.Join("; ", map.Keys.Cast<object>().Select(k => $"{k}={FormatOne(field.MessageType.FindFieldByNumber(2), map[k])}"));
            case System.Collections.IList list when field.IsRepeated:
                return string.Join("; ", list.Cast<object>().Select(v => FormatOne(field, v)));
            default:
                return FormatOne(field, value);
        }
    }

    private static string FormatOne(FieldDescriptor field, object? value) => value switch
    {
        null => "",
        Timestamp t => t.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Common.V1.Date d => d.Year == 0 ? "" : $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}",
        Common.V1.Money m => $"{m.Amount} {m.CurrencyCode}".Trim(),
        IMessage message => Rest.ProtoJson.Formatter.Format(message),
        bool b => b ? "true" : "false",
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        System.Enum e => field.FieldType == FieldType.Enum ? field.EnumType.FindValueByNumber(Convert.ToInt32(e, CultureInfo.InvariantCulture))?.Name ?? e.ToString() : e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        ByteString bytes => bytes.ToBase64(),
        _ => value.ToString() ?? "",
    };
}
