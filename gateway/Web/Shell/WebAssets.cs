using System.Reflection;

namespace CapacityHub.Gateway.Web.Shell;

/// <summary>The stylesheet and script, embedded in the assembly so the gateway image needs no wwwroot.</summary>
public static class WebAssets
{
    public const string StylesheetPath = "/assets/app.css";
    public const string ScriptPath = "/assets/app.js";

    public static IEndpointRouteBuilder MapWebAssets(this IEndpointRouteBuilder endpoints)
    {
        var css = Read("app.css");
        var js = Read("app.js");
        endpoints.MapGet(StylesheetPath, (HttpContext http) => Serve(http, css, "text/css; charset=utf-8"));
        endpoints.MapGet(ScriptPath, (HttpContext http) => Serve(http, js, "text/javascript; charset=utf-8"));
        return endpoints;
    }

    private static IResult Serve(HttpContext http, string content, string type)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(content, type);
    }

    private static string Read(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream($"CapacityHub.Gateway.Web.Assets.{name}")
            ?? throw new InvalidOperationException($"The web asset {name} is not embedded in the gateway assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
