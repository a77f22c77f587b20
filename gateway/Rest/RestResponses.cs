using System.Text;
using System.Text.Json;
using CapacityHub.Gateway.Exports;
using CapacityHub.Gateway.Limits;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace CapacityHub.Gateway.Rest;

/// <summary>
/// Wraps every transcoded /api/v1 call: holds the request to the body limit (413) and the strict JSON
/// mapping (<see cref="RestRequestCheck"/>) before it is bound, and gives every answer the REST face's
/// one error shape (<see cref="RestErrors"/>) and its CSV form. The transcoder writes errors as a bare
/// google.rpc.Status without the field violations, so the RpcException behind a failed call is kept
/// (<see cref="RecordError"/>) and written here instead.
/// </summary>
public static class RestResponses
{
    private const string ErrorKey = "capacityhub.rest.error";
    private const string CsvKey = "capacityhub.rest.csv";

    public static void RecordError(HttpContext http, RpcException error) => http.Items[ErrorKey] = error;

    public static void ReplaceWithCsv(HttpContext http, CsvFile csv) => http.Items[CsvKey] = csv;

    public static IApplicationBuilder UseRestResponses(this IApplicationBuilder app) => app.Use(HandleAsync);

    private static async Task HandleAsync(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } rpc)
        {
            await next(http);
            return;
        }

        try
        {
            await CheckRequestAsync(http, rpc);
        }
        catch (RpcException e)
        {
            await RestErrors.WriteAsync(http, e);
            return;
        }
        catch (BodyTooLargeException e)
        {
            await RestErrors.WriteTooLargeAsync(http, e);
            return;
        }

        if (rpc.MethodDescriptor.IsServerStreaming)
        {
            // A watch is written as its updates arrive; only its refusal is an error body.
            await next(http);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        await AnswerAsync(http, buffer);
    }

    private static async Task AnswerAsync(HttpContext http, MemoryStream buffer)
    {
        if (http.Items[ErrorKey] is RpcException error)
        {
            http.Response.Clear();
            await RestErrors.WriteAsync(http, error);
        }
        else if (http.Response.StatusCode >= 400)
        {
            // Refused by the transcoder itself (a route value it cannot bind, an unsupported content type).
            var (code, message) = StatusOf(buffer);
            http.Response.Clear();
            await RestErrors.WriteAsync(http, new RpcException(new Status(code, message)));
        }
        else if (http.Items[CsvKey] is CsvFile csv)
        {
            http.Response.Clear();
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{csv.FileName}\"";
            await http.Response.Body.WriteAsync(csv.Content, http.RequestAborted);
        }
        else
        {
            http.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }

    private static (StatusCode Code, string Message) StatusOf(MemoryStream buffer)
    {
        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
            var code = json.RootElement.TryGetProperty("code", out var c) ? (StatusCode)c.GetInt32() : StatusCode.Unknown;
            var message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            return (code, message);
        }
        catch (JsonException)
        {
            return (StatusCode.InvalidArgument, Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    private static async Task CheckRequestAsync(HttpContext http, GrpcJsonTranscodingMetadata rpc)
    {
        var limit = http.RequestServices.GetRequiredService<GatewayLimitsOptions>().MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            throw new BodyTooLargeException(limit);
        }

        RestRequestCheck.Query(http.Request.Query, rpc.MethodDescriptor, rpc.HttpRule);
        if (string.IsNullOrEmpty(rpc.HttpRule.Body))
        {
            return;
        }

        http.Request.EnableBuffering();
        string json;
        try
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, leaveOpen: true);
            json = (await reader.ReadToEndAsync(http.RequestAborted)).Trim();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Chunked bodies have no Content-Length: Kestrel counts them as they arrive.
            throw new BodyTooLargeException(limit);
        }

        http.Request.Body.Position = 0;
        RestRequestCheck.Body(json, rpc.MethodDescriptor, rpc.HttpRule);
    }
}
