using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;
using Pub.Layout.Paged;

namespace Pub.Pdf;

/// <summary>
/// Info dictionary, XMP, language, the PDF/A output intent, and everything PDFsharp would otherwise make random
/// or time-dependent: the document ID, the XMP document and instance ids, the font subset tags and annotation
/// names all derive from a hash of the paged document's content, and the dates come from the document's own
/// date, never the clock.
/// </summary>
internal static class Metadata
{
    /// <summary>Used when a document has no date: a fixed instant, so that output stays reproducible.</summary>
    private static readonly DateTime Undated = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static void Apply(PdfDocument pdf, PagedDocument document)
    {
        var m = document.Metadata;
        pdf.Info.Title = m.Title;
        pdf.Info.Author = string.Join(", ", m.Authors);
        if (m.Subject is not null)
            pdf.Info.Subject = m.Subject;
        if (m.Keywords.Count > 0)
            pdf.Info.Keywords = string.Join(", ", m.Keywords);
        pdf.Info.Creator = Creator;
        pdf.Language = m.Language;
        pdf.ViewerPreferences.DisplayDocTitle = true;
    }

    /// <param name="deflated">Streams already compressed (see <see cref="FileFinisher.Finish"/>).</param>
    /// <param name="size">About how many bytes PDFsharp will write: its buffer then grows once or not at all.</param>
    /// <param name="beforeFinishing">Called after PDFsharp has saved and before the final pass reads
    /// <paramref name="deflated"/>: waits for what is still compressing.</param>
    public static byte[] SaveDeterministic(PdfDocument pdf, PagedDocument document, DeflatedStreams? deflated = null, int size = 0, Action? beforeFinishing = null)
    {
        var date = document.Metadata.Created ?? Undated;
        // The ids and subset tags derive from the file itself: it is saved with placeholders in their places,
        // and the final pass hashes it and puts in what the hash gives.
        pdf.Internals.FirstDocumentID = IdPlaceholder;
        pdf.Internals.SecondDocumentID = IdPlaceholder;
        var (tags, fonts) = PlaceholderSubsetTags(pdf);
        FixAnnotations(pdf);
        AddOutputIntent(pdf);
        // Streams stay uncompressed here (see PdfEditionWriter); the final pass compresses them and replaces
        // Info and XMP (see FileFinisher).
        using var stream = new MemoryStream(size);
        pdf.Save(stream, closeStream: false);
        // Saving renumbers the objects (it leaves out those nothing refers to), so their numbers are read after it.
        var fontObjects = fonts.Select(f => f.Internals.ObjectNumber).ToHashSet();
        var m = document.Metadata;
        beforeFinishing?.Invoke();
        return FileFinisher.Finish(stream.GetBuffer(), (int)stream.Length, hash =>
        {
            // PDFsharp writes the ID's characters as hex digits, one byte each.
            var id = ("<" + Convert.ToHexString(Encoding.Latin1.GetBytes(IdPlaceholder)) + ">", "<" + Convert.ToHexString(hash, 0, 16) + ">");
            var names = tags.ToDictionary(t => "/" + t.Key + "+", t => "/" + Tag(hash, t.Value) + "+", StringComparer.Ordinal);
            var facts = new DocumentFacts(m.Title, string.Join(", ", m.Authors), m.Subject, m.Keywords, m.Language, date,
                Creator, PdfEditionWriter.Producer, Uuid(hash, "document"), Uuid(hash, "instance"));
            return new FileFinisher.FileEdits(InfoDictionary(facts), XmpPacket.Build(facts), id, fontObjects, names);
        }, deflated);
    }

    /// <summary>Stands for the document ID until the file's hash is known: sixteen characters that PDFsharp
    /// writes as one hex string.</summary>
    private const string IdPlaceholder = "pub-document-id!";

    private const string Creator = "pub";

