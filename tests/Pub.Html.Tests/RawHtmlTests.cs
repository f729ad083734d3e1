using Pub.Html.Fragments;
using Pub.Model;
using static Pub.Html.Tests.Build;

namespace Pub.Html.Tests;

/// <summary>Raw HTML in a manuscript passes only through the allow-list; everything else is shown as
/// escaped text, and the page stays well-formed whatever the manuscript holds.</summary>
public sealed class RawHtmlTests
{
    private static string Block(string raw) => new HtmlFragmentWriter().WriteBlocks([new RawBlock(raw)]);

    private static string Inline(params Inline[] inlines) => new HtmlFragmentWriter().WriteInlines(inlines);

    [Theory]
    [InlineData("<kbd>Ctrl</kbd>")]
    [InlineData("<abbr title=\"Office for Democratic Institutions and Human Rights\">ODIHR</abbr>")]
    [InlineData("<span lang=\"ru\" class=\"term\">торговля людьми</span>")]
    [InlineData("<a href=\"https://example.org/report?a=1&amp;b=2\">report</a>")]
    [InlineData("<a href=\"#sec-intro\">above</a>")]
    [InlineData("<img src=\"figures/logo.png\" alt=\"Logo\" width=\"40\">")]
    [InlineData("H<sub>2</sub>O and x<sup>2</sup>, <mark>marked</mark>, <time datetime=\"2024-03-01\">March</time>")]
    public void Allowed_inline_html_passes_unchanged(string raw) =>
        Assert.Equal(raw, Inline(new RawInline(raw)));

