using CapacityHub.ServiceDefaults.Identity;

namespace CapacityHub.ServiceDefaults.Tests;

public sealed class CallerTokensTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string OtherKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    private static readonly CallerIdentity Manager =
        new("user-7", "Aiko", CallerRole.ProgrammeManager, "mofa-jp", "jp", ["ics-indo-pacific", "ajccbc"]);

    [Fact]
    public async Task IssuedTokenValidatesBackToTheSameCaller()
    {
        var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = Key }, TimeProvider.System);

        var caller = await tokens.ValidateAsync(tokens.Issue(Manager));

        Assert.NotNull(caller);
        Assert.Equal("user-7", caller.Subject);
        Assert.Equal(CallerRole.ProgrammeManager, caller.Role);
        Assert.Equal("mofa-jp", caller.OrganisationId);
        Assert.Equal("JP", caller.CountryCode);
        Assert.Equal(["ics-indo-pacific", "ajccbc"], caller.ProgrammeIds);
        Assert.True(caller.Manages("ajccbc"));
        Assert.False(caller.Manages("arf-ict"));
    }

    [Fact]
    public async Task SingleProgrammeSurvivesTheRoundTrip()
    {
        var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = Key }, TimeProvider.System);

        var caller = await tokens.ValidateAsync(tokens.Issue(Manager with { ProgrammeIds = ["arf-ict"] }));

        Assert.Equal(["arf-ict"], caller!.ProgrammeIds);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKeyIsRejected()
    {
        var forger = new CallerTokens(new CallerTokenOptions { SigningKey = OtherKey }, TimeProvider.System);
        var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = Key }, TimeProvider.System);

        Assert.Null(await tokens.ValidateAsync(forger.Issue(Manager)));
    }

    [Fact]
    public async Task TamperedPayloadIsRejected()
    {
        var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = Key }, TimeProvider.System);
        var parts = tokens.Issue(Manager).Split('.');
        var forgedPayload = Base64Url(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(FromBase64Url(parts[1])).Replace("ProgrammeManager", "Administrator", StringComparison.Ordinal)));

        Assert.Null(await tokens.ValidateAsync($"{parts[0]}.{forgedPayload}.{parts[2]}"));
    }

    [Fact]
    public async Task ExpiredTokenIsRejected()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-21T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var tokens = new CallerTokens(new CallerTokenOptions { SigningKey = Key, Lifetime = TimeSpan.FromMinutes(5) }, clock);
        var token = tokens.Issue(Manager);

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.NotNull(await tokens.ValidateAsync(token));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await tokens.ValidateAsync(token));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void WeakOrMalformedKeysAreRefusedAtStartup(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CallerTokens(new CallerTokenOptions { SigningKey = key }, TimeProvider.System));

        Assert.Contains("Identity:SigningKey", error.Message, StringComparison.Ordinal);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset now = now;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
