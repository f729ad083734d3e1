using BenchmarkDotNet.Attributes;
using Pub.Html.Edition;
using Pub.Model;

namespace Pub.Benchmarks;

/// <summary>
/// The HTML editions of the whole sample series (issue 6): <c>HtmlEditionWriter.Render</c> for each of
/// the five manuscripts in papers/, already resolved with their citations, page shell included.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class HtmlEditionBenchmark
{
    private List<(Document Document, HtmlPageContext Context)> _editions = [];
    private ITemplateSource _templates = null!;

    [GlobalSetup]
    public void Setup()
    {
        var series = SampleSeries.Load();
        _templates = series.Templates;
        var citations = series.Citations();
        var config = series.Workspace.Config!;
        foreach (var manuscript in series.Workspace.Manuscripts.OrderBy(m => m.Path, StringComparer.Ordinal))
        {
            var resolved = series.Resolve(manuscript.Document!, citations);
            var meta = resolved.Meta;
            var baseName = manuscript.Series!.FileName(meta.Number, meta.Language, meta.Edition, Path.GetFileName(manuscript.Folder));
            _editions.Add((resolved, new HtmlPageContext
            {
                SeriesTitle = manuscript.Series.Title,
                SeriesId = manuscript.Series.Id,
                SeriesIssn = manuscript.Series.Issn,
                NumberLabel = manuscript.Series.NumberLabel(meta.Number),
                PageFileName = baseName + ".html",
                PublisherName = config.Publisher.Name,
                PublisherPlace = config.Publisher.Place,
                SeriesLanguage = config.Language,
                PdfFileName = baseName + ".pdf",
                Generator = "pub",
                ImageUrl = path => baseName + "-files/" + Path.GetFileName(path),
            }));
        }
        if (_editions.Count != 5 || Render() != 5)
        {
            throw new InvalidOperationException($"expected five rendered editions, found {_editions.Count}");
        }
    }

    [Benchmark(Description = "HTML, 5 editions of the sample series")]
    public int Render()
    {
        var rendered = 0;
        foreach (var (document, context) in _editions)
        {
            if (HtmlEditionWriter.Render(document, context, _templates).Html is not null)
            {
                rendered++;
            }
        }
        return rendered;
    }
}
