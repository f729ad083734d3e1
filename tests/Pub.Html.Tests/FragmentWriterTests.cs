using Pub.Html.Fragments;
using Pub.Model;
using static Pub.Html.Tests.Build;

namespace Pub.Html.Tests;

public sealed class FragmentWriterTests
{
    private static string Blocks(params Block[] blocks) => new HtmlFragmentWriter().WriteBlocks(blocks);

    private static string Inlines(params Inline[] inlines) => new HtmlFragmentWriter().WriteInlines(inlines);

    [Fact]
    public void Numbered_heading_has_id_and_section_number()
    {
        var html = Blocks(new Heading(2, [T("Scope")], Id("sec-scope"), Number: "2.1"));
        Assert.Equal("<h3 id=\"sec-scope\"><span class=\"secno\">2.1</span> Scope</h3>\n", html);
    }

    [Fact]
    public void Unnumbered_heading_gets_a_slug_id_and_no_number()
    {
        var html = Blocks(
            new Heading(1, [T("État des lieux")], Attributes.Empty, Numbered: false),
            new Heading(1, [T("État des lieux")], Attributes.Empty, Numbered: false));
        Assert.Equal("<h2 id=\"état-des-lieux\">État des lieux</h2>\n<h2 id=\"état-des-lieux-2\">État des lieux</h2>\n", html);
    }

