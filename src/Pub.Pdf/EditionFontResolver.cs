using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Pub.Pdf;

/// <summary>
/// Serves PDFsharp exactly the faces a paged document carries and nothing else: no system fonts, so a PDF
/// comes out the same on every machine. PDFsharp allows one resolver per process, so a single instance holds
/// every face written so far, keyed by face id and content hash (two different files with one PostScript name
/// must not be confused).
/// </summary>
internal sealed class EditionFontResolver : IFontResolver
{
    public static EditionFontResolver Instance { get; } = new();

    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private EditionFontResolver()
    {
    }

    /// <summary>Installs the resolver once; fails loudly if the process already uses another one.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is EditionFontResolver)
                return;
            if (GlobalFontSettings.FontResolver is not null)
                throw new InvalidOperationException("another PDFsharp font resolver is installed in this process");
            GlobalFontSettings.FontResolver = Instance;
        }
    }

    /// <summary>Registers a face and returns the family name to ask PDFsharp for.</summary>
    public string Register(string id, byte[] data)
    {
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data).AsSpan(0, 6));
        string key = id + "-" + hash;
        _faces.TryAdd(key, data);
        return key;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Style is part of the face: a bold face is its own family key here, never simulated.
        _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName) : null;

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var data) ? data : null;
}
