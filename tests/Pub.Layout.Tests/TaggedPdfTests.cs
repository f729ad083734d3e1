using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Pub.Layout.Tests;

/// <summary>The structure tree of the sample paper, read back from the PDF's objects with PdfPig.</summary>
public sealed class TaggedPdfTests
{
    private sealed record Node(string Role, string? Alt, List<Node> Kids, List<(int Page, int Mcid)> Content, int Links, string? Id = null);

    private static readonly Lazy<(Node Root, PdfDocument Pdf)> Tree = new(() =>
    {
        var pdf = PdfDocument.Open(PdfStandardsTests.Paper.Value.Pdf);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var root = Dict(pdf, catalog.Data["StructTreeRoot"]);
        var pages = pdf.GetPages().Select(p => p.Dictionary).ToList();
        return (Read(pdf, Dict(pdf, root.Data["K"]), pages), pdf);
    });

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken r ? pdf.Structure.GetObject(r.Data).Data : token;

    /// <summary>A text string, however it is written: literal, or hex UTF-16 with a byte order mark.</summary>
    private static string Text(IToken token) => token switch
    {
        StringToken s => s.Data,
        HexToken h when h.Bytes.ToArray() is [0xFE, 0xFF, .. var utf16] => System.Text.Encoding.BigEndianUnicode.GetString(utf16),
        HexToken h => h.Data,
        _ => throw new InvalidDataException("not a string: " + token),
    };

    private static DictionaryToken Dict(PdfDocument pdf, IToken token) => (DictionaryToken)Resolve(pdf, token);

    private static Node Read(PdfDocument pdf, DictionaryToken element, List<DictionaryToken> pages)
    {
        string role = ((NameToken)element.Data["S"]).Data;
        string? alt = element.Data.TryGetValue("Alt", out var a) ? Text(Resolve(pdf, a)) : null;
        string? id = element.Data.TryGetValue("ID", out var i) ? Text(Resolve(pdf, i)) : null;
        var node = new Node(role, alt, [], [], 0, id);
        int links = 0;
        var kids = element.Data.TryGetValue("K", out var k) ? Resolve(pdf, k) : null;
        var home = element.Data.TryGetValue("Pg", out var pg) ? Dict(pdf, pg) : null;
        foreach (var kid in kids is ArrayToken array ? array.Data : kids is null ? [] : [kids])
        {
            var value = Resolve(pdf, kid);
            if (value is NumericToken mcid)
            {
                // A bare MCID is marked content on the element's own page.
                Assert.NotNull(home);
                node.Content.Add((pages.FindIndex(p => ReferenceEquals(p, home) || SamePage(p, home)), (int)mcid.Int));
                continue;
            }
            if (value is not DictionaryToken d)
                continue;
            string? type = d.Data.TryGetValue("Type", out var t) ? ((NameToken)t).Data : null;
            if (type == "MCR")
            {
                var page = Dict(pdf, d.Data["Pg"]);
                node.Content.Add((pages.FindIndex(p => ReferenceEquals(p, page) || SamePage(p, page)), (int)((NumericToken)d.Data["MCID"]).Int));
            }
            else if (type == "OBJR")
                links++;
            else
                node.Kids.Add(Read(pdf, d, pages));
        }
        return node with { Links = links };
    }

    private static bool SamePage(DictionaryToken a, DictionaryToken b) =>
        a.Data.TryGetValue("Contents", out var x) && b.Data.TryGetValue("Contents", out var y) && x.ToString() == y.ToString();

    private static IEnumerable<Node> All(Node node) => new[] { node }.Concat(node.Kids.SelectMany(All));

    [Fact]
    public void The_catalog_and_pages_declare_a_tagged_document()
    {
        var pdf = Tree.Value.Pdf;
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var markInfo = Dict(pdf, catalog.Data["MarkInfo"]);
        Assert.True(((BooleanToken)markInfo.Data["Marked"]).Data);
        Assert.Equal("en", Text(Resolve(pdf, catalog.Data["Lang"])));
        var preferences = Dict(pdf, catalog.Data["ViewerPreferences"]);
        Assert.True(((BooleanToken)preferences.Data["DisplayDocTitle"]).Data);
        var root = Dict(pdf, catalog.Data["StructTreeRoot"]);
        Assert.True(root.Data.ContainsKey("ParentTree"));
        int nextKey = (int)((NumericToken)root.Data["ParentTreeNextKey"]).Int;
        Assert.True(nextKey > pdf.NumberOfPages);
        for (int p = 1; p <= pdf.NumberOfPages; p++)
        {
            var page = pdf.GetPage(p).Dictionary;
            Assert.Equal(p - 1, (int)((NumericToken)page.Data["StructParents"]).Int);
            Assert.Equal("S", ((NameToken)page.Data["Tabs"]).Data);
        }
    }

