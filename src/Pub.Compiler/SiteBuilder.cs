using System.Globalization;
using System.Text;
using Pub.Compiler.Incremental;
using Pub.Compiler.Publishing;
using Pub.Html.Edition;
using Pub.Html.Fragments;
using Pub.Html.Site;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// The site around the editions: index.html, 404.html and feed.xml in the output folder. What is listed
/// comes from the series registry where one exists (every published edition and language), completed by
/// the manuscripts of the workspace; only files present in the output folder are linked, so a partial
/// build never links a missing file. With the build cache the three files are one unit, "(site)": it depends
/// on the project's inputs (templates, registries, every manuscript's front matter) and on the edition files
/// it links, whose sizes it shows, and unchanged files are not rewritten.
/// </summary>
internal sealed class SiteBuilder(IWorld world, ProjectConfig config, IReadOnlyList<Manuscript> manuscripts, EditionBuilder builder, BuildCache? cache)
{
    public const string SiteUnit = "(site)";

    private readonly string outputFolder = builder.OutputFolder;

    // Every file the index could link, present or not: whether each exists (and a PDF's size) decides the page.
    private readonly SortedSet<string> _candidates = new(StringComparer.Ordinal);

    public SiteCatalogue Catalogue()
    {
        var series = new List<SiteSeries>();
        foreach (var one in config.Series)
        {
            var editions = new Dictionary<(int? Number, string Folder, string Language, int Edition), SiteEdition>();
            var (registry, _) = SeriesRegistryFile.Read(world, one.Id);
            foreach (var number in registry?.Numbers ?? [])
            {
                foreach (var version in number.Versions)
                {
                    var source = manuscripts.FirstOrDefault(m => m.Path == version.Path)?.Document?.Meta;
                    foreach (var edition in version.Editions)
                    {
                        var html = edition.Files.Select(f => f.Name).FirstOrDefault(f => f.EndsWith(".html", StringComparison.Ordinal));
                        var pdf = edition.Files.Select(f => f.Name).FirstOrDefault(f => f.EndsWith(".pdf", StringComparison.Ordinal));
                        var meta = source is not null && source.Edition == edition.Edition ? source : null;
                        Add(editions, (number.Number, "", version.Language, edition.Edition), one, number.Number, edition.Edition, version.Language,
                            version.Title, meta?.Subtitle, People(source), ParseDate(edition.Date), html, pdf, meta, published: true);
                    }
                }
            }
            foreach (var manuscript in manuscripts.Where(m => !m.HasErrors && m.Document!.Meta.Series == one.Id))
            {
                var meta = manuscript.Document!.Meta;
                var folder = ProjectPath.FileName(manuscript.Folder);
                var key = (meta.Number, meta.Number is null ? folder : "", meta.Language, meta.Edition);
                if (editions.ContainsKey(key))
                {
                    continue;
                }
                var name = one.FileName(meta.Number, meta.Language, meta.Edition, folder);
                Add(editions, key, one, meta.Number, meta.Edition, meta.Language, meta.Title, meta.Subtitle, People(meta), meta.Date,
                    name + ".html", name + ".pdf", meta);
            }
            var works = editions
                .GroupBy(e => (e.Key.Number, e.Key.Folder))
                .OrderBy(g => g.Key.Number ?? int.MaxValue).ThenBy(g => g.Key.Folder, StringComparer.Ordinal)
                // A list first: a Select over the ordered query is a generic virtual call, which the native executable
                // resolves at its first use for about a millisecond.
                .ToList()
                .Select(g => new SiteWork(g.Key.Number, one.NumberLabel(g.Key.Number), [.. g.Select(e => e.Value)
                    .OrderByDescending(e => e.Edition)
                    .ThenBy(e => string.Equals(e.Language, config.Language, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                    .ThenBy(e => e.Language, StringComparer.Ordinal)]))
                .ToList();
            series.Add(new SiteSeries(one.Id, one.Title, one.Issn, works));
        }
        return new SiteCatalogue(series);
    }

    /// <summary>Writes the three files; returns the paths written and the problems.</summary>
    public IReadOnlyList<Diagnostic> Write(List<string> written, string generator)
    {
        var diagnostics = new List<Diagnostic>();
        if (cache is not null && cache.IsUpToDate(SiteUnit, diagnostics))
        {
            return diagnostics;
        }
        var catalogue = Catalogue();
        var context = new SiteContext
        {
            BaseUrl = config.BaseUrl,
            Language = config.Language,
            PublisherName = config.Publisher.Name,
            PublisherPlace = config.Publisher.Place,
            Generator = generator,
        };
        var templates = new WorldTemplateSource(world, config.Templates);
        var files = new List<(string, string)>();
        foreach (var (file, result) in new[] { (SiteWriter.IndexFile, SiteWriter.Index(catalogue, context, templates)), (SiteWriter.NotFoundFile, SiteWriter.NotFound(catalogue, context, templates)) })
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Html is { } html)
            {
                files.Add((file, html));
            }
        }
        var title = string.Join(" · ", config.Series.Select(s => s.Title));
        files.Add((SiteWriter.FeedFile, AtomFeed.Write(catalogue, context, title.Length > 0 ? title : config.Publisher.Name)));
        var outputs = files.Select(f => (Path: Combine(outputFolder, f.Item1), Content: Encoding.UTF8.GetBytes(f.Item2))).ToList();
        foreach (var (target, content) in outputs)
        {
            builder.WriteIfChanged(target, content, written, diagnostics);
        }
        if (cache is not null)
        {
            if (diagnostics.Any(d => d.Severity == Severity.Error))
            {
                cache.Failed();
            }
            else
            {
                cache.Record(SiteUnit, cache.ProjectInputs(config).Concat(_candidates.Select(file => "file:" + file)), outputs, diagnostics);
            }
        }
        return diagnostics;
    }

