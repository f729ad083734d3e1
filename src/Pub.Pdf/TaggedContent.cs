using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;
using Pub.Layout.Paged;

namespace Pub.Pdf;

/// <summary>
/// Tagged PDF from the paged document's structure elements. While pages are drawn, every item is wrapped in
/// marked content: an item with a tag gets the next marked-content id (MCID) of its page and becomes a kid of
/// its element; anything else is an /Artifact. PDFsharp has no public way to put operators into the stream it
/// writes, so a comment stands in for each operator and <see cref="ReplacePlaceholders"/> turns the comments into
/// BDC/BMC/EMC once the page is drawn (text mode is closed before each mark, so marks never cut a text object).
///
/// The tree is built from what is drawn: an element joins its parent the first time content of its own or of
/// a descendant is drawn, so kids come in reading order and elements of text set only to be measured never
/// appear. Footnotes are the exception: a Note is read right after the block that holds its reference (its
/// paragraph, list item body or table cell paragraph), not where it is printed at the foot of the page.
/// </summary>
internal sealed class TaggedContent
{
    private readonly PagedDocument _document;
    private readonly Dictionary<int, List<object>> _kids = [];
    private readonly HashSet<int> _appeared = [];
    private readonly List<List<int>> _pageMcids = [];
    private readonly List<(PdfAnnotation Annotation, int Element)> _annotations = [];

    private sealed record Mcr(int Page, int Mcid);

    private sealed record Objr(PdfAnnotation Annotation, int Page);

    public TaggedContent(PagedDocument document)
    {
        _document = document;
        foreach (var _ in document.Pages)
            _pageMcids.Add([]);
    }

    private StructureElement Element(int id) => _document.Structure[id - 1];

    private bool Tagged(int tag) => tag > 0 && tag <= _document.Structure.Count;

    /// <summary>The marked-content sequence an item belongs in: its element, or 0 for an artifact.</summary>
    public int Sequence(int tag) => Tagged(tag) ? tag : 0;

