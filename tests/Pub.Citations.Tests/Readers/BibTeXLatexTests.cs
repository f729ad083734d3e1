using Pub.Citations.Readers;
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests.Readers;

/// <summary>LaTeX in field values, seen through the title (case-protected) and publisher (plain) fields.</summary>
public sealed class BibTeXLatexTests
{
    private static string Title(string latex) => Field("title", latex, "title");

    private static string Field(string field, string latex, string variable)
    {
        var (references, diagnostics) = BibTeXReader.Read(new SourceText("refs.bib", $"@book{{k,\n  {field} = {{{latex}}},\n}}\n"));
        Assert.Empty(diagnostics);
        return Assert.Single(references).Variables[variable];
    }

    [Theory]
    [InlineData("Schr\\\"odinger", "Schrödinger")]
    [InlineData("Sch{\\\"o}n", "Schön")]
    [InlineData("Caf\\'e", "Café")]
    [InlineData("Ko{\\v c}ka", "Kočka")]
    [InlineData("\\v{S}koda", "Škoda")]
    [InlineData("Stra\\ss e", "Straße")]
    [InlineData("S\\o ren Kierkeg\\aa rd", "Søren Kierkegård")]
    [InlineData("Fran\\c{c}ois", "François")]
    [InlineData("Mart\\'{\\i}n", "Martín")]
    [InlineData("Erd\\H{o}s", "Erdős")]
    [InlineData("\\L{}\\'od\\'z", "Łódź")]
    [InlineData("Gda\\'nsk and Bia\\l ystok", "Gdańsk and Białystok")]
    [InlineData("Law \\& Society, 50\\%", "Law & Society, 50%")]
    [InlineData("1990--2000", "1990–2000")]
    [InlineData("Trafficking---an overview", "Trafficking—an overview")]
    [InlineData("Vol.~2", "Vol.\u00A02")]
    [InlineData("``Quoted''", "“Quoted”")]
    [InlineData("A\n    long   title", "A long title")]
    public void Converts_accents_commands_and_punctuation(string latex, string expected) =>
        Assert.Equal(expected, Title(latex));

    [Theory]
    [InlineData("\\textit{Rantsev}", "<i>Rantsev</i>")]
    [InlineData("\\emph{v.} Cyprus", "<i>v.</i> Cyprus")]
    [InlineData("{\\em Rantsev} case", "<i>Rantsev</i> case")]
    [InlineData("\\textbf{Bold}", "<b>Bold</b>")]
    [InlineData("\\textsc{Osce}", "<span style=\"font-variant:small-caps;\">Osce</span>")]
    [InlineData("H\\textsubscript{2}O", "H<sub>2</sub>O")]
    public void Keeps_italics_and_other_styling_as_rich_text(string latex, string expected) =>
        Assert.Equal(expected, Title(latex));

    [Theory]
    [InlineData("Trafficking in the {OSCE} Region", "Trafficking in the <span class=\"nocase\">OSCE</span> Region")]
    [InlineData("{Whole Title Protected}", "<span class=\"nocase\">Whole Title Protected</span>")]
    [InlineData("\\emph{The {NASA} story}", "<i>The <span class=\"nocase\">NASA</span> story</i>")]
    [InlineData("{{Nested} Braces}", "<span class=\"nocase\">Nested Braces</span>")]
    [InlineData("Empty{} group", "Empty group")]
    public void Marks_protected_case_in_titles(string latex, string expected) =>
        Assert.Equal(expected, Title(latex));

    [Fact]
    public void Protects_case_only_in_title_fields() =>
        Assert.Equal("ACM Press", Field("publisher", "{ACM} Press", "publisher"));

    [Fact]
    public void Page_ranges_keep_the_hyphen_form() =>
        Assert.Equal("12-15", Field("pages", "12--15", "page"));

    [Fact]
    public void Identifiers_are_taken_verbatim_with_escapes_removed()
    {
        Assert.Equal("10.1000/xyz_1", Field("doi", "10.1000/xyz\\_1", "DOI"));
        Assert.Equal("https://www.osce.org/files/a%20b.pdf", Field("url", "https://www.osce.org/files/a\\%20b.pdf", "URL"));
    }
}
