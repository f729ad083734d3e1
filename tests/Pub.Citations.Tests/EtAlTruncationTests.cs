// How many names a list shows before "et al.", and how the term joins them. Expected strings are the
// CSL test suite's (etal_UseZeroFirst) or what citeproc-js 2.4.63 prints for the same style and items.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class EtAlTruncationTests
{
    private const string Items = """
    [
      {"id": "a", "type": "book", "title": "T1", "author": [{"family": "Doe", "given": "John"}, {"family": "Roe", "given": "Jane"}], "editor": [{"family": "Ed", "given": "A"}]},
      {"id": "b", "type": "book", "title": "T1", "author": [{"family": "Doe", "given": "John"}, {"family": "Poe", "given": "Jane"}]}
    ]
    """;

    private static CslResult Process(string citationLayout, string bibliographyLayout, IReadOnlyList<IReadOnlyList<string>> clusters)
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">" +
                  "<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>" +
                  $"<citation disambiguate-add-names=\"true\"><layout delimiter=\"; \">{citationLayout}</layout></citation>" +
                  $"<bibliography><layout>{bibliographyLayout}</layout></bibliography></style>";
        var style = StyleParser.Parse(new SourceText("t.csl", xml), new DiagnosticBag());
        Assert.NotNull(style);
        var read = CslJsonReader.Read(new SourceText("items.json", Items));
        var processor = CslProcessor.Create(style!, LocaleSet.Builtin, read.References);
        return processor.Process([.. clusters.Select((ids, i) => new CitationCluster("c" + (i + 1), [.. ids.Select(id => new CitationItem(id))], i + 1))]);
    }

    [Fact]
    public void Use_first_zero_shows_no_name_and_no_et_al()
    {
        var result = Process("<text value=\"-\"/>",
            "<group delimiter=\" // \">" +
            "<names variable=\"author\"><name et-al-min=\"2\" et-al-use-first=\"0\"/></names>" +
            "<names variable=\"author\"><name et-al-min=\"2\" et-al-use-first=\"1\"/></names>" +
            "</group>",
            [["b"]]);
        Assert.Equal("John Doe et al.", result.Bibliography!.Entries[0].Text.ToPlainText());
    }

    [Fact]
    public void A_list_cut_to_no_name_does_not_call_its_substitute_nor_its_label()
    {
        var result = Process(
            "<group delimiter=\" // \">" +
            "<names variable=\"author\"><name et-al-min=\"2\" et-al-use-first=\"0\"/><substitute><text variable=\"title\"/></substitute></names>" +
            "<names variable=\"author\"><name et-al-min=\"2\" et-al-use-first=\"0\"/><label prefix=\" (\" suffix=\")\"/></names>" +
            "<names variable=\"author editor\"><name et-al-min=\"2\" et-al-use-first=\"0\"/></names>" +
            "<text variable=\"title\"/>" +
            "</group>",
            "<text variable=\"title\"/>",
            [["a"], ["a", "b"]]);
        Assert.Equal(["A Ed // T1", "A Ed // T1; T1"], result.Citations.Select(c => c.Text.ToPlainText()));
    }

    [Theory]
    [InlineData(1, "Ziggy Zither等 | 田中太郎等")]
    [InlineData(2, "Ziggy Zither, Jane Roe, 等 | 田中太郎, Jane Roe, 等")]
    public void A_chinese_et_al_term_follows_the_names_without_a_space(int useFirst, string expected)
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">" +
                  "<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>" +
                  "<locale><terms><term name=\"et-al\">等</term></terms></locale>" +
                  $"<citation><layout delimiter=\" | \"><names variable=\"author\"><name et-al-min=\"3\" et-al-use-first=\"{useFirst}\"/></names></layout></citation></style>";
        const string items = """
            [
              {"id": "a", "type": "book", "author": [{"family": "Zither", "given": "Ziggy"}, {"family": "Roe", "given": "Jane"}, {"family": "Poe", "given": "Jim"}]},
              {"id": "b", "type": "book", "author": [{"family": "田中", "given": "太郎"}, {"family": "Roe", "given": "Jane"}, {"family": "Poe", "given": "Jim"}]}
            ]
            """;
        var style = StyleParser.Parse(new SourceText("t.csl", xml), new DiagnosticBag());
        Assert.NotNull(style);
        var read = CslJsonReader.Read(new SourceText("items.json", items));
        var processor = CslProcessor.Create(style!, LocaleSet.Builtin, read.References);
        var result = processor.Process([new CitationCluster("c1", [new CitationItem("a"), new CitationItem("b")], 1)]);
        Assert.Equal(expected, result.Citations[0].Text.ToPlainText());
    }
}
