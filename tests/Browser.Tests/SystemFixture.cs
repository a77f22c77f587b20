using System.Net;
using System.Net.Sockets;
using CapacityHub.LocalRun;
using Microsoft.Playwright;

namespace CapacityHub.Browser.Tests;

/// <summary>
/// The whole system as ./run.sh starts it (LocalSystem on a temporary data folder, Release builds),
/// the demo data the browser tests work on, and one headless Debian Chromium shared by the tests.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "capacityhub-browser-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalSystem? system;
    private IPlaywright? playwright;

    public static string RepositoryRoot { get; } = Repository.FindRoot();

    public string WebAddress { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public TestData Data { get; private set; } = null!;

    public SessionTokens Sessions { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        system = await LocalSystem.StartAsync(new LocalRunOptions
        {
            // Browser tests create their own programmes and partners; the demo data would collide with them.
            SeedDemoData = false,
            RepositoryRoot = RepositoryRoot,
            DataFolder = dataFolder,
            BasePort = LocalPorts.FreeBasePort(),
            StartTimeout = TimeSpan.FromSeconds(120),
        });
        var gateway = system["gateway"];
        WebAddress = gateway.WebAddress!;
        Sessions = new SessionTokens(system.Secrets.DemoSigningKey);
        Data = await TestData.CreateAsync(system, system.Secrets.CallerTokenKey);

        // Playwright must never fetch its own browsers here; Debian's chromium is launched instead.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Expectations wait for their condition; a loaded CI machine gets longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        Data?.Dispose();
        if (system is not null)
        {
            await system.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open by a stopping process; the temp folder is cleaned up later.
        }
    }

    /// <summary>A browser context (own cookies) with a viewer zone, a window size and the language the browser asks for.</summary>
    public async Task<IBrowserContext> ContextAsync(string timeZone, int width = 1366, int height = 900, string? sessionToken = null, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            TimezoneId = timeZone,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = WebAddress,
        });
        context.SetDefaultTimeout(20_000);
        if (sessionToken is not null)
        {
            await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "capacityhub_session", Value = sessionToken, Url = WebAddress, HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);
        }

        return context;
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "running system";
}
