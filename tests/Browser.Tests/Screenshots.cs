using Microsoft.Playwright;

namespace CapacityHub.Browser.Tests;

/// <summary>Saves full-page screenshots as test artefacts under artifacts/screenshots/ at laptop and phone widths.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(SystemFixture.RepositoryRoot, "artifacts", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    /// <summary>The same page at a laptop and a phone width; asserts neither scrolls sideways.</summary>
    public static async Task SaveBothWidthsAsync(IPage page, string name)
    {
        foreach (var (width, height, label) in new[] { (1366, 900, "laptop"), (390, 844, "phone") })
        {
            await page.SetViewportSizeAsync(width, height);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 1, $"{name} scrolls sideways by {overflow}px at {width}px wide");
            var file = await SaveAsync(page, $"{name}-{label}");
            Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
        }
    }
}
