// A work listed in the bibliography without being cited (nocite) takes part in disambiguation, so that
// a citation names exactly one entry of the bibliography: "(Greta 2023a)" beside the entries "2023a" and
// "2023b". Here pub departs from citeproc-js on purpose: citeproc-js renders a document's citations
// before it registers the uncited works and prints "(Greta 2023)", which fits both entries (listed in
// tests/fixtures/citeproc/known-differences.txt). The other expected strings are citeproc-js's.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class UncitedDisambiguationTests
{
    private const string Json = """
    [
      {"id": "e1", "type": "report", "author": [{"literal": "European Commission"}], "title": "First Report", "issued": {"date-parts": [[2022]]}},
      {"id": "e2", "type": "report", "author": [{"literal": "European Commission"}], "title": "Second Report", "issued": {"date-parts": [[2020]]}},
      {"id": "g1", "type": "report", "author": [{"family": "Greta", "given": "A"}], "title": "Alpha", "issued": {"date-parts": [[2023]]}},
      {"id": "g2", "type": "report", "author": [{"family": "Greta", "given": "A"}], "title": "Beta", "issued": {"date-parts": [[2023]]}}
    ]
    """;

    private static CslResult Render(string styleFile, params string[] cited)
    {
        var csl = SharedData.CslFolder();
        var style = StyleResolver.Load(Path.Combine(csl, "styles", styleFile), new DiagnosticBag());
        Assert.NotNull(style);
        var read = CslJsonReader.Read(new SourceText("items.json", Json));
        var processor = CslProcessor.Create(style!, LocaleSet.FromFolders(Path.Combine(csl, "locales")), read.References, "en-US");
        var clusters = cited.Select((id, i) => new CitationCluster("c" + (i + 1), [new CitationItem(id)], i + 1)).ToList();
        return processor.Process(clusters, new ProcessOptions { Uncited = [.. read.References.Select(r => r.Id).Where(id => !cited.Contains(id))] });
    }

    [Fact]
    public void An_uncited_work_by_the_same_author_adds_the_title_that_tells_the_entries_apart()
    {
        // MLA names the title when the works cited list more than one work of the author.
        var result = Render("modern-language-association.csl", "e1", "g1");
        Assert.Equal(["(European Commission, First Report)", "(Greta, Alpha)"], result.Citations.Select(c => c.Text.ToPlainText()));
    }

    [Fact]
    public void An_uncited_work_of_the_same_year_gives_the_cite_the_year_suffix_of_its_entry()
    {
        var result = Render("american-anthropological-association.csl", "e1", "g1");
        Assert.Equal(["(European Commission 2022)", "(Greta 2023a)"], result.Citations.Select(c => c.Text.ToPlainText()));
        var entries = result.Bibliography!.Entries.ToDictionary(e => e.Id, e => e.Text.ToPlainText(), StringComparer.Ordinal);
        Assert.Contains("2023a", entries["g1"], StringComparison.Ordinal);
        Assert.Contains("2023b", entries["g2"], StringComparison.Ordinal);
    }

    [Fact]
    public void Cited_works_are_still_told_apart()
    {
        var result = Render("american-anthropological-association.csl", "g1", "g2");
        Assert.Equal(["(Greta 2023a)", "(Greta 2023b)"], result.Citations.Select(c => c.Text.ToPlainText()));
    }
}
