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

    public static byte[] SaveDeterministic(PdfDocument pdf, PagedDocument document)
    {
        var hash = ContentHash(document);
        var date = document.Metadata.Created ?? Undated;
        // PDFsharp takes the ID as a string of byte-valued characters.
        string id = new([.. hash.Take(16).Select(b => (char)b)]);
        pdf.Internals.FirstDocumentID = id;
        pdf.Internals.SecondDocumentID = id;
        FixSubsetTags(pdf, hash);
        FixAnnotations(pdf);
        AddOutputIntent(pdf);
        // Streams stay uncompressed here (see PdfEditionWriter); the final pass compresses them and replaces
        // Info and XMP (see FileFinisher).
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        var m = document.Metadata;
        var facts = new DocumentFacts(m.Title, string.Join(", ", m.Authors), m.Subject, m.Keywords, m.Language, date,
            Creator, PdfEditionWriter.Producer, Uuid(hash, "document"), Uuid(hash, "instance"));
        return FileFinisher.Finish(stream.GetBuffer(), (int)stream.Length, InfoDictionary(facts), XmpPacket.Build(facts));
    }

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

    /// <summary>SHA-256 of everything that decides the output: the dump, the fonts and the images.</summary>
    public static byte[] ContentHash(PagedDocument document)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(document.Dump()));
        foreach (var face in document.Faces)
            sha.AppendData(SHA256.HashData(face.Data));
        foreach (var (path, bytes) in document.Images.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(path));
            sha.AppendData(SHA256.HashData(bytes));
        }
        return sha.GetHashAndReset();
    }

    /// <summary>
    /// PDFsharp tags each font subset with six random letters (ABCDEF+Name). The tag only has to tell
    /// different subsets of one font apart, so one derived from the content and the font name does the job
    /// and keeps the bytes stable.
    /// </summary>
    private static void FixSubsetTags(PdfDocument pdf, byte[] hash)
    {
        foreach (var item in pdf.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary dict)
                continue;
            foreach (var key in (string[])["/BaseFont", "/FontName"])
            {
                if (dict.Elements.GetName(key) is { Length: > 8 } name && name[7] == '+' && name[1..7].All(char.IsAsciiLetterUpper))
                {
                    string bare = name[8..];
                    dict.Elements.SetName(key, "/" + Tag(hash, bare) + "+" + bare);
                }
            }
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
