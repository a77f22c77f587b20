using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CapacityHub.Browser.Tests;

/// <summary>
/// A manager whose browser asks for Japanese and a partner whose browser asks for Thai get the app in their
/// language, with glyphs drawn from real fonts rather than empty boxes, at laptop and phone widths.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LanguageTests(SystemFixture system)
{
    [Fact]
    public async Task AJapaneseManagersCalendarIsInJapaneseAndDrawnInAJapaneseFont()
    {
        await using var context = await system.ContextAsync("Asia/Tokyo", sessionToken: system.Sessions.For(system.Data.Manager), locale: "ja-JP");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/manager/calendar?date=2027-02-10");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("研修カレンダー");
        await Expect(page.Locator("table.calendar caption")).ToHaveTextAsync("2027年2月");
        Assert.True(await DrawnWithGlyphsAsync(page, "研修カレンダー"), "Japanese text is drawn as empty boxes");
        await Screenshots.SaveBothWidthsAsync(page, "manager-calendar-ja");
    }

    [Fact]
    public async Task AThaiPartnersStartPageIsInThaiDrawnInAThaiFontAndTheSwitcherGoesBackToEnglish()
    {
        await using var context = await system.ContextAsync("Asia/Bangkok", sessionToken: system.Sessions.For(system.Data.ThaiPartner), locale: "th-TH");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/partner");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("งานของคุณ");
        Assert.True(await DrawnWithGlyphsAsync(page, "งานของคุณ"), "Thai text is drawn as empty boxes");
        await Screenshots.SaveBothWidthsAsync(page, "partner-home-th");

        await page.GetByLabel("ภาษา").SelectOptionAsync(new SelectOptionValue { Label = "English" });
        await page.GetByRole(AriaRole.Button, new() { Name = "เปลี่ยน" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your work");
    }

    /// <summary>
    /// A missing glyph is drawn as the same empty box for every character, so text in a script the fonts lack
    /// measures exactly as wide as as many private-use characters, which no font draws.
    /// </summary>
    private static Task<bool> DrawnWithGlyphsAsync(IPage page, string text) => page.EvaluateAsync<bool>(
        """
        text => {
            const context = document.createElement('canvas').getContext('2d');
            context.font = getComputedStyle(document.body).font;
            const boxes = '\u{10FFFD}'.repeat([...text].length);
            return Math.abs(context.measureText(text).width - context.measureText(boxes).width) > 1;
        }
        """, text);
}
