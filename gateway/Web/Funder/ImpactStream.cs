using System.Text;
using CapacityHub.Gateway.Localisation;
using CapacityHub.Gateway.Web.Pages.Funder;
using CapacityHub.Gateway.Web.Shell;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace CapacityHub.Gateway.Web.Funder;

/// <summary>
/// Server-sent events for the dashboard, fed by the gateway dashboard's watch (ImpactService.WatchImpactMetrics
/// underneath): every new set of figures (an outcome recorded, a report approved...) is rendered with the
/// page's own figures component and pushed.
/// </summary>
public static class ImpactStream
{
    public static async Task<IResult> StreamAsync(WebRequest request)
    {
        var filters = ImpactFilters.From(request);
        var http = request.Http;
        http.Response.Headers.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await using var renderer = new HtmlRenderer(http.RequestServices, http.RequestServices.GetRequiredService<ILoggerFactory>());
        try
        {
            await foreach (var figures in FunderDashboardData.WatchAsync(request, filters))
            {
                await SendAsync(http, "metrics", await RenderAsync(renderer, figures));
            }
        }
        catch (RpcException e) when (!request.Aborted.IsCancellationRequested)
        {
            await SendAsync(http, "failed", ServiceErrors.Describe(e, http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>()));
        }
        catch (OperationCanceledException) when (request.Aborted.IsCancellationRequested)
        {
            // The page was closed: nothing to tell anyone.
        }

        return Results.Empty;
    }

    private static Task<string> RenderAsync(HtmlRenderer renderer, ImpactFigures figures) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ImpactFiguresView.Figures)] = figures });
            var output = await renderer.RenderComponentAsync<ImpactFiguresView>(parameters);
            return output.ToHtmlString();
        });

    private static async Task SendAsync(HttpContext http, string name, string data)
    {
        var message = new StringBuilder("event: ").Append(name).Append('\n');
        foreach (var line in data.Split('\n'))
        {
            message.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        message.Append('\n');
        await http.Response.WriteAsync(message.ToString(), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
