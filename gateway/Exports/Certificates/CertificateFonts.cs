using PdfSharp.Fonts;

namespace CapacityHub.Gateway.Exports.Certificates;

/// <summary>
/// The fonts certificates are set in, from the machine's font files (Debian: fonts-dejavu-core,
/// fonts-thai-tlwg, fonts-ipafont-gothic): PDFsharp embeds the glyphs a certificate uses, so names in Thai
/// and Japanese print without any font on the reader's side. A text run takes the face of its script.
/// </summary>
public sealed class CertificateFonts : IFontResolver
{
    public const string Family = "CapacityHub Certificate";

    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts"];

    // Face name -> file name, searched for under the font folders.
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["latin"] = "DejaVuSans.ttf",
        ["latin-bold"] = "DejaVuSans-Bold.ttf",
        ["thai"] = "Garuda.ttf",
        ["thai-bold"] = "Garuda-Bold.ttf",
        ["japanese"] = "ipag.ttf",
        ["japanese-bold"] = "ipag.ttf",
    };

    private static readonly Lazy<Dictionary<string, string>> Found = new(Locate);

    /// <summary>Which font files are missing, for a clear start-up or test message.</summary>
    public static IReadOnlyList<string> Missing => [.. Files.Values.Distinct().Where(f => !Found.Value.ContainsKey(f))];

    /// <summary>The family for a run of text: Thai or Japanese faces carry Latin too, so a run needs one face.</summary>
    public static string FamilyFor(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0E00' and <= '\u0E7F')
            {
                return Family + " thai";
            }

            if (c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uFF00' and <= '\uFFEF'))
            {
                return Family + " japanese";
            }
        }

        return Family + " latin";
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!familyName.StartsWith(Family, StringComparison.Ordinal))
        {
            return null;
        }

        var script = familyName.Length > Family.Length ? familyName[(Family.Length + 1)..] : "latin";
        var face = bold ? $"{script}-bold" : script;
        // A face whose file is not installed falls back to Latin (glyphs of that script then show as boxes).
        return new FontResolverInfo(Files.TryGetValue(face, out var file) && Found.Value.ContainsKey(file) ? face : bold ? "latin-bold" : "latin");
    }

    public byte[]? GetFont(string faceName) =>
        Files.TryGetValue(faceName, out var file) && Found.Value.TryGetValue(file, out var path)
            ? File.ReadAllBytes(path)
            : throw new InvalidOperationException($"The font file {Files.GetValueOrDefault(faceName)} for certificates is not installed (Debian: fonts-dejavu-core, fonts-thai-tlwg, fonts-ipafont-gothic).");

    private static Dictionary<string, string> Locate()
    {
        var wanted = Files.Values.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in FontFolders.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.ttf", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(path);
                if (wanted.Contains(name))
                {
                    found.TryAdd(name, path);
                }
            }
        }

        return found;
    }
}
