using Pub.Markdown;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Fuzz.Tests;

/// <summary>Manuscripts: YAML front matter and Markdown with pub's extensions (citations, labels, cross-references,
/// footnotes, pipe and grid tables, fenced divs, definition lists).</summary>
public sealed class MarkdownFuzzTests
{
    private const string Front = "---\ntitle: Fuzz\nauthors: [A. Author]\n---\n\n";

    /// <summary>The pieces of Markdown pub gives a meaning to, and the characters around them that confuse parsers.</summary>
    private static readonly string[] MarkdownPieces =
    [
        "\n", "\n\n", "# ", "## Heading {#sec-x}\n", "### Not numbered {-}\n", "> ", ">", "- ", "* ", "  ", "    ", "1. ", "2) ",
        "[@key]", "[@key, p. 3]", "[see @a, chap. 2; @b, pp. 3-4 and passim]", "[-@a]", "@key", "@{odd:key/2010}", "@fig-x", "@tbl-y", "@sec-x",
        "{#fig-x}", "{#tbl-y}", "{#sec-x .unnumbered}", "{.class key=value}", "[^1]", "[^1]: A note with [@k].\n", "[^long]:\n    continued\n",
        "| a | b |\n", "|---|:--:|\n", "| 1 | 2 |\n", "|", "+---+---+\n", "| x | y |\n", "+===+===+\n", "Table: A caption {#tbl-y}\n", ": caption\n",
        "![Alt text](figures/a.png){#fig-x}", "![](b.jpg)", "*", "**", "_", "~", "~~", "^", "`", "```\n", "```python\n", ":::", "::: {.note}\n", ":::\n",
        "Term\n: Definition\n", "<div>", "</div>", "<!-- comment -->", "---\n", "***\n", "[link](http://example.org)", "<http://example.org>",
        "text ", "word", "Иванов ", "{", "}", "[", "]", "(", ")", "<", "&", "\\", "\0", "\uD800", "\uDC00", "\uFEFF", "\r", "\r\n", "\t", "\"", "'",
        "@", "#", "!", "&amp;", "&#0;", "\u00AD", "\u200B", "\u0301",
    ];

    private static readonly string[] YamlPieces =
    [
        "title: ", "subtitle: ", "authors:\n", "  - name: ", "    affiliation: ", "abstract: |\n  Text [@k] *x*\n", "keywords: [a, b",
        "date: ", "2025-03-12", "2025-13-45", "number: ", "9999999999999", "-1", "series: op\n", "language: ", "ru", "xx-YY-zz",
        "[", "]", "{", "}", "'", "\"", ": ", "- ", "&a ", "*a", "!!str ", "!!binary ", "? ", "|\n", ">\n", "  ", "\n", "#", "\t", "\uFEFF",
        "%YAML 1.2\n", "...\n", "<<: *a\n", "null", "~", "true", "1e999", "\0", "\uD800", "---\n",
    ];

    private static void ParsesToDiagnostics(string text)
    {
        var source = new SourceText("paper.md", text);
        foreach (var kind in new[] { ManuscriptKind.Paper, ManuscriptKind.Chapter })
        {
            var result = ManuscriptParser.Parse(source, kind);
            Properties.SpansInside(result.Diagnostics);
            Properties.FailureExplained(result.Document, result.Diagnostics, "document");
            if (result.Document is { } document)
                Assert.True(Properties.Depth(document.Blocks) <= 2 * NestingLimit, "the document nests deeper than the limit");
        }
    }

    /// <summary>Levels a reader sees, plus the table, paragraph and cell levels that do not count towards it.</summary>
    private const int NestingLimit = 40;

    [Fact]
    public void Manuscripts_parse_to_a_document_or_diagnostics() =>
        FuzzRun.Check(Mutations.Text(Seeds.Manuscripts), m => ParsesToDiagnostics(m.Value), Mutations.Show, cases: 60);

    [Fact]
    public void Markdown_extensions_in_any_arrangement_parse() =>
        FuzzRun.Check(Mutations.Structure(MarkdownPieces, 300), body => ParsesToDiagnostics(Front + body), b => Mutations.Show(Front + b), cases: 150);

    [Fact]
    public void Front_matter_in_any_arrangement_parses() =>
        FuzzRun.Check(Mutations.Structure(YamlPieces, 60), yaml => ParsesToDiagnostics("---\n" + yaml + "\n---\n\nBody [@k].\n"), y => Mutations.Show(y), cases: 150);

    /// <summary>A manuscript of random Markdown structure, for the layout fuzzer.</summary>
    internal static CsCheck.Gen<string> Structure(int maxPieces) => Mutations.Structure(MarkdownPieces, maxPieces).Select(body => Front + body);
}
