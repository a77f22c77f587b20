using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace CapacityHub.ServiceDefaults.Telemetry;

/// <summary>
/// Gives ASP.NET Core's own request span (named "Microsoft.AspNetCore.Hosting.HttpRequestIn" and bare of
/// attributes, the OpenTelemetry ASP.NET Core instrumentation not being available here) the HTTP semantic
/// conventions: name "{method} {http.route}", http.request.method, url.path, url.scheme, server.address,
/// server.port, network.protocol.version, http.route and http.response.status_code; a 5xx answer is an error.
/// RPC calls keep the "package.Service/Method" name the RPC interceptor gives them.
/// </summary>
internal sealed class HttpServerSpans : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(DescribeAsync);
        next(app);
    };

    private static async Task DescribeAsync(HttpContext http, RequestDelegate next)
    {
        var activity = http.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is not { IsAllDataRequested: true })
        {
            await next(http);
            return;
        }

        var request = http.Request;
        activity.DisplayName = request.Method;
        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.Path.Value);
        activity.SetTag("server.address", request.Host.Host);
        if (request.Host.Port is { } port)
        {
            activity.SetTag("server.port", port);
        }

        activity.SetTag("network.protocol.version", ProtocolVersion(request.Protocol));
        try
        {
            await next(http);
        }
        finally
        {
            var status = http.Response.StatusCode;
            activity.SetTag("http.response.status_code", status);
            if (http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
            {
                activity.SetTag("http.route", route);
                if (activity.DisplayName == request.Method)
                {
                    activity.DisplayName = $"{request.Method} {route}";
                }
            }

            if (status >= StatusCodes.Status500InternalServerError)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }
    }

    private static string ProtocolVersion(string protocol) => protocol switch
    {
        "HTTP/2" => "2",
        "HTTP/3" => "3",
        "HTTP/1.1" => "1.1",
        "HTTP/1.0" => "1.0",
        _ => protocol,
    };
}
