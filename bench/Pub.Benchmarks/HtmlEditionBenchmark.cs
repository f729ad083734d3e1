using BenchmarkDotNet.Attributes;
using Pub.Html.Edition;
using Pub.Html.Site;
using Pub.Model;

namespace Pub.Benchmarks;

/// <summary>
/// The HTML editions of the whole sample series (issue 6): <c>HtmlEditionWriter.Render</c> for each of
/// the five manuscripts in papers/, already resolved with their citations, page shell included (the
/// handbook's contents page and one page per contribution), plus the site's index, 404 page and feed.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class HtmlEditionBenchmark
{
    private List<(Document Document, HtmlPageContext Context)> _editions = [];
    private ITemplateSource _templates = null!;
    private SiteCatalogue _catalogue = null!;
    private readonly SiteContext _site = new() { PublisherName = "Publisher", Generator = "pub" };

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
        _catalogue = new SiteCatalogue([.. series.Workspace.Config!.Series.Select(s => new SiteSeries(s.Id, s.Title, s.Issn,
            [.. _editions.Where(e => e.Document.Meta.Series == s.Id).GroupBy(e => e.Document.Meta.Number).Select(g => new SiteWork(g.Key, s.NumberLabel(g.Key),
                [.. g.Select(e => new SiteEdition(s.Id, e.Document.Meta.Number, e.Document.Meta.Edition, e.Document.Meta.Language, e.Document.Meta.Title,
                    e.Document.Meta.Subtitle, [.. e.Document.Meta.Authors.Select(a => a.Name)], e.Document.Meta.Date, e.Context.PageFileName, e.Context.PdfFileName, 200_000, null))]))]))]);
        if (_editions.Count != 5 || Render() != 5 + 2 + 3)
        {
            throw new InvalidOperationException($"expected five editions (7 pages) and 3 site files, found {_editions.Count} editions");
        }
    }

    [Benchmark(Description = "HTML, 5 editions of the sample series and the site pages")]
    public int Render()
    {
        var rendered = 0;
        foreach (var (document, context) in _editions)
        {
            var result = HtmlEditionWriter.Render(document, context, _templates);
            if (result.Html is not null)
            {
                rendered += 1 + result.ChapterPages.Count;
            }
        }
        rendered += SiteWriter.Index(_catalogue, _site, _templates).Html is null ? 0 : 1;
        rendered += SiteWriter.NotFound(_catalogue, _site, _templates).Html is null ? 0 : 1;
        rendered += AtomFeed.Write(_catalogue, _site, "Feed").Length > 0 ? 1 : 0;
        return rendered;
    }
}
