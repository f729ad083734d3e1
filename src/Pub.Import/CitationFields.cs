using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Pub.Citations;
using Pub.Syntax;

namespace Pub.Import;

/// <summary>One work cited by a field, with what the author said about the place cited.</summary>
internal sealed record CitedItem(Reference Item, string? Locator, string? Label, string? Prefix, string? Suffix, bool SuppressAuthor);

/// <summary>What a Word field means to the import. Fields are read from their instruction text (Zotero,
/// Mendeley Desktop, EndNote, hyperlinks, cross-references) or, for Mendeley Cite, from a content control's tag.</summary>
internal abstract record FieldMeaning
{
    public sealed record Citation(string Manager, IReadOnlyList<CitedItem> Items) : FieldMeaning;

    /// <summary>A bibliography the reference manager generated, or Word's table of contents: pub makes its own.</summary>
    public sealed record Generated(string What) : FieldMeaning;

    public sealed record Hyperlink(string Target) : FieldMeaning;

    /// <summary>A REF or PAGEREF field that points at a bookmark.</summary>
    public sealed record CrossReference(string Bookmark) : FieldMeaning;

    /// <summary>A citation field whose data cannot be read; its shown text is kept.</summary>
    public sealed record Broken(string Manager, string Problem) : FieldMeaning;

    /// <summary>Any other field (page numbers, SEQ, TOC …): its shown text stands.</summary>
    public sealed record Other : FieldMeaning;
}

/// <summary>Reads the instruction text of a field. Zotero and Mendeley Desktop store a CSL citation as JSON
/// (<c>ADDIN ZOTERO_ITEM CSL_CITATION {…}</c>, <c>ADDIN CSL_CITATION {…}</c>) with each item's full CSL data;
/// EndNote stores an XML <c>&lt;EndNote&gt;&lt;Cite&gt;</c> with its own record format.</summary>
internal static class CitationFields
{
    public const string MendeleyCiteTag = "MENDELEY_CITATION_v3_";

    /// <param name="data">The field's binary data decoded as text (EndNote's EN.CITE.DATA), or empty.</param>
    public static FieldMeaning Read(string instruction, string data = "")
    {
        var text = instruction.Trim();
        var words = text.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        var head = words.Length > 0 ? words[0].ToUpperInvariant() : "";
        if (head == "ADDIN" && words.Length > 1)
        {
            var what = words[1];
            return what switch
            {
                "ZOTERO_ITEM" => CslCitation("Zotero", text),
                "CSL_CITATION" => CslCitation("Mendeley", text),
                "ZOTERO_BIBL" => new FieldMeaning.Generated("the bibliography Zotero generated"),
                "EN.CITE" => EndNote(text[(text.IndexOf("EN.CITE", StringComparison.Ordinal) + "EN.CITE".Length)..] is { Length: > 0 } xml && xml.Trim().Length > 0 ? xml : data),
                "EN.REFLIST" => new FieldMeaning.Generated("the bibliography EndNote generated"),
                _ when text.Contains("CSL_BIBLIOGRAPHY", StringComparison.Ordinal) => new FieldMeaning.Generated("the bibliography Mendeley generated"),
                _ => new FieldMeaning.Other(),
            };
        }
        if (head == "HYPERLINK" && words.Length > 1)
        {
            var rest = text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim();
            var local = rest.StartsWith("\\l", StringComparison.Ordinal);
            var target = FirstQuoted(local ? rest[2..] : rest);
            return target is null ? new FieldMeaning.Other() : new FieldMeaning.Hyperlink(local ? "#" + target : target);
        }
        if (head == "TOC")
        {
            return new FieldMeaning.Generated("Word's table of contents");
        }
        if (head is "REF" or "PAGEREF" && words.Length > 1)
        {
            return new FieldMeaning.CrossReference(words[1].Split(' ')[0]);
        }
        return new FieldMeaning.Other();
    }