    [Fact]
    public void The_tree_has_the_roles_of_the_document()
    {
        var root = Tree.Value.Root;
        Assert.Equal("Document", root.Role);
        var roles = All(root).Select(n => n.Role).ToHashSet();
        Assert.Superset(new HashSet<string> { "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure", "Caption", "Note", "Link", "Reference", "BlockQuote", "TOC", "TOCI" }, roles);
        var figure = All(root).Single(n => n.Role == "Figure");
        Assert.Equal("Bar chart of identified cases", figure.Alt);
        Assert.Single(figure.Content);
        var table = All(root).Single(n => n.Role == "Table");
        Assert.Equal(["Caption", "TR", "TR", "TR", "TR", "TR"], table.Kids.Select(k => k.Role));
        Assert.All(table.Kids[1].Kids, cell => Assert.Equal("TH", cell.Role));
        Assert.All(table.Kids[2].Kids, cell => Assert.Equal("TD", cell.Role));
        foreach (var item in All(root).Where(n => n.Role == "LI"))
            Assert.Equal("Lbl", item.Kids[0].Role);
    }

    [Fact]
    public void A_link_annotation_describes_itself_with_the_text_it_covers()
    {
        var (_, pdf) = Tree.Value;
        var links = pdf.GetPages().SelectMany(p => p.GetAnnotations()).Where(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.False(string.IsNullOrWhiteSpace(l.Content)));
        // A contents entry reads as its heading and page number, without the dot leaders; a note mark as its number.
        Assert.Contains(links, l => l.Content is { } c && c.StartsWith("1 ", StringComparison.Ordinal) && !c.Contains(". .", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Content == "1");
        Assert.DoesNotContain(links, l => l.Content is { } c && c.StartsWith("Go to ", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_link_annotation_sits_in_a_link_element()
    {
        var (root, pdf) = Tree.Value;
        int annotations = pdf.GetPages().Sum(p => p.GetAnnotations().Count());
        var links = All(root).Where(n => n.Role == "Link").ToList();
        Assert.Equal(annotations, links.Sum(l => l.Links));
        Assert.All(links, l => Assert.Equal(1, l.Links));
    }

    [Fact]
    public void Every_marked_content_id_on_a_page_belongs_to_exactly_one_element()
    {
        var (root, pdf) = Tree.Value;
        var inTree = All(root).SelectMany(n => n.Content).ToList();
        Assert.Equal(inTree.Count, inTree.Distinct().Count());
        for (int p = 0; p < pdf.NumberOfPages; p++)
        {
            var marked = pdf.GetPage(p + 1).GetMarkedContents();
            var ids = marked.Where(m => !m.IsArtifact).Select(m => m.MarkedContentIdentifier).Order().ToList();
            Assert.Equal(ids, inTree.Where(c => c.Page == p).Select(c => c.Mcid).Order().ToList());
            // Running heads and folios are artifacts on every page after the cover.
            if (p > 0)
                Assert.Contains(marked, m => m.IsArtifact);
        }
    }

    [Fact]
    public void Marked_content_nests_with_the_graphics_state_on_every_page()
    {
        foreach (var bytes in new[] { PdfStandardsTests.Paper.Value.Pdf, PdfStandardsTests.Handbook.Value })
        {
            using var pdf = PdfDocument.Open(bytes);
            foreach (var page in pdf.GetPages())
            {
                int depth = 0, sequences = 0;
                var open = new Stack<int>();
                foreach (var op in page.Operations.Select(o => o.Operator))
                {
                    switch (op)
                    {
                        case "q":
                            depth++;
                            break;
                        case "Q":
                            depth--;
                            break;
                        case "BDC" or "BMC":
                            open.Push(depth);
                            sequences++;
                            break;
                        case "EMC":
                            Assert.Equal(open.Pop(), depth);
                            break;
                    }
                }
                Assert.Empty(open);
                Assert.Equal(0, depth);
                Assert.True(sequences > 0, $"page {page.Number} has no marked content");
            }
        }
    }

    [Fact]
    public void A_footnote_is_read_after_the_paragraph_that_refers_to_it()
    {
        var root = Tree.Value.Root;
        var notes = 0;
        foreach (var parent in All(root))
        {
            for (int i = 0; i < parent.Kids.Count; i++)
            {
                if (parent.Kids[i].Role != "Note")
                    continue;
                notes++;
                int before = i - 1;
                while (parent.Kids[before].Role == "Note")
                    before--;
                Assert.Contains(All(parent.Kids[before]), n => n.Role == "Reference");
            }
        }
        Assert.Equal(2, notes);
        var ids = All(root).Where(n => n.Role == "Note").Select(n => n.Id).ToList();
        Assert.All(ids, Assert.NotNull);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
