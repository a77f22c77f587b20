using CsvHelper;

namespace CapacityHub.Gateway.Rest.Imports;

/// <summary>One data row of an uploaded CSV file: its line-based row number (the header is row 1) and its cells by column.</summary>
public sealed record CsvRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value : "";
}

/// <summary>An uploaded CSV file: header names (trimmed, lower case, spaces as '_') and its rows.</summary>
public sealed record CsvTable(IReadOnlyList<string> Columns, IReadOnlyList<CsvRow> Rows)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    /// <summary>Reads the body (text/csv) or the "file" part of a multipart form.</summary>
    public static async Task<CsvTable> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw ImportRejectedException.Whole($"the file is larger than {MaxBytes / 1024 / 1024} MiB");
        }

        string text;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)
                ?? throw ImportRejectedException.Whole("the form has no file; send the CSV as the \"file\" part or as a text/csv body");
            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        else
        {
            using var limited = new MemoryStream();
            await request.Body.CopyToAsync(limited, cancellationToken);
            if (limited.Length > MaxBytes)
            {
                throw ImportRejectedException.Whole($"the file is larger than {MaxBytes / 1024 / 1024} MiB");
            }

            limited.Position = 0;
            using var reader = new StreamReader(limited);
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        return Parse(text);
    }

    public static CsvTable Parse(string text)
    {
        var options = CsvReaderOptions.Default with
        {
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            // Row errors name the column, never echo values (personal data) into logs.
            IncludeValuesInExceptions = false,
        };
        using var csv = CsvReader.Create(new StringReader(text), options);
        try
        {
            if (csv.Headers is not { Count: > 0 } header || header.All(string.IsNullOrWhiteSpace))
            {
                throw ImportRejectedException.Whole("the file is empty; the first row must name the columns");
            }

            var columns = header.Select(Normalise).ToArray();
            var rows = new List<CsvRow>();
            while (csv.Read())
            {
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < columns.Length && i < csv.FieldCount; i++)
                {
                    cells[columns[i]] = (csv.GetString(i) ?? "").Trim();
                }

                if (cells.Values.All(v => v.Length == 0))
                {
                    continue;
                }

                if (rows.Count == MaxRows)
                {
                    throw ImportRejectedException.Whole($"the file has more than {MaxRows} rows; split it");
                }

                rows.Add(new CsvRow((int)csv.LineNumber, cells));
            }

            if (rows.Count == 0)
            {
                throw ImportRejectedException.Whole("the file has a header but no rows");
            }

            return new CsvTable(columns, rows);
        }
        catch (CsvFormatException e)
        {
            throw ImportRejectedException.Whole($"the file is not valid CSV: {e.Message}");
        }
    }

    public void RequireColumns(params string[] required)
    {
        var missing = required.Where(c => !Columns.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new ImportRejectedException([.. missing.Select(c => new RowError(1, c, $"column \"{c}\" is missing (columns: {string.Join(", ", Columns)})"))]);
        }
    }

    private static string Normalise(string header) => header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}
