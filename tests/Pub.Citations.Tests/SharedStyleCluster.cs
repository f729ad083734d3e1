// Renders clusters and the bibliography with a real style and locale from ../shared/csl, for tests
// that compare pub with what citeproc-js prints for the same style and references.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

internal static class SharedStyleCluster
{
    /// <summary>Cites the clusters (each a list of cites) in document order and returns the plain text
    /// of each rendered cluster and the ids of the bibliography entries (the cited references) in order.</summary>
    public static (IReadOnlyList<string> Citations, IReadOnlyList<string> BibliographyIds) Render(
        string styleFile, string referencesJson, IReadOnlyList<IReadOnlyList<CitationItem>> clusters, string? lang = null)
    {
        var refs = CslJsonReader.Read(new SourceText("refs.json", referencesJson));
        Assert.Empty(refs.Diagnostics);
        var processor = RealStyle.Processor(styleFile, refs.References, lang);
        var result = processor.Process([.. clusters.Select((items, i) => new CitationCluster("c" + i, items))]);
        Assert.Empty(result.Diagnostics);
        return ([.. result.Citations.Select(c => c.Text.ToPlainText())],
            result.Bibliography is { } bib ? [.. bib.Entries.Select(e => e.Id)] : []);
    }

    public static CitationItem Cite(string id, string? locator = null, string? label = null) =>
        new(id) { Locator = locator, Label = label };
}
