// Renders CSL-JSON references with a real style from ../shared/csl, the way the regression tests that
// compare pub with citeproc-js need it: one cluster per entry of `cites`, each in its own note.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

internal static class RealStyle
{
    public sealed record Rendered(IReadOnlyList<string> Citations, IReadOnlyDictionary<string, string> Bibliography);

    public static Rendered Render(string styleFile, string json, string? language = null, IReadOnlyList<CitationItem>? cites = null)
    {
        var read = CslJsonReader.Read(new SourceText("items.json", json));
        return Render(styleFile, read.References, read.Diagnostics, language, cites);
    }

    /// <summary>A processor for a style file of ../shared/csl/styles (a dependent style resolved to its
    /// parent) with the official locale files.</summary>
    public static CslProcessor Processor(string styleFile, IReadOnlyList<Reference> references, string? language = null)
    {
        var csl = SharedData.CslFolder();
        var bag = new DiagnosticBag();
        var style = StyleResolver.Load(Path.Combine(csl, "styles", styleFile), bag);
        Assert.NotNull(style);
        return CslProcessor.Create(style!, LocaleSet.FromFolders(Path.Combine(csl, "locales")), references, language);
    }

    public static Rendered Render(string styleFile, IReadOnlyList<Reference> references, IReadOnlyList<Diagnostic> problems, string? language = null, IReadOnlyList<CitationItem>? cites = null)
    {
        Assert.Empty(problems);
        var processor = Processor(styleFile, references, language);
        var items = cites ?? [.. references.Select(r => new CitationItem(r.Id))];
        var clusters = items.Select((c, i) => new CitationCluster("c" + (i + 1), [c], i + 1)).ToList();
        var result = processor.Process(clusters);
        return new Rendered(
            [.. result.Citations.Select(c => c.Text.ToPlainText())],
            result.Bibliography?.Entries.ToDictionary(e => e.Id, e => e.Text.ToPlainText(), StringComparer.Ordinal) ?? []);
    }
}
