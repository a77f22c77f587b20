using CsvHelper;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CapacityHub.Gateway.Exports;

/// <summary>
/// CSV of any list: a List RPC's REST route answers text/csv when asked (Accept: text/csv, or "$alt=csv"),
/// with every page fetched in turn (up to <see cref="MaxRows"/>). Text cells that a spreadsheet would run
/// as a formula are escaped with an apostrophe (OWASP CSV injection).
/// </summary>
public static class CsvListExport
{
    public const int MaxRows = 100_000;

    public static bool Wanted(HttpRequest request) =>
        request.Query["$alt"] == "csv" || request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repeated message field holding a list response's items, or null when the method is not a list.</summary>
    public static FieldDescriptor? ItemsOf(MethodDescriptor method) =>
        method.OutputType.FindFieldByName("next_page_token") is null
            ? null
            : method.OutputType.Fields.InDeclarationOrder().FirstOrDefault(f => f.IsRepeated && f.FieldType == FieldType.Message);

    /// <summary>Every item of every page. Fetched before anything is written: an error on a later page must become an error response, not a cut-off file.</summary>
    public static async Task<IReadOnlyList<IMessage>> FetchAsync(MethodDescriptor method, IMessage request, Func<IMessage, Task<IMessage>> call)
    {
        var items = ItemsOf(method) ?? throw new ArgumentException($"{method.FullName} is not a list method.", nameof(method));
        var tokenField = method.InputType.FindFieldByName("page_token");
        method.InputType.FindFieldByName("page_size")?.Accessor.SetValue(request, 1000);
        var rows = new List<IMessage>();
        while (true)
        {
            var page = await call(request);
            rows.AddRange(((System.Collections.IList)items.Accessor.GetValue(page)).Cast<IMessage>());
            var next = (string)method.OutputType.FindFieldByName("next_page_token").Accessor.GetValue(page);
            if (next.Length == 0 || tokenField is null || rows.Count >= MaxRows)
            {
                return rows;
            }

            tokenField.Accessor.SetValue(request, next);
        }
    }

    public static async Task<CsvFile> RenderAsync(FieldDescriptor items, IReadOnlyList<IMessage> rows, CancellationToken cancellationToken)
    {
        var table = new MessageTable(items.MessageType);
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader([.. table.Headers]);
            foreach (var row in rows.Take(MaxRows))
            {
                await csv.WriteRecordAsync([.. table.Values(row)], cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }

        return new CsvFile($"{items.JsonName}.csv", buffer.ToArray());
    }
}

/// <summary>A rendered CSV download.</summary>
public sealed record CsvFile(string FileName, byte[] Content);
