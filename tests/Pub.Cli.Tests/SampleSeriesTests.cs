using Pub.Testing;
using UglyToad.PdfPig;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>The sample series in papers/ is the first end-to-end test: it builds without errors into one
/// HTML and one PDF per manuscript, named by the series pattern, and builds to the same bytes every time.</summary>
public sealed class SampleSeriesTests
{
    private static readonly string[] ExpectedEditions =
    [
        "op-001-en-ed1", "op-001-ru-ed1", "op-002-en-ed2", "op-003-en-ed1", "hb-001-en-ed1",
    ];

    [Fact]
    public void SampleSeriesBuildsIntoOneHtmlAndOnePdfPerManuscript()
    {
        using var project = TestProject.CopyOfRepository();
        var (exit, _, error) = project.Run("build");
        Assert.True(exit == 0, error);
        foreach (var edition in ExpectedEditions)
        {
            Assert.True(project.Exists($"dist/{edition}.html"), $"{edition}.html missing\n{error}");
            Assert.True(project.Exists($"dist/{edition}.pdf"), $"{edition}.pdf missing\n{error}");
        }
        Assert.Equal(ExpectedEditions.Length, Directory.GetFiles(project.Dist, "*.pdf").Length);

        using var pdf = PdfDocument.Open(Path.Combine(project.Dist, "op-001-en-ed1.pdf"));
        Assert.Equal("Between Criminal Law and Labour Rights", pdf.Information.Title);
        Assert.Contains("Helena Varga", pdf.Information.Author);
        Assert.Equal("pub", pdf.Information.Creator);
        var words = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Trafficking for the purpose of labour exploitation is now detected", words);
        Assert.Contains(pdf.GetPages(), p => p.Text.Contains("labour exploitation", StringComparison.Ordinal));

        using var russian = PdfDocument.Open(Path.Combine(project.Dist, "op-001-ru-ed1.pdf"));
        Assert.Contains(russian.GetPages().SelectMany(p => p.GetWords()), w => w.Text.Contains("торговл", StringComparison.Ordinal));

        // The cover and the imprint come from templates/pdf; the imprint cites the paper in the house style.
        string Page(PdfDocument document, int number) => string.Join(' ', document.GetPage(number).GetWords().Select(w => w.Text));
        Assert.Contains("Occasional Paper No. 1", Page(pdf, 1));
        Assert.Contains("Helena Varga", Page(pdf, 1));
        var imprint = Page(pdf, 2);
        Assert.Contains("ISBN 978-92-9234-611-9", imprint);
        Assert.Contains("ISSN 2664-4932", imprint);
        Assert.Contains("Suggested citation Varga, Helena and Daniel Okafor. Between Criminal Law and Labour Rights", imprint);
        Assert.Contains("Рекомендуемая ссылка", Page(russian, 2));
        using var handbook = PdfDocument.Open(Path.Combine(project.Dist, "hb-001-en-ed1.pdf"));
        Assert.Contains("Edited by", Page(handbook, 1));
    }

    [Fact]
    public void AnErrorInAPdfTemplateStopsThePdfOnlyAndPointsAtTheTemplate()
    {
        using var project = TestProject.CopyOfRepository();
        var cover = project.Read("templates/pdf/cover.txt");
        project.Write("templates/pdf/cover.txt", cover.Replace(".title {{", ".titel {{", StringComparison.Ordinal));
        int line = cover[..cover.IndexOf(".title {{", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var (exit, _, error) = project.Run("build", "papers/op-003-domestic-servitude");
        Assert.Equal(1, exit);
        Assert.Contains($"templates/pdf/cover.txt({line},1): error PUB0404: unknown page markup style '.titel'", error, StringComparison.Ordinal);
        Assert.True(project.Exists("dist/op-003-en-ed1.html"));
        Assert.False(project.Exists("dist/op-003-en-ed1.pdf"));
    }

    [Fact]
    public void EverySamplePdfIsTaggedAndPassesQpdfWithoutAWarning()
    {
        using var project = TestProject.CopyOfRepository();
        var (exit, _, error) = project.Run("build", "--format", "pdf");
        Assert.True(exit == 0, error);
        foreach (var edition in ExpectedEditions)
        {
            string path = Path.Combine(project.Dist, edition + ".pdf");
            using (var pdf = PdfDocument.Open(path))
            {
                var catalog = pdf.Structure.Catalog.CatalogDictionary;
                Assert.True(catalog.Data.ContainsKey("StructTreeRoot"), $"{edition} has no structure tree");
                Assert.True(catalog.Data.ContainsKey("MarkInfo"), $"{edition} is not marked");
                Assert.True(catalog.Data.ContainsKey("OutputIntents"), $"{edition} has no output intent");
            }
            if (Qpdf.Check(path) is not { } result)
            {
                if (Qpdf.InCi)
                    Assert.Fail("qpdf is missing in CI (apt-get install qpdf)");
                Assert.Skip("qpdf is not installed (apt-get install qpdf)");
                return;
            }
            Qpdf.AssertClean(edition, result);
        }
    }

    [Fact]
    public void BuildingTwiceFromAnotherFolderGivesIdenticalBytes()
    {
        using var first = TestProject.CopyOfRepository();
        using var second = TestProject.CopyOfRepository();
        Assert.Equal(0, first.Run("build").Exit);
        // The second build runs from a subfolder, which finds the project by walking up to pub.yaml.
        Assert.Equal(0, TestProject.RunIn(Path.Combine(second.Root, "papers"), "build").Exit);
        var a = first.Snapshot(includeDist: true).Where(kv => kv.Key.StartsWith("dist/", StringComparison.Ordinal)).ToList();
        var b = second.Snapshot(includeDist: true).Where(kv => kv.Key.StartsWith("dist/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(a);
        Assert.Equal(a, b);
    }
}
