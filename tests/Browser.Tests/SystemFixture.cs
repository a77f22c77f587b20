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

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

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
            BasePort = FreeBasePort(),
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

    /// <summary>A browser context (own cookies) with a viewer zone and a window size.</summary>
    public async Task<IBrowserContext> ContextAsync(string timeZone, int width = 1366, int height = 900, string? sessionToken = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            TimezoneId = timeZone,
            Locale = "en-GB",
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

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CapacityHub.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("CapacityHub.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A base port whose five ports (services +1..+3, web +80, gateway gRPC +81) are all free now.</summary>
    private static int FreeBasePort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var basePort = 20000 + (Random.Shared.Next(0, 400) * 100);
            if (new[] { 1, 2, 3, 80, 81 }.All(offset => IsFree(basePort + offset)))
            {
                return basePort;
            }
        }

        throw new InvalidOperationException("No free block of loopback ports found for the local system.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "running system";
}
