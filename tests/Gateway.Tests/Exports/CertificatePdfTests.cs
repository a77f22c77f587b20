using CapacityHub.Gateway.Exports.Certificates;

namespace CapacityHub.Gateway.Tests.Exports;

/// <summary>The certificate renderer, read back with poppler: every name in its own script, fonts embedded.</summary>
public sealed class CertificatePdfTests
{
    private static readonly CertificateContent Thai = new(
        "สมชาย ใจดี", "ศูนย์ประสานการรักษาความมั่นคงปลอดภัยระบบคอมพิวเตอร์", "ICS Security Fundamentals", "10 February 2027 – 12 February 2027",
        "JPCERT/CC Training Centre, Tokyo", "ASEAN-Japan Cybersecurity Capacity Building", "CH-2027-00042", "13 February 2027");

    [Fact]
    public async Task ThaiAndJapaneseNamesAreWrittenInFontsOfTheirScriptEmbeddedInTheFile()
    {
        var japanese = Thai with { ParticipantName = "山田 太郎", OrganisationName = "JPCERT コーディネーションセンター" };

        var thaiPdf = CertificatePdf.Render(Thai);
        var japanesePdf = CertificatePdf.Render(japanese);

        var thaiText = await PdfText.TextOfAsync(thaiPdf);
        Assert.Contains("Certificate of Completion", thaiText, StringComparison.Ordinal);
        Assert.Contains("สมชาย ใจดี", thaiText, StringComparison.Ordinal);
        Assert.Contains("ICS Security Fundamentals", thaiText, StringComparison.Ordinal);
        Assert.Contains("CH-2027-00042", thaiText, StringComparison.Ordinal);
        Assert.Contains("山田 太郎", await PdfText.TextOfAsync(japanesePdf), StringComparison.Ordinal);

        var thaiFonts = await PdfText.FontsOfAsync(thaiPdf);
        var japaneseFonts = await PdfText.FontsOfAsync(japanesePdf);
        Assert.Contains("Garuda", thaiFonts, StringComparison.Ordinal);
        Assert.Contains("IPAGothic", japaneseFonts, StringComparison.Ordinal);
        // Every font line of pdffonts' table says "yes" in its emb column.
        Assert.All(FontLines(thaiFonts).Concat(FontLines(japaneseFonts)), line => Assert.Contains(" yes ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void TheInstalledFontsCoverEveryScriptACertificateUses() =>
        Assert.Empty(CertificateFonts.Missing);

    private static IEnumerable<string> FontLines(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2);
}
