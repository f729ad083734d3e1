// In a note style two works by one author read alike in their short later form ("Smith"). Under the
// by-cite rule the number of the note that first cited each work already tells them apart ("Smith
// (n 1); Smith (n 2)"), so no title is added; works first cited in the same note still need their titles.
// Expected strings are what citeproc-js 2.4 prints for these items and notes in OSCOLA.
using Xunit;

namespace Pub.Citations.Tests;

public sealed class NoteDisambiguationTests
{
    private const string Json = """
    [
      {"id": "s1", "type": "article-journal", "author": [{"family": "Smith", "given": "Rebecca"}], "title": "Counting the uncountable", "container-title": "Journal of Trafficking", "volume": "3", "page": "1-20", "issued": {"date-parts": [[2018]]}},
      {"id": "s2", "type": "article-journal", "author": [{"family": "Smith", "given": "Rebecca"}], "title": "Who is a victim", "container-title": "Journal of Trafficking", "volume": "4", "page": "21-40", "issued": {"date-parts": [[2019]]}},
      {"id": "g1", "type": "article-journal", "author": [{"family": "Gallagher", "given": "Anne"}], "title": "Two cheers", "container-title": "Review", "volume": "4", "page": "14-32", "issued": {"date-parts": [[2015]]}},
      {"id": "g2", "type": "article-journal", "author": [{"family": "Gallagher", "given": "Anne"}], "title": "Exploitation in migration", "container-title": "Journal", "volume": "68", "page": "55-74", "issued": {"date-parts": [[2015]]}}
    ]
    """;

    [Fact]
    public void Later_cites_told_apart_by_their_first_notes_get_no_title()
    {
        var read = CslJsonReader.Read(new Pub.Syntax.SourceText("items.json", Json));
        var csl = SharedData.CslFolder();
        var style = StyleResolver.Load(Path.Combine(csl, "styles", "oscola.csl"), new Pub.Syntax.DiagnosticBag());
        Assert.NotNull(style);
        var processor = CslProcessor.Create(style!, LocaleSet.FromFolders(Path.Combine(csl, "locales")), read.References, "en-GB");
        List<CitationCluster> clusters =
        [
            new("c1", [new CitationItem("s1")], 1),
            new("c2", [new CitationItem("s2")], 2),
            new("c3", [new CitationItem("s1"), new CitationItem("s2")], 3),
            new("c4", [new CitationItem("g1"), new CitationItem("g2")], 4),
            new("c5", [new CitationItem("g1"), new CitationItem("g2")], 5),
        ];
        var cites = processor.Process(clusters).Citations.Select(c => c.Text.ToPlainText()).ToList();
        Assert.Equal("Smith (n 1); Smith (n 2).", cites[2]);
        Assert.Equal("Gallagher, ‘Two Cheers’ (n 4); Gallagher, ‘Exploitation in Migration’ (n 4).", cites[4]);
    }
}