    /// <summary>Opens a marked-content sequence on a page: the next MCID of an element, or an artifact (0).</summary>
    public void Begin(XGraphics gfx, int page, int tag)
    {
        PdfRendererExtensions.BeginGraphicMode(gfx);
        if (!Tagged(tag))
        {
            gfx.WriteComment("pub:artifact");
            return;
        }
        var mcids = _pageMcids[page];
        int mcid = mcids.Count;
        mcids.Add(tag);
        Kids(tag).Add(new Mcr(page, mcid));
        Appear(tag);
        gfx.WriteComment(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pub:bdc {Element(tag).Role} {mcid}"));
    }

    public static void End(XGraphics gfx)
    {
        PdfRendererExtensions.BeginGraphicMode(gfx);
        gfx.WriteComment("pub:emc");
    }

    /// <summary>A link annotation becomes an object reference inside its Link element.</summary>
    public void Annotation(int page, PdfAnnotation annotation, int tag)
    {
        if (!Tagged(tag))
            return;
        Kids(tag).Add(new Objr(annotation, page));
        Appear(tag);
        _annotations.Add((annotation, tag));
    }

    private List<object> Kids(int id)
    {
        if (!_kids.TryGetValue(id, out var kids))
            _kids[id] = kids = [];
        return kids;
    }

    private void Appear(int id)
    {
        while (_appeared.Add(id))
        {
            var element = Element(id);
            if (element.Follows is not null || element.Parent == 0)
                return;
            int parent = Tagged(element.Parent) ? element.Parent : 1;
            Kids(parent).Add(id);
            id = parent;
        }
    }

    /// <summary>The content streams of a drawn page, looked up where the page is drawn, so that another thread can
    /// replace their placeholders without touching the document (<see cref="ReplacePlaceholders"/>).</summary>
    public static List<PdfDictionary.PdfStream> Streams(PdfPage page)
    {
        var streams = new List<PdfDictionary.PdfStream>(1);
        for (int i = 0; i < page.Contents.Elements.Count; i++)
        {
            if (page.Contents.Elements.GetDictionary(i)?.Stream is { } stream)
                streams.Add(stream);
        }
        return streams;
    }

    /// <summary>
    /// Turns the placeholder comments of a drawn page's content stream into marked-content operators, line by line
    /// (PDFsharp writes one operator per line, comments included), and the string after a kerned run's comment into
    /// a TJ array (see <see cref="KernedText"/>). PDFsharp saves the graphics state ("q") for its page
    /// transformation just before the first thing it draws and restores it at the end of the page, so that "q"
    /// lands inside the first item's marked content; graphics state and marked content must nest, so that "q"
    /// moves in front of the first mark. Only the stream and its dictionary's length change, so the streams of
    /// different pages may be done on different threads.
    /// </summary>
    public static void ReplacePlaceholders(PdfDictionary.PdfStream stream)
    {
        var source = stream.Value;
        if (source.AsSpan().IndexOf("pub:"u8) < 0)
            return;
        var output = new MemoryStream(source.Length + source.Length / 4);
        bool marked = false;
        string? kerns = null;
        int at = 0;
        while (at < source.Length)
        {
            int end = source.AsSpan(at).IndexOf((byte)'\n');
            end = end < 0 ? source.Length : at + end;
            var line = source.AsSpan(at, end - at).TrimEnd((byte)'\r');
            int next = Math.Min(source.Length, end + 1);
            if (KernComment(line) is { } adjustments)
                kerns = adjustments;
            else if (kerns is not null && line.StartsWith("<"u8))
            {
                // PDFsharp breaks a long hex string after every hundred digits.
                int close = source.AsSpan(at).IndexOf((byte)'>') + at;
                int tjEnd = source.AsSpan(close).IndexOf((byte)'\n') is var n and >= 0 ? close + n : source.Length;
                var shown = source.AsSpan(at, tjEnd - at).ToArray().Where(b => b is not ((byte)'\n' or (byte)'\r')).ToArray();
                output.Write(KernedText.ToTj(shown, kerns));
                output.WriteByte((byte)'\n');
                kerns = null;
                next = Math.Min(source.Length, tjEnd + 1);
            }
            else if (Operator(line) is not { } replacement)
                output.Write(source, at, next - at);
            else
            {
                if (!marked && replacement[0] != 'E')
                {
                    // A kerned run's comment may stand between the first mark and that "q".
                    int look = next;
                    int lookEnd = source.AsSpan(look).IndexOf((byte)'\n') is var e and >= 0 ? look + e : source.Length;
                    var pending = KernComment(source.AsSpan(look, lookEnd - look).TrimEnd((byte)'\r'));
                    if (pending is not null)
                        look = Math.Min(source.Length, lookEnd + 1);
                    if (IsSaveState(source, look, out int afterSave))
                    {
                        output.Write("q\n"u8);
                        next = afterSave;
                        kerns = pending ?? kerns;
                    }
                }
                marked = true;
                output.Write(Encoding.ASCII.GetBytes(replacement));
                output.WriteByte((byte)'\n');
            }
            at = next;
        }
        // The setter puts the new length into the stream's dictionary.
        stream.Value = output.ToArray();
    }

    /// <summary>The adjustments of a kerned run's placeholder comment ("% pub:tj 3 12.5"); null for any other line.</summary>
    private static string? KernComment(ReadOnlySpan<byte> line) =>
        Placeholder(line) is var text && text.StartsWith(KernedText.PrefixBytes) ? Encoding.ASCII.GetString(text[KernedText.PrefixBytes.Length..]) : null;

    /// <summary>A comment line's text after "%" and its spaces; empty for any other line.</summary>
    private static ReadOnlySpan<byte> Placeholder(ReadOnlySpan<byte> line) =>
        line.Length == 0 || line[0] != '%' ? [] : line[1..].TrimStart((byte)' ');

    /// <summary>The operator a placeholder comment stands for ("% pub:bdc P 3" is "/P &lt;&lt;/MCID 3&gt;&gt; BDC"); null for any other line.</summary>
    private static string? Operator(ReadOnlySpan<byte> line)
    {
        line = Placeholder(line);
        if (!line.StartsWith("pub:"u8))
            return null;
        line = line[4..];
        if (line.SequenceEqual("artifact"u8))
            return "/Artifact BMC";
        if (line.SequenceEqual("emc"u8))
            return "EMC";
        var parts = Encoding.ASCII.GetString(line).Split(' ');
        return parts is ["bdc", var role, var mcid] ? $"/{role} <</MCID {mcid}>> BDC" : null;
    }

    private static bool IsSaveState(byte[] source, int at, out int after)
    {
        var rest = source.AsSpan(at);
        int length = rest.StartsWith("q\r\n"u8) ? 3 : rest.StartsWith("q\n"u8) ? 2 : 0;
        after = at + length;
        return length > 0;
    }

    /// <summary>Writes the structure tree, the parent tree and the catalog and page entries that make the document tagged.</summary>
    public void Write(PdfDocument pdf, IReadOnlyList<PdfPage> pages)
    {
        PlaceNotes();
        var root = new PdfDictionary(pdf);
        pdf.Internals.AddObject(root);
        root.Elements.SetName("/Type", "/StructTreeRoot");

        var dictionaries = new Dictionary<int, PdfDictionary>();
        foreach (var id in _appeared.Order())
        {
            var dict = new PdfDictionary(pdf);
            pdf.Internals.AddObject(dict);
            dictionaries[id] = dict;
        }
        var parents = new Dictionary<int, PdfDictionary> { [1] = root };
        foreach (var (id, kids) in _kids)
        {
            foreach (var kid in kids.OfType<int>())
                parents[kid] = dictionaries[id];
        }
        foreach (var (id, dict) in dictionaries)
        {
            var element = Element(id);
            dict.Elements.SetName("/Type", "/StructElem");
            // A link whose target is not in the document gets no annotation; its text is then a plain Span.
            bool dangling = element.Role == StructureRole.Link && !(_kids.GetValueOrDefault(id) ?? []).OfType<Objr>().Any();
            dict.Elements.SetName("/S", dangling ? "/Span" : "/" + element.Role);
            dict.Elements.SetReference("/P", parents.GetValueOrDefault(id, dictionaries.GetValueOrDefault(1, root)));
            if (element.Alt is { } alt)
                dict.Elements["/Alt"] = new PdfString(alt, PdfStringEncoding.Unicode);
            // PDF/UA: a Note carries an ID unique in the document.
            if (element.Role == StructureRole.Note)
                dict.Elements.SetString("/ID", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"note-{id}"));
            if (element.Role == StructureRole.TH)
            {
                var attributes = new PdfDictionary(pdf);
                attributes.Elements.SetName("/O", "/Table");
                attributes.Elements.SetName("/Scope", "/Column");
                dict.Elements["/A"] = attributes;
            }
            var array = new PdfArray(pdf);
            // The element's page (/Pg) is that of its first marked content; content on that page is listed by
            // bare MCID, content on other pages by a marked-content reference naming its page.
            var kidsOf = _kids.GetValueOrDefault(id) ?? [];
            int? home = kidsOf.OfType<Mcr>().Select(m => (int?)m.Page).FirstOrDefault();
            if (home is { } pg)
                dict.Elements.SetReference("/Pg", pages[pg]);
            foreach (var kid in kidsOf)
            {
                switch (kid)
                {
                    case Mcr mcr when mcr.Page == home:
                        array.Elements.Add(new PdfInteger(mcr.Mcid));
                        break;
                    case int child:
                        array.Elements.Add(dictionaries[child].Reference!);
                        break;
                    case Mcr mcr:
                        var reference = new PdfDictionary(pdf);
                        reference.Elements.SetName("/Type", "/MCR");
                        reference.Elements.SetReference("/Pg", pages[mcr.Page]);
                        reference.Elements.SetInteger("/MCID", mcr.Mcid);
                        array.Elements.Add(reference);
                        break;
                    case Objr objr:
                        var link = new PdfDictionary(pdf);
                        link.Elements.SetName("/Type", "/OBJR");
                        link.Elements.SetReference("/Pg", pages[objr.Page]);
                        link.Elements.SetReference("/Obj", objr.Annotation);
                        array.Elements.Add(link);
                        break;
                }
            }
            dict.Elements["/K"] = array;
        }
        if (dictionaries.TryGetValue(1, out var document))
            root.Elements.SetReference("/K", document);

        // The parent tree maps each page's MCIDs, then each annotation, to the element that holds it.
        var nums = new PdfArray(pdf);
        for (int p = 0; p < pages.Count; p++)
        {
            pages[p].Elements.SetInteger("/StructParents", p);
            pages[p].Elements.SetName("/Tabs", "/S");
            var byMcid = new PdfArray(pdf);
            foreach (var tag in _pageMcids[p])
                byMcid.Elements.Add(dictionaries[tag].Reference!);
            nums.Elements.Add(new PdfInteger(p));
            nums.Elements.Add(byMcid);
        }
        int key = pages.Count;
        foreach (var (annotation, element) in _annotations)
        {
            annotation.Elements.SetInteger("/StructParent", key);
            nums.Elements.Add(new PdfInteger(key++));
            nums.Elements.Add(dictionaries[element].Reference!);
        }
        var parentTree = new PdfDictionary(pdf);
        parentTree.Elements["/Nums"] = nums;
        pdf.Internals.AddObject(parentTree);
        root.Elements.SetReference("/ParentTree", parentTree);
        root.Elements.SetInteger("/ParentTreeNextKey", key);

        pdf.Internals.Catalog.Elements.SetReference("/StructTreeRoot", root);
        var markInfo = new PdfDictionary(pdf);
        markInfo.Elements.SetBoolean("/Marked", true);
        pdf.Internals.Catalog.Elements["/MarkInfo"] = markInfo;
    }

    /// <summary>Puts each footnote after the block that holds its reference, after earlier notes of that block.</summary>
    private void PlaceNotes()
    {
        foreach (var note in _appeared.Order().Select(Element).Where(e => e.Follows is not null).ToList())
        {
            int block = note.Follows!.Value;
            while (Tagged(block) && Element(block).IsInline && Tagged(Element(block).Parent))
                block = Element(block).Parent;
            var holder = _kids.FirstOrDefault(k => k.Value.Contains(block));
            if (!_appeared.Contains(block) || holder.Value is null)
            {
                Kids(1).Add(note.Id);
                _appeared.Add(1);
                continue;
            }
            var kids = holder.Value;
            int at = kids.IndexOf(block) + 1;
            while (at < kids.Count && kids[at] is int next && Element(next).Follows is not null)
                at++;
            kids.Insert(at, note.Id);
        }
    }
}
