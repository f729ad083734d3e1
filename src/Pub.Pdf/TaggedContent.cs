using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using Pub.Layout.Paged;

namespace Pub.Pdf;

/// <summary>
/// Tagged PDF from the paged document's structure elements. While pages are drawn, every item is wrapped in
/// marked content: an item with a tag gets the next marked-content id (MCID) of its page and becomes a kid of
/// its element; anything else is an /Artifact (see <see cref="PageContent"/>, which writes the operators; a
/// sequence never cuts a text object or a saved graphics state).
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
    public void Begin(PageContent content, int page, int tag)
    {
        if (!Tagged(tag))
        {
            content.BeginMarked(null, 0);
            return;
        }
        var mcids = _pageMcids[page];
        int mcid = mcids.Count;
        mcids.Add(tag);
        Kids(tag).Add(new Mcr(page, mcid));
        Appear(tag);
        content.BeginMarked(Role(Element(tag).Role), mcid);
    }

    private static readonly Dictionary<StructureRole, string> Roles = Enum.GetValues<StructureRole>().ToDictionary(r => r, r => r.ToString());

    private static string Role(StructureRole role) => Roles[role];

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
