using CapacityHub.Gateway.Rest;
using CsvHelper;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CapacityHub.Gateway.Exports;

/// <summary>
/// CSV of any list: a List route answers text/csv when asked (Accept: text/csv, or "$alt=csv"), with every
/// page fetched in turn (up to <see cref="MaxRows"/>). Text cells that a spreadsheet would run as a
/// formula are escaped with an apostrophe (OWASP CSV injection).
/// </summary>
public static class CsvListExport
{
    public const int MaxRows = 100_000;

    public static bool Wanted(HttpRequest request) =>
        request.Query["$alt"] == "csv" || request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repeated message field holding a list response's items, or null when the route is not a list.</summary>
    public static FieldDescriptor? ItemsOf(RestRoute route) =>
        route.Response.FindFieldByName("next_page_token") is null
            ? null
            : route.Response.Fields.InDeclarationOrder().FirstOrDefault(f => f.IsRepeated && f.FieldType == FieldType.Message);

    public static async Task WriteAsync(HttpContext context, RestRoute route, FieldDescriptor items, IMessage request, Func<IMessage, Task<IMessage>> call)
    {
        var table = new MessageTable(items.MessageType);
        var tokenField = route.Request.FindFieldByName("page_token");
        var sizeField = route.Request.FindFieldByName("page_size");
        sizeField?.Accessor.SetValue(request, 1000);
        var file = $"{items.JsonName}.csv";
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}\"";

        // Fetch everything first: an error on a later page must become an error response, not a cut-off file.
        var rows = new List<IMessage>();
        while (true)
        {
            var page = await call(request);
            rows.AddRange(((System.Collections.IList)items.Accessor.GetValue(page)).Cast<IMessage>());
            var next = (string)route.Response.FindFieldByName("next_page_token").Accessor.GetValue(page);
            if (next.Length == 0 || tokenField is null || rows.Count >= MaxRows)
            {
                break;
            }

            tokenField.Accessor.SetValue(request, next);
        }

        await using var csv = CsvWriter.Create(context.Response.Body, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteHeader([.. table.Headers]);
        foreach (var row in rows.Take(MaxRows))
        {
            await csv.WriteRecordAsync([.. table.Values(row)], context.RequestAborted);
        }

        await csv.FlushAsync(context.RequestAborted);
    }
}