    [Fact]
    public void Heading_slug_avoids_ids_the_shell_uses()
    {
        var html = Blocks(new Heading(1, [T("Abstract")], Attributes.Empty, Number: "1"));
        Assert.Contains("id=\"abstract-2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_wraps_headings_in_nested_sections()
    {
        var html = new HtmlFragmentWriter().WriteBody([
            new Heading(1, [T("A")], Id("a"), Number: "1"),
            P(T("x")),
            new Heading(2, [T("B")], Id("b"), Number: "1.1"),
            new Heading(1, [T("C")], Id("c"), Number: "2"),
        ]);
        Assert.Equal(
            "<section class=\"level1\">\n<h2 id=\"a\"><span class=\"secno\">1</span> A</h2>\n<p>x</p>\n" +
            "<section class=\"level2\">\n<h3 id=\"b\"><span class=\"secno\">1.1</span> B</h3>\n</section>\n</section>\n" +
            "<section class=\"level1\">\n<h2 id=\"c\"><span class=\"secno\">2</span> C</h2>\n</section>\n",
            html);
    }

    [Fact]
    public void Inline_formatting()
    {
        var html = Inlines(
            new Emphasis([T("e")]), new Strong([T("s")]), new Code("a<b"), new SmallCaps([T("sc")]),
            new Superscript([T("2")]), new Subscript([T("i")]), new LineBreak(), new SoftBreak());
        Assert.Equal(
            "<em>e</em><strong>s</strong><code>a&lt;b</code><span class=\"smallcaps\">sc</span><sup>2</sup><sub>i</sub><br>\n\n",
            html);
    }

    [Fact]
    public void Span_with_lang_keeps_it()
    {
        var html = Inlines(new SpanInline(new Attributes(null, [], [new("lang", "ru")]), [T("Конвенция")]));
        Assert.Equal("<span lang=\"ru\">Конвенция</span>", html);
    }

    [Fact]
    public void Nocase_span_writes_only_its_content()
    {
        Assert.Equal("OSCE", Inlines(new SpanInline(new Attributes(null, ["nocase"], []), [T("OSCE")])));
    }

    [Fact]
    public void Links_are_escaped_and_unsafe_schemes_dropped()
    {
        Assert.Equal(
            "<a href=\"https://example.org/?a=1&amp;b=2\" title=\"Say &quot;hi&quot;\">site</a>",
            Inlines(new Link("https://example.org/?a=1&b=2", "Say \"hi\"", [T("site")])));
        Assert.Equal("click", Inlines(new Link("java\tscript:alert(1)", null, [T("click")])));
    }

    [Fact]
    public void Text_and_raw_html_are_escaped()
    {
        Assert.Equal("Tom &amp; Jerry &lt;script&gt;", Inlines(T("Tom & Jerry <script>")));
        Assert.Equal("&lt;b onclick=&quot;x&quot;&gt;", Inlines(new RawInline("<b onclick=\"x\">")));
        Assert.Equal("&lt;iframe src=&#39;x&#39;&gt;&lt;/iframe&gt;\n", Blocks(new RawBlock("<iframe src='x'></iframe>\n")));
    }

    [Fact]
    public void Ordered_list_with_start_and_tight_items()
    {
        var html = Blocks(new OrderedList(3, '.', [new ListItem([P(T("one"))]), new ListItem([P(T("two"))])], Tight: true));
        Assert.Equal("<ol start=\"3\">\n<li>one</li>\n<li>two</li>\n</ol>\n", html);
    }

    [Fact]
    public void Loose_bullet_list_keeps_paragraphs()
    {
        var html = Blocks(new BulletList([new ListItem([P(T("a"))])], Tight: false));
        Assert.Equal("<ul>\n<li>\n<p>a</p>\n</li>\n</ul>\n", html);
    }

    [Fact]
    public void Block_quote_code_block_rule_and_definition_list()
    {
        Assert.Equal("<blockquote>\n<p>q</p>\n</blockquote>\n", Blocks(new BlockQuote([P(T("q"))])));
        Assert.Equal("<pre><code class=\"language-csharp\">if (a &lt; b) { }</code></pre>\n", Blocks(new CodeBlock("csharp", "if (a < b) { }\n")));
        Assert.Equal("<pre><code>plain</code></pre>\n", Blocks(new CodeBlock(null, "plain")));
        Assert.Equal("<hr>\n", Blocks(new ThematicBreak()));
        Assert.Equal("<dl>\n<dt>OSR</dt>\n<dd>Office of the Special Representative</dd>\n</dl>\n",
            Blocks(new DefinitionList([new DefinitionItem([T("OSR")], [[P(T("Office of the Special Representative"))]])])));
    }

    [Fact]
    public void Table_has_caption_header_scope_and_alignment_classes()
    {
        var table = new Table(
            [ColumnAlignment.Left, ColumnAlignment.Right],
            [0.75, 0.25],
            [new TableRow([new TableCell([P(T("Country"))]), new TableCell([P(T("Victims"))])])],
            [new TableRow([new TableCell([P(T("A"))]), new TableCell([P(T("1 204"))])])],
            [T("Identified victims")],
            Id("tbl-victims"),
            Number: "1");
        Assert.Equal(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"tbl-victims-caption\">\n<table id=\"tbl-victims\">\n" +
            "<caption id=\"tbl-victims-caption\"><span class=\"caption-label\">Table\u00A01:</span> Identified victims</caption>\n" +
            "<colgroup>\n<col style=\"width: 75%\">\n<col style=\"width: 25%\">\n</colgroup>\n" +
            "<thead>\n<tr><th scope=\"col\" class=\"align-left\">Country</th><th scope=\"col\" class=\"align-right\">Victims</th></tr>\n</thead>\n" +
            "<tbody>\n<tr><td class=\"align-left\">A</td><td class=\"align-right\">1 204</td></tr>\n</tbody>\n</table>\n</div>\n",
            Blocks(table));
    }

    [Fact]
    public void Figure_has_image_alt_and_numbered_caption()
    {
        var writer = new HtmlFragmentWriter(new HtmlFragmentOptions { ImageUrl = p => "img/" + p.Split('/')[^1] });
        var html = writer.WriteBlocks([new Figure("map.png", [T("Routes")], "Map of routes", Id("fig-routes"), "2", "papers/op-1/map.png")]);
        Assert.Equal(
            "<figure id=\"fig-routes\">\n<img src=\"img/map.png\" alt=\"Map of routes\">\n" +
            "<figcaption><span class=\"caption-label\">Figure\u00A02:</span> Routes</figcaption>\n</figure>\n",
            html);
    }

    [Fact]
    public void Figure_without_alt_text_uses_its_caption()
    {
        var html = Blocks(new Figure("a.png", [T("Routes & roads")], null, Attributes.Empty, "1"));
        Assert.Contains("alt=\"Routes &amp; roads\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Captions_follow_the_document_language()
    {
        var writer = new HtmlFragmentWriter(new HtmlFragmentOptions { Labels = HtmlLabels.For("ru") });
        var html = writer.WriteBlocks([new Figure("a.png", [T("Маршруты")], "x", Attributes.Empty, "1")]);
        Assert.Contains("Рисунок\u00A01.</span> Маршруты", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_reference_links_to_its_label()
    {
        Assert.Equal("<a href=\"#tbl-1\" class=\"xref\">Table 1</a>", Inlines(new CrossRef("tbl-1", [T("Table 1")])));
        Assert.Equal("<a href=\"#sec-x\" class=\"xref unresolved\">sec-x</a>", Inlines(new CrossRef("sec-x")));
    }

    [Fact]
    public void Citation_renders_its_rendered_inlines_or_its_keys()
    {
        var item = new CiteItem("rantsev-2010", null, [], null, null, [], false, false);
        var other = item with { Key = "smith<2020" };
        Assert.Equal("<span class=\"citation\" data-cites=\"rantsev-2010\">(Rantsev 2010)</span>",
            Inlines(new Cite([item], [T("(Rantsev 2010)")])));
        Assert.Equal("<span class=\"citation unresolved\" data-cites=\"rantsev-2010 smith&lt;2020\">[rantsev-2010; smith&lt;2020]</span>",
            Inlines(new Cite([item, other])));
    }

    [Fact]
    public void Bibliography_entries_have_ref_ids()
    {
        var html = Blocks(new BibliographyBlock(Id("refs"), [new BibliographyEntry("a-2020", [T("A. "), new Emphasis([T("Title")])])]));
        Assert.Equal(
            "<div id=\"refs\" class=\"references csl-bib-body\" role=\"list\">\n" +
            "<div id=\"ref-a-2020\" class=\"csl-entry\" role=\"listitem\">A. <em>Title</em></div>\n</div>\n",
            html);
    }

    [Fact]
    public void Footnote_reference_and_notes_with_back_links()
    {
        var writer = new HtmlFragmentWriter();
        var body = writer.WriteBody([P(T("Claim"), new NoteRef("a", 1), T(" again"), new NoteRef("a", 1))]);
        var notes = writer.WriteNotes([new Note("a", [P(T("Source."))], 1), new Note("unused", [P(T("x"))])]);

        Assert.Equal(
            "<p>Claim<a href=\"#fn-1\" id=\"fnref-1\" class=\"footnote-ref\" role=\"doc-noteref\"><sup>1</sup></a>" +
            " again<a href=\"#fn-1\" id=\"fnref-1-2\" class=\"footnote-ref\" role=\"doc-noteref\"><sup>1</sup></a></p>\n",
            body);
        Assert.Equal(
            "<section class=\"footnotes\" aria-labelledby=\"footnotes-title\">\n" +
            "<h2 id=\"footnotes-title\">Notes</h2>\n<ol>\n<li id=\"fn-1\">\n" +
            "<p>Source. <a href=\"#fnref-1\" class=\"footnote-back\" role=\"doc-backlink\" aria-label=\"Back to reference 1\">\u21A9\uFE0E</a></p>\n" +
            "</li>\n</ol>\n</section>\n",
            notes);
    }

    [Fact]
    public void Note_reference_inside_a_link_is_not_a_nested_link()
    {
        var html = Inlines(new Link("https://x.org", null, [T("x"), new NoteRef("n", 4)]));
        Assert.Equal("<a href=\"https://x.org\">x<sup class=\"footnote-ref\">4</sup></a>", html);
    }

    [Fact]
    public void Notes_of_a_chapter_carry_its_prefix()
    {
        var writer = new HtmlFragmentWriter(new HtmlFragmentOptions { NoteIdPrefix = "ch2-" });
        var body = writer.WriteInlines([new NoteRef("a", 3)]);
        Assert.Equal("<a href=\"#ch2-fn-3\" id=\"ch2-fnref-3\" class=\"footnote-ref\" role=\"doc-noteref\"><sup>3</sup></a>", body);
    }
}
