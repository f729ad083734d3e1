using Pub.Citations.Readers;
using Pub.Citations.Writers;
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests.Writers;

/// <summary>What the writers produce is read back by the project's own readers as the same reference,
/// whatever characters the values hold.</summary>
public sealed class WriterRoundTripTests
{
    private static readonly Reference Tricky = new()
    {
        Id = "op-2-en",
        Type = "book",
        Variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = "Costs: 50% & more {braces} $x_1$ #2 a~b c^d back\\slash «кавычки»",
            ["collection-title"] = "Handbooks & Guides",
            ["collection-number"] = "2",
            ["publisher"] = "Office of the Special Representative",
            ["publisher-place"] = "Vienna",
            ["ISBN"] = "978-92-9234-615-7",
            ["DOI"] = "10.1234/hb_2",
            ["edition"] = "2",
        },
        Names = new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal)
        {
            ["editor"] = [new Name { Family = "Nowak", Given = "Katarzyna" }, new Name { Literal = "OSCE & Partners, Vienna" }],
        },
        Dates = new Dictionary<string, DateValue>(StringComparer.Ordinal)
        {
            ["issued"] = new DateValue { Parts = [[2024, 11, 25]] },
        },
    };

    [Fact]
    public void BibTeX_escapes_what_TeX_treats_specially_and_reads_back()
    {
        var bib = BibTeXWriter.Write(Tricky);
        Assert.Contains("50\\% \\& more \\{braces\\} \\$x\\_1\\$ \\#2", bib, StringComparison.Ordinal);

        var (references, problems) = BibTeXReader.Read(new SourceText("x.bib", bib));
        Assert.Empty(problems);
        var read = Assert.Single(references);
        Assert.Equal("book", read.Type);
        Assert.Equal("<span class=\"nocase\">" + Tricky.Variables["title"] + "</span>", read.Variables["title"]);
        Assert.Equal("Handbooks & Guides", read.Variables["collection-title"]);
        Assert.Equal("10.1234/hb_2", read.Variables["DOI"]);
        Assert.Equal(["Nowak", null], read.Names["editor"].Select(n => n.Family));
        Assert.Equal("OSCE & Partners, Vienna", read.Names["editor"][1].Literal);
        Assert.Equal([2024, 11, 25], read.Dates["issued"].Parts[0]);
    }

    [Fact]
    public void CslJson_reads_back_every_variable_name_and_date()
    {
        var json = CslJsonWriter.Write([Tricky]);
        var result = CslJsonReader.Read(new SourceText("x.json", json));
        Assert.Empty(result.Diagnostics);
        var read = Assert.Single(result.References);
        Assert.Equal(Tricky.Variables.OrderBy(v => v.Key, StringComparer.Ordinal), read.Variables.OrderBy(v => v.Key, StringComparer.Ordinal));
        Assert.Equal(Tricky.Names["editor"], read.Names["editor"]);
        Assert.Equal([2024, 11, 25], read.Dates["issued"].Parts[0]);
        // Deterministic: the same reference gives the same bytes.
        Assert.Equal(json, CslJsonWriter.Write([Tricky]));
    }

    [Fact]
    public void Ris_keeps_each_value_on_its_line()
    {
        var ris = RisWriter.Write(Tricky with { Variables = new Dictionary<string, string>(Tricky.Variables) { ["title"] = "Two\nlines" } });
        var lines = ris.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("TY  - BOOK", lines[0]);
        Assert.Contains("TI  - Two lines", lines);
        Assert.Contains("A2  - Nowak, Katarzyna", lines);
        Assert.Contains("A2  - OSCE & Partners, Vienna", lines);
        Assert.Contains("DA  - 2024/11/25/", lines);
        Assert.Equal("ER  - ", lines[^1]);
        Assert.All(lines, line => Assert.Matches("^[A-Z][A-Z0-9]  - ", line));
    }
}
