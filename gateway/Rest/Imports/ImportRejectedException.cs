using CapacityHub.ServiceDefaults.Errors;
using Grpc.Core;

namespace CapacityHub.Gateway.Rest.Imports;

/// <summary>A problem with one cell (row 1 is the header; row 0 means the file as a whole).</summary>
public sealed record RowError(int Row, string Column, string Message);

/// <summary>An import that applied nothing, with every problem found; answered as INVALID_ARGUMENT (or the service's status).</summary>
public sealed class ImportRejectedException(IReadOnlyList<RowError> errors, StatusCode code = StatusCode.InvalidArgument, string? summary = null)
    : Exception(summary ?? $"Nothing was imported: {errors.Count} problem(s) in the file.")
{
    public IReadOnlyList<RowError> Errors { get; } = errors;

    public StatusCode Code { get; } = code;

    public static ImportRejectedException Whole(string message) => new([new RowError(0, "", message)], summary: $"Nothing was imported: {message}.");

    /// <summary>The AIP-193 error body: field violations "rows[N].column" plus the same errors as plain rows.</summary>
    public Task WriteAsync(HttpContext context)
    {
        var violations = Errors.Select(e => new FieldViolation(e.Row == 0 ? "file" : $"rows[{e.Row}].{e.Column}", e.Message)).ToArray();
        var rows = new Dictionary<string, object>
        {
            ["@type"] = "type.googleapis.com/capacityhub.gateway.v1.CsvRowErrors",
            ["rowErrors"] = Errors.Select(e => new { row = e.Row, column = e.Column, message = e.Message }).ToArray(),
        };
        var error = Code == StatusCode.InvalidArgument ? RpcException.InvalidArgument(Message, violations) : new RpcException(new Status(Code, Message));
        return RestErrors.WriteAsync(context, error, [rows]);
    }
}