    [Theory]
    [InlineData("<div class=\"box\">\n<p>Text <em>here</em></p>\n</div>")]
    [InlineData("<table>\n<caption>Cases</caption>\n<thead>\n<tr><th scope=\"col\">A</th></tr>\n</thead>\n<tbody>\n<tr><td colspan=\"2\">1</td></tr>\n</tbody>\n</table>")]
    [InlineData("<details><summary>More</summary><p>Hidden</p></details>")]
    [InlineData("<dl><dt>NRM</dt><dd>National Referral Mechanism</dd></dl>")]
    [InlineData("<figure><img src=\"map.png\" alt=\"Map\"><figcaption>Routes</figcaption></figure>")]
    public void Allowed_block_html_passes_unchanged(string raw) =>
        Assert.Equal(raw + "\n", Block(raw));

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<style>body{display:none}</style>", "&lt;style&gt;body{display:none}&lt;/style&gt;")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;")]
    [InlineData("<object data=\"x.swf\"></object>", "&lt;object data=&quot;x.swf&quot;&gt;&lt;/object&gt;")]
    [InlineData("<embed src=\"x.swf\">", "&lt;embed src=&quot;x.swf&quot;&gt;")]
    [InlineData("<form action=\"/x\"><input name=\"q\"></form>", "&lt;form action=&quot;/x&quot;&gt;&lt;input name=&quot;q&quot;&gt;&lt;/form&gt;")]
    [InlineData("<svg onload=alert(1)>", "&lt;svg onload=alert(1)&gt;")]
    [InlineData("<h2>Heading</h2>", "&lt;h2&gt;Heading&lt;/h2&gt;")]
    public void Forbidden_elements_are_escaped_with_their_end_tags(string raw, string expected) =>
        Assert.Equal(expected + "\n", Block(raw));

    [Theory]
    [InlineData("<b onclick=\"steal()\">x</b>", "&lt;b onclick=&quot;steal()&quot;&gt;x&lt;/b&gt;")]
    [InlineData("<span OnMouseOver='x'>x</span>", "&lt;span OnMouseOver=&#39;x&#39;&gt;x&lt;/span&gt;")]
    [InlineData("<span style=\"position:fixed\">x</span>", "&lt;span style=&quot;position:fixed&quot;&gt;x&lt;/span&gt;")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;")]
    [InlineData("<a href=\" JaVaScRiPt:alert(1)\">x</a>", "&lt;a href=&quot; JaVaScRiPt:alert(1)&quot;&gt;x&lt;/a&gt;")]
    [InlineData("<a href=\"jav&#97;script:alert(1)\">x</a>", "&lt;a href=&quot;jav&amp;#97;script:alert(1)&quot;&gt;x&lt;/a&gt;")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "&lt;a href=&quot;jav&amp;#x09;ascript:alert(1)&quot;&gt;x&lt;/a&gt;")]
    [InlineData("<a href=\"data:text/html,<script>\">x</a>", "&lt;a href=&quot;data:text/html,&lt;script&gt;&quot;&gt;x&lt;/a&gt;")]
    [InlineData("<a href=\"vbscript:x\">x</a>", "&lt;a href=&quot;vbscript:x&quot;&gt;x&lt;/a&gt;")]
    [InlineData("<img src=\"https://tracker.example/p.gif\" alt=\"\">", "&lt;img src=&quot;https://tracker.example/p.gif&quot; alt=&quot;&quot;&gt;")]
    [InlineData("<img src=\"//tracker.example/p.gif\" alt=\"\">", "&lt;img src=&quot;//tracker.example/p.gif&quot; alt=&quot;&quot;&gt;")]
    [InlineData("<span id=\"a b\">x</span>", "&lt;span id=&quot;a b&quot;&gt;x&lt;/span&gt;")]
    [InlineData("<span class=\"a\" class=\"b\">x</span>", "&lt;span class=&quot;a&quot; class=&quot;b&quot;&gt;x&lt;/span&gt;")]
    [InlineData("<img src=\"a.png\" width=\"100%\" alt=\"\">", "&lt;img src=&quot;a.png&quot; width=&quot;100%&quot; alt=&quot;&quot;&gt;")]
    public void Tags_with_forbidden_attributes_or_urls_are_escaped(string raw, string expected) =>
        Assert.Equal(expected, Inline(new RawInline(raw)));

    [Fact]
    public void Inline_tags_split_across_inlines_pair_up_and_unclosed_ones_are_closed()
    {
        Assert.Equal("Press <kbd>Ctrl</kbd> now", Inline(T("Press "), new RawInline("<kbd>"), T("Ctrl"), new RawInline("</kbd>"), T(" now")));
        Assert.Equal("<em>open <b>bold</b></em>", Inline(new RawInline("<em>"), T("open "), new RawInline("<b>"), T("bold")));
        Assert.Equal("stray &lt;/span&gt; end", Inline(T("stray "), new RawInline("</span>"), T(" end")));
    }

    [Fact]
    public void Blocks_do_not_open_inside_phrases_or_paragraphs()
    {
        Assert.Equal("a &lt;div&gt;b&lt;/div&gt;", Inline(T("a "), new RawInline("<div>"), T("b"), new RawInline("</div>")));
        Assert.Equal("<p>x &lt;div&gt;y</p>&lt;/div&gt;\n", Block("<p>x <div>y</p></div>"));
        Assert.Equal("&lt;li&gt;orphan item\n", Block("<li>orphan item"));
        Assert.Equal("<ul><li>item</li></ul>\n", Block("<ul>stray text<li>item</ul>"));
    }

    [Fact]
    public void A_raw_link_and_a_Markdown_link_never_nest()
    {
        var html = Inline(new RawInline("<a href=\"#x\">"), T("see "), new Link("https://example.org", null, [T("inner")]), new RawInline("</a>"));
        Assert.Equal("<a href=\"#x\">see inner</a>", html);
        var inside = Inline(new Link("https://example.org", null, [T("outer "), new RawInline("<a href=\"#y\">"), T("y"), new RawInline("</a>")]));
        Assert.Equal("<a href=\"https://example.org\">outer &lt;a href=&quot;#y&quot;&gt;y&lt;/a&gt;</a>", inside);
    }

    [Fact]
    public void Comments_are_dropped_text_is_reescaped_and_a_lone_angle_bracket_is_text()
    {
        Assert.Equal("a  b\n", Block("a <!-- editor: check this --> b"));
        Assert.Equal("Tom &amp; Jerry \u00A0&lt; 3 &lt;3\n", Block("Tom &amp; Jerry &nbsp;&lt; 3 <3"));
        Assert.Equal("&lt;!DOCTYPE html&gt;\n", Block("<!DOCTYPE html>"));
    }

    [Fact]
    public void Ids_in_raw_html_are_claimed_on_the_page()
    {
        var writer = new HtmlFragmentWriter();
        var html = writer.WriteBlocks([new Heading(1, [T("Box")], Id("box"), Number: "1"), new RawBlock("<div id=\"box\">x</div>")]);
        Assert.Contains("<div id=\"box-2\">x</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_of_raw_html_has_no_tags()
    {
        Assert.Equal("Press Ctrl & go", HtmlText.Plain([T("Press "), new RawInline("<kbd>"), T("Ctrl"), new RawInline("</kbd>"), T(" "), new RawInline("&amp;"), T(" go")]));
    }
}
