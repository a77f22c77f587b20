using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CapacityHub.Gateway.Exports.Certificates;

/// <summary>A certificate of completion as a one-page A4 landscape PDF with its fonts embedded.</summary>
public static class CertificatePdf
{
    private static readonly Lazy<bool> FontsInstalled = new(() =>
    {
        // PDFsharp takes one resolver per process, before the first font is used.
        GlobalFontSettings.FontResolver ??= new CertificateFonts();
        return true;
    });

    private static readonly XColor Ink = XColor.FromArgb(0x1B, 0x2A, 0x41);
    private static readonly XColor Accent = XColor.FromArgb(0x0B, 0x5C, 0x8E);

    public static byte[] Render(CertificateContent content)
    {
        _ = FontsInstalled.Value;
        using var document = new PdfDocument();
        document.Info.Title = $"Certificate {content.Number}: {content.TrainingTitle}";
        document.Info.Author = "CapacityHub";
        document.Info.Subject = $"Certificate of completion for {content.ParticipantName}";
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Draw(gfx, page.Width.Point, page.Height.Point, content);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static void Draw(XGraphics gfx, double width, double height, CertificateContent c)
    {
        gfx.DrawRectangle(new XPen(Accent, 4), 24, 24, width - 48, height - 48);
        gfx.DrawRectangle(new XPen(Accent, 1), 34, 34, width - 68, height - 68);
        var y = 90.0;
        Line(gfx, "Certificate of Completion", 34, bold: true, Accent, width, ref y, after: 30);
        Line(gfx, "This certifies that", 14, bold: false, Ink, width, ref y, after: 12);
        Line(gfx, c.ParticipantName, 30, bold: true, Ink, width, ref y, after: 8);
        Line(gfx, c.OrganisationName, 15, bold: false, Ink, width, ref y, after: 24);
        Line(gfx, "has completed the training", 14, bold: false, Ink, width, ref y, after: 12);
        Line(gfx, c.TrainingTitle, 22, bold: true, Ink, width, ref y, after: 10);
        Line(gfx, $"{c.Dates} · {c.Venue}", 13, bold: false, Ink, width, ref y, after: 6);
        Line(gfx, $"under the programme {c.ProgrammeTitle}", 13, bold: false, Ink, width, ref y, after: 0);
        var footer = height - 80;
        Line(gfx, $"Certificate {c.Number} · issued {c.IssuedOn}", 10, bold: false, Ink, width, ref footer, after: 0);
    }

    private static void Line(XGraphics gfx, string text, double size, bool bold, XColor color, double width, ref double y, double after)
    {
        var font = new XFont(CertificateFonts.FamilyFor(text), size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        var height = size * 1.4;
        gfx.DrawString(text, font, new XSolidBrush(color), new XRect(48, y, width - 96, height), XStringFormats.Center);
        y += height + after;
    }
}
