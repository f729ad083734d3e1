using Pub.Layout.Paged;
using Pub.Model;

namespace Pub.Layout.Tests;

/// <summary>Ordinary prose sets without a warning: 2,000 generated paragraphs in four languages, with footnotes,
/// at the sample page's measure.</summary>
public sealed class ProseSettingTests
{
    private static readonly LayoutSettings Settings = SampleDocuments.Settings();

    public static TheoryData<string> Languages() => [.. ProseCorpus.Languages];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Five_hundred_paragraphs_of_prose_set_without_a_warning(string language)
    {
        var (blocks, notes) = ProseCorpus.Generate(language, 500, seed: 20261203);
        var document = new Document("papers/prose/paper.md", new Metadata { Title = "Prose", Language = language }, blocks, notes);
        var paged = Typesetter.Layout(document, Settings, TestFonts.Set);
        var warnings = paged.Diagnostics.Where(d => d.Severity >= Pub.Syntax.Severity.Warning).Select(d => d.Message).ToList();
        Assert.True(warnings.Count == 0, $"{warnings.Count} warning(s):\n" + string.Join("\n", warnings.Take(20)));
        Assert.True(paged.Pages.Count > 40, $"{paged.Pages.Count} pages");
        // Very loose lines are information only, and the emergency stretch keeps them the exception.
        int loose = paged.Diagnostics.Count(d => d.Code == Pub.Syntax.Codes.LooseLines.Id);
        Assert.True(loose < blocks.Count / 2, $"{loose} of {blocks.Count} paragraphs have very loose lines");
    }
}