    /// <summary>The Info dictionary, entry for entry what the XMP packet says (PDF/A requires them to agree).</summary>
    private static string InfoDictionary(DocumentFacts facts)
    {
        var info = new StringBuilder("<<");
        info.Append("/Title").Append(PdfString(facts.Title));
        if (facts.Author.Length > 0)
            info.Append("/Author").Append(PdfString(facts.Author));
        if (facts.Subject is { } subject)
            info.Append("/Subject").Append(PdfString(subject));
        if (facts.Keywords.Count > 0)
            info.Append("/Keywords").Append(PdfString(string.Join(", ", facts.Keywords)));
        info.Append("/Creator").Append(PdfString(facts.Creator));
        info.Append("/Producer").Append(PdfString(facts.Producer));
        info.Append("/CreationDate").Append(PdfString(XmpPacket.PdfDate(facts.Date)));
        info.Append("/ModDate").Append(PdfString(XmpPacket.PdfDate(facts.Date)));
        return info.Append(">>").ToString();
    }

    /// <summary>A text string: literal when it is printable ASCII, else UTF-16BE with a byte order mark, in hex.</summary>
    internal static string PdfString(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
            return "(" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")";
        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";
    }

    /// <summary>PDF/A's output intent: the colour space the document's device colours mean, sRGB, with its profile.</summary>
    private static void AddOutputIntent(PdfDocument pdf)
    {
        var profile = new PdfDictionary(pdf);
        profile.Elements.SetInteger("/N", 3);
        profile.CreateStream(IccProfile.Srgb);
        pdf.Internals.AddObject(profile);
        var intent = new PdfDictionary(pdf);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", "sRGB IEC61966-2.1");
        intent.Elements.SetString("/RegistryName", "http://www.color.org");
        intent.Elements.SetString("/Info", "sRGB IEC61966-2.1");
        intent.Elements.SetReference("/DestOutputProfile", profile);
        var intents = new PdfArray(pdf);
        intents.Elements.Add(intent);
        pdf.Internals.Catalog.Elements["/OutputIntents"] = intents;
    }

    /// <summary>
    /// PDFsharp tags each font subset with six random letters (ABCDEF+Name). The tag only has to tell
    /// different subsets of one font apart, so one derived from the file's hash and the font name does the job
    /// and keeps the bytes stable. Until the hash is known, each font name gets a placeholder tag of its own
    /// (QAAAAA, QAAAAB, …); returns the placeholders with the names they stand for, and the objects that name
    /// them.
    /// </summary>
    private static (Dictionary<string, string> Tags, List<PdfDictionary> Objects) PlaceholderSubsetTags(PdfDocument pdf)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var objects = new List<PdfDictionary>();
        foreach (var item in pdf.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary dict)
                continue;
            foreach (var key in (string[])["/BaseFont", "/FontName"])
            {
                if (dict.Elements.GetName(key) is { Length: > 8 } name && name[7] == '+' && name[1..7].All(char.IsAsciiLetterUpper))
                {
                    string bare = name[8..];
                    if (!byName.TryGetValue(bare, out var placeholder))
                    {
                        placeholder = Placeholder(byName.Count);
                        byName[bare] = placeholder;
                    }
                    dict.Elements.SetName(key, "/" + placeholder + "+" + bare);
                    if (!objects.Contains(dict))
                        objects.Add(dict);
                }
            }
        }
        return (byName.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal), objects);

        static string Placeholder(int n)
        {
            var letters = new char[6];
            letters[0] = 'Q';
            for (int i = 5; i >= 1; i--, n /= 26)
                letters[i] = (char)('A' + n % 26);
            return new string(letters);
        }
    }

    private static string Tag(byte[] hash, string fontName)
    {
        var digest = SHA256.HashData([.. hash, .. Encoding.UTF8.GetBytes(fontName)]);
        var tag = new StringBuilder(6);
        for (int i = 0; i < 6; i++)
            tag.Append((char)('A' + digest[i] % 26));
        return tag.ToString();
    }

    /// <summary>Link annotations get a random name (/NM) and the time of writing (/M); both are optional, so
    /// they go.</summary>
    private static void FixAnnotations(PdfDocument pdf)
    {
        foreach (var page in pdf.Pages)
        {
            for (int i = 0; i < page.Annotations.Count; i++)
            {
                page.Annotations[i].Elements.Remove("/NM");
                page.Annotations[i].Elements.Remove("/M");
            }
        }
    }

    /// <summary>A name-based (version 5 style) UUID from the content hash, so ids repeat exactly for the same content.</summary>
    private static string Uuid(byte[] hash, string purpose)
    {
        var bytes = SHA256.HashData([.. hash, .. Encoding.UTF8.GetBytes(purpose)]).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        string hex = Convert.ToHexString(bytes).ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
