using System.Diagnostics;

namespace CapacityHub.Gateway.Tests.Exports;

/// <summary>Reads a PDF the way a user's tools would: poppler's pdftotext and pdffonts (Debian's poppler-utils).</summary>
public static class PdfText
{
    public static Task<string> TextOfAsync(byte[] pdf) => RunAsync("pdftotext", pdf, "-");

    /// <summary>pdffonts' table: one line per font with its name, type and whether it is embedded.</summary>
    public static Task<string> FontsOfAsync(byte[] pdf) => RunAsync("pdffonts", pdf);

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] after)
    {
        var file = Path.Combine(Path.GetTempPath(), $"capacityhub-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(file);
            foreach (var argument in after)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool} (Debian: poppler-utils).");
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
