using System.Net;
using CapacityHub.Gateway.Tests.Data;

namespace CapacityHub.Gateway.Tests.Web;

/// <summary>
/// Pages in the reader's language end to end: the browser's Accept-Language picks Japanese or Thai for the
/// whole page (headings, labels, table headers, status words and refusals), while the data stays as entered.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class LocalisedPagesTests(RunningSystem system)
{
    private Scenario S => system.Scenario;

    [Fact]
    public async Task APartnerReadingThaiGetsItsStartPageAndParticipantsInThai()
    {
        var home = await PageAsync("/partner", S.ThaiUser, "th-TH,th;q=0.9");
        var participants = await PageAsync("/partner/nominations", S.ThaiUser, "th");

        Assert.Contains("<html lang=\"th\"", home, StringComparison.Ordinal);
        Assert.Contains("<h1>งานของคุณ</h1>", home, StringComparison.Ordinal);
        Assert.Contains("การฝึกอบรมที่รับการเสนอชื่อจากคุณ", home, StringComparison.Ordinal);
        Assert.Contains(S.Training.Title, home, StringComparison.Ordinal);
        Assert.DoesNotContain("Trainings taking your nominations", home, StringComparison.Ordinal);
        // The partner's own country, named in Thai after its organisation.
        Assert.Contains(", ไทย</p>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Thailand", home, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">ผู้เข้าร่วม</th>", participants, StringComparison.Ordinal);
        Assert.Contains("ค้นหา", participants, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartnerReadingThaiIsToldWhatKindOfNewsEachInboxEntryIsAndWhenInThai()
    {
        var inbox = await PageAsync("/inbox", S.ThaiUser, "th");

        Assert.Contains("<span class=\"kind\">ผลการพิจารณาการเสนอชื่อ</span>", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("Nomination decided", inbox, StringComparison.Ordinal);
        // Thai month abbreviations ("ธ.ค." for December) with the common-era year.
        Assert.Matches(@"<time datetime=""[^""]+"">[^<]* \d{1,2} [ก-๙.]+ 20\d\d \d\d:\d\d</time>", inbox);
    }

    [Fact]
    public async Task AManagerReadingJapaneseBuildsAProgrammeOnAJapaneseForm()
    {
        var form = await PageAsync("/manager/programmes/new", S.Manager, "ja");

        Assert.Contains("<h1>新しいプログラム</h1>", form, StringComparison.Ordinal);
        Assert.Contains("参加機関", form, StringComparison.Ordinal);
        Assert.Contains(">資金提供</option>", form, StringComparison.Ordinal);
        Assert.Contains("サイバー犯罪", form, StringComparison.Ordinal);
        Assert.Contains("プログラムを作成", form, StringComparison.Ordinal);
        // The values posted stay the API's, whatever the language shown.
        Assert.Contains("value=\"Funding\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCalendarNamesMonthsAndDaysTheWayTheReadersLanguageDoes()
    {
        var japanese = await PageAsync("/manager/calendar?date=2027-02-10&tz=Asia/Bangkok", S.Manager, "ja");
        var thaiEmpty = await PageAsync("/manager/calendar?date=2030-06-12", S.Manager, "th");

        Assert.Contains("<caption>2027年2月</caption>", japanese, StringComparison.Ordinal);
        Assert.Contains("<abbr title=\"水曜日\">水</abbr>", japanese, StringComparison.Ordinal);
        Assert.Contains("<span class=\"cal-full\">2027年2月10日 水曜日</span>", japanese, StringComparison.Ordinal);
        Assert.Contains(S.Training.Title, japanese, StringComparison.Ordinal);
        // A Bangkok reader of a Bangkok training reads its clock once.
        Assert.Contains("<strong>会場の時刻（あなたの時刻と同じ）:</strong>", japanese, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>あなたの時刻:</strong>", japanese, StringComparison.Ordinal);
        Assert.Contains("ไม่มีวันจัดอบรมที่กำหนดไว้ใน มิถุนายน 2030", thaiEmpty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusalIsWordedInTheReadersLanguage()
    {
        using var request = system.Request(HttpMethod.Get, "/manager/programmes", S.ThaiUser);
        request.Headers.AcceptLanguage.ParseAdd("ja");
        using var response = await system.Web.SendAsync(request);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("あなたの役割では利用できません", page, StringComparison.Ordinal);
        Assert.Contains("パートナー機関", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishStaysTheDefaultForAnyOtherLanguage()
    {
        var page = await PageAsync("/partner", S.ThaiUser, "de-DE");

        Assert.Contains("<h1>Your work</h1>", page, StringComparison.Ordinal);
    }

    private async Task<string> PageAsync(string path, ServiceDefaults.Identity.CallerIdentity caller, string language)
    {
        using var request = system.Request(HttpMethod.Get, path, caller);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await system.Web.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {body}");
        return WebUtility.HtmlDecode(body);
    }
}