    private void Add(Dictionary<(int?, string, string, int), SiteEdition> editions, (int?, string, string, int) key, SeriesConfig series, int? number,
        int edition, string language, string title, string? subtitle, IReadOnlyList<string> authors, PublicationDate? date, string? html, string? pdf, Metadata? meta,
        bool published = false)
    {
        foreach (var file in new[] { html, pdf }.OfType<string>())
        {
            _candidates.Add(Combine(outputFolder, file));
        }
        html = html is not null && world.FileExists(Combine(outputFolder, html)) ? html : null;
        pdf = pdf is not null && world.FileExists(Combine(outputFolder, pdf)) ? pdf : null;
        // A published edition is listed even when its files are no longer in the output folder (unlinked);
        // a manuscript that was not built is not.
        if (html is null && pdf is null && !published)
        {
            return;
        }
        long? size = pdf is null ? null : world.FileSize(Combine(outputFolder, pdf));
        var summary = meta is null ? null : HtmlText.Plain(meta.Abstract);
        if (summary is { Length: > 600 })
        {
            var cut = summary.LastIndexOf(' ', 599);
            summary = summary[..(cut > 300 ? cut : 599)].TrimEnd(',', ';', ':', ' ') + "…";
        }
        editions[key] = new SiteEdition(series.Id, number, edition, language, title, subtitle, authors, date, html, pdf, size, summary);
    }

    private static IReadOnlyList<string> People(Metadata? meta) =>
        meta is null ? [] : [.. (meta.Kind == ManuscriptKind.Handbook ? meta.Editors : meta.Authors).Select(p => p.Name)];

    private static PublicationDate? ParseDate(string text) =>
        IsoDate.TryParse(text, out var date)
            ? new PublicationDate(date.Year, date.Month, date.Day)
            : null;

    private static string Combine(string folder, string file) => folder.EndsWith('/') ? folder + file : folder + "/" + file;
}