    /// <summary>w:fldData is base64; EndNote's holds its citation XML in UTF-8. Data that is not base64 is ignored.</summary>
    public static string DecodeFieldData(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(base64.Where(c => !char.IsWhiteSpace(c)))));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    /// <summary>A Mendeley Cite content control's tag: the prefix, then the citation JSON in base64.</summary>
    public static FieldMeaning ReadMendeleyCiteTag(string tag)
    {
        try
        {
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(tag[MendeleyCiteTag.Length..]));
            return CslCitation("Mendeley", json);
        }
        catch (FormatException)
        {
            return new FieldMeaning.Broken("Mendeley", "its tag is not base64");
        }
    }

    private static string? FirstQuoted(string text)
    {
        var start = text.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf('"', start + 1);
        return end > start ? text[(start + 1)..end] : text.Trim().Split(' ').FirstOrDefault(w => w.Length > 0);
    }

    private static FieldMeaning CslCitation(string manager, string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return new FieldMeaning.Broken(manager, "it holds no citation data");
        }
        try
        {
            using var json = JsonDocument.Parse(text[start..]);
            if (!json.RootElement.TryGetProperty("citationItems", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return new FieldMeaning.Broken(manager, "its data has no citationItems");
            }
            var cited = new List<CitedItem>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("itemData", out var data) || data.ValueKind != JsonValueKind.Object)
                {
                    return new FieldMeaning.Broken(manager, "an item has no itemData");
                }
                var read = CslJsonReader.Read(new SourceText("field.json", "[" + data.GetRawText() + "]"));
                if (read.References.Count != 1)
                {
                    return new FieldMeaning.Broken(manager, "an item's data is not a CSL item");
                }
                cited.Add(new CitedItem(read.References[0], Text(item, "locator"), Text(item, "label"), Text(item, "prefix"), Text(item, "suffix"), Flag(item, "suppress-author")));
            }
            return cited.Count == 0 ? new FieldMeaning.Broken(manager, "it cites nothing") : new FieldMeaning.Citation(manager, cited);
        }
        catch (JsonException ex)
        {
            return new FieldMeaning.Broken(manager, "its JSON is malformed (" + ex.Message.Split('.')[0] + ")");
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static bool Flag(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.Number && value.GetRawText() != "0"));

    /// <summary>EndNote's <c>&lt;EndNote&gt;</c> XML: one <c>&lt;Cite&gt;</c> per work, its record inside.</summary>
    private static FieldMeaning EndNote(string xml)
    {
        var text = xml.Trim();
        if (text.Length == 0)
        {
            return new FieldMeaning.Broken("EndNote", "it holds no citation data");
        }
        try
        {
            var root = XElement.Parse(text, LoadOptions.None);
            var cited = new List<CitedItem>();
            foreach (var cite in root.Elements("Cite"))
            {
                if (cite.Element("record") is not { } record)
                {
                    return new FieldMeaning.Broken("EndNote", "a citation has no record");
                }
                cited.Add(new CitedItem(EndNoteRecord.ToReference(record), Value(cite, "Pages"), Value(cite, "Pages") is null ? null : "page",
                    Value(cite, "Prefix"), Value(cite, "Suffix"), (string?)cite.Attribute("ExcludeAuth") == "1"));
            }
            return cited.Count == 0 ? new FieldMeaning.Broken("EndNote", "it cites nothing") : new FieldMeaning.Citation("EndNote", cited);
        }
        catch (System.Xml.XmlException ex)
        {
            return new FieldMeaning.Broken("EndNote", "its XML is malformed (" + ex.Message.Split('.')[0] + ")");
        }
    }

    // EndNote writes a space that ends a prefix or begins a suffix as a backquote ("see`").
    private static string? Value(XElement element, string name) =>
        element.Element(name)?.Value is { Length: > 0 } value ? value.Replace('`', ' ').Trim() : null;

    /// <summary>Locator labels as pub's citation syntax writes them (CSL locator type → term).</summary>
    public static string LocatorTerm(string? label, string locator)
    {
        var several = locator.Contains('-', StringComparison.Ordinal) || locator.Contains('–', StringComparison.Ordinal) || locator.Contains(',', StringComparison.Ordinal);
        return (label ?? "page") switch
        {
            "page" => several ? "pp." : "p.",
            "chapter" => "chap.",
            "section" => several ? "§§" : "§",
            "paragraph" => several ? "paras." : "para.",
            "figure" => "fig.",
            "note" => several ? "nn." : "n.",
            "volume" => "vol.",
            "article-locator" or "article" => "art.",
            "line" => several ? "ll." : "l.",
            "part" => "pt.",
            "table" => "tab.",
            "sub-verbo" or "sub verbo" => "s.v.",
            var other => other.ToString(CultureInfo.InvariantCulture),
        };
    }
}
