using System.Globalization;
using System.Text;
using Pub.Compiler.Incremental;
using Pub.Html.Edition;
using Pub.Layout;
using Pub.Layout.Compose;
using Pub.Layout.Fonts;
using Pub.Model;
using Pub.Pdf;
using Pub.Resolve;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>Builds the editions of one manuscript in three steps (<see cref="Prepare"/>, <see cref="Render"/>,
/// <see cref="Commit"/>): resolve the document, render HTML and PDF in memory, and only when every step
/// succeeded write the files. A manuscript with errors writes nothing. <see cref="ManuscriptQueue"/> runs the
/// steps, rendering several manuscripts at once.</summary>
internal sealed class EditionBuilder(Workspace workspace, BuildOptions options, Lazy<FontSet?> fonts, CitationLoader citations, BuildCache? cache = null)
{
    public const string AssetsUnit = "(assets)";

    /// <summary>How long one manuscript's PDF layout may take: a thousand-page book takes well under a minute.</summary>
    public static readonly TimeSpan LayoutTimeLimit = TimeSpan.FromMinutes(3);

    private readonly IWorld _world = workspace.World;
    private readonly ProjectConfig _config = workspace.Config!;
    private readonly Lazy<IReadOnlyDictionary<string, byte[]>> _hyphenation = new(() => FontLoader.LoadHyphenation(workspace.World, workspace.Config!));
    private Task? _printData;
    private int _fontsUsed;

    public string OutputFolder => ProjectPath.Normalize(options.OutputFolder ?? _config.Output) is var o && Path.IsPathRooted(options.OutputFolder ?? "")
        ? options.OutputFolder!
        : o;

    /// <summary>Every file this build put in the output folder or found there already with the right content.</summary>
    public SortedSet<string> Made { get; } = new(StringComparer.Ordinal);

    /// <summary>The first step, taken in manuscript order: the manuscript's own errors, the cache, and the
    /// citation setup. Everything shared between manuscripts that is loaded on first use (bibliographies,
    /// styles) is loaded here, so that what those files report comes in the same order however many
    /// manuscripts are rendered at once. Returns either the finished outcome or the work left to render.</summary>
    public PreparedEdition Prepare(Manuscript manuscript)
    {
        var diagnostics = new List<Diagnostic>(manuscript.Diagnostics);
        if (manuscript.HasErrors || manuscript.Series is null)
        {
            cache?.Failed();
            return new((new EditionResult(manuscript.Path, [], Failed: true), diagnostics), null);
        }
        var document = WithDefaults(manuscript.Document!);
        if (cache is not null && cache.IsUpToDate(manuscript.Path, diagnostics))
        {
            // Its references still take part in the checks that span the series (entries nobody cites).
            _ = citations.For(document, [], out _);
            return new((new EditionResult(manuscript.Path, [], Failed: false, Unchanged: true), diagnostics), null);
        }
        StartLoadingPrintData(document.Meta.Language);
        var setup = citations.For(document, diagnostics, out var unavailable);
        _ = citations.StyleOf(manuscript.Document!);
        return new(null, new PendingEdition(manuscript, document, setup, unavailable, diagnostics));
    }

    /// <summary>Before the first manuscript that will be set in print, starts reading the fonts and the
    /// hyphenation patterns (and parsing those of its language) on another thread: its bibliography, citations
    /// and HTML need neither, so on a free core they are ready when its layout starts. Layout waits for them
    /// when they are not; a failure shows where they are used, as it would without this.</summary>
    private void StartLoadingPrintData(string language)
    {
        if (!options.Formats.HasFlag(OutputFormats.Pdf) || _printData is not null)
        {
            return;
        }
        _printData = Task.Run(() =>
        {
            if (fonts.Value is not null)
            {
                Pub.Layout.Hyphenation.HyphenationFiles.Prepare(_hyphenation.Value, language);
            }
        });
    }

    /// <summary>Whether a manuscript asked for the fonts, after waiting for their loading started ahead: what
    /// loading them reported belongs to the build only then, as when they are loaded on first use.</summary>
    public bool FontsUsed()
    {
        try
        {
            _printData?.Wait();
        }
        catch (AggregateException)
        {
            // Loading threw: the manuscript that asked for the fonts was stopped by the same exception.
        }
        return Volatile.Read(ref _fontsUsed) == 1;
    }

    /// <summary>The outcome of a manuscript whose preparation or rendering threw: a bug in pub, reported as an
    /// internal error for this manuscript, which writes nothing; the cache keeps no record of it.</summary>
    public (EditionResult, IReadOnlyList<Diagnostic>) Crashed(Manuscript manuscript, IReadOnlyList<Diagnostic> found, Exception exception)
    {
        cache?.Failed();
        return (new EditionResult(manuscript.Path, [], Failed: true), [.. found, Diagnostic.Internal(manuscript.Path, exception)]);
    }

    /// <summary>The second step, which may run on several manuscripts at once: resolve, render the HTML and
    /// lay out and serialise the PDF, all in memory. It reads the world and the caches shared by the build
    /// (fonts, hyphenation, locales, styles), which are safe to share, and writes nothing.</summary>
    public RenderedEdition Render(PendingEdition pending)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        options.Cancel.ThrowIfCancellationRequested();
        var (manuscript, document, diagnostics) = (pending.Manuscript, pending.Document, pending.Diagnostics);
        var context = new ResolveContext(_world.FileExists, _world.ReadBytes, _world.IsOutside) { Citations = pending.Setup, CitationsUnavailable = pending.Unavailable };
        var resolved = Resolver.Resolve(document, context);
        diagnostics.AddRange(context.Diagnostics.Items);
        diagnostics.AddRange(ImageLimits.Check(resolved, _world.ReadBytes));
        diagnostics.AddRange(VectorFigureChecks.Check(resolved, _world.ReadBytes, PdfFigure.PageSizes));
        // A style that cannot be loaded fails the manuscript even when its problem is reported once for the
        // build (a broken style file), not among the manuscript's own diagnostics.
        if (pending.Unavailable || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new RenderedEdition(manuscript, [], [], [], diagnostics, Stopped: true, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        var series = manuscript.Series!;
        resolved = resolved with { Meta = TranslationLinks.Fill(resolved.Meta, series, workspace.AllManuscripts, workspace.Checked) };
        var earlierFiles = EarlierEditionFiles.Candidates(resolved.Meta).Select(f => "file:" + Combine(OutputFolder, f)).ToList();
        resolved = resolved with { Meta = EarlierEditionFiles.KeepPresent(resolved.Meta, f => _world.FileExists(Combine(OutputFolder, f))) };
        var meta = resolved.Meta;
        var baseName = series.FileName(meta.Number, meta.Language, meta.Edition, ProjectPath.FileName(manuscript.Folder));
        var files = new List<(string Path, byte[] Content)>();
        var draft = options.Draft || meta.Status == ManuscriptStatus.Draft;
        var stamp = DraftStamp(meta.Language);
        var editions = 0;

        // The PDF is laid out first: a handbook's chapter pages in its HTML edition cite the pages the PDF gives them.
        var pdfFiles = RenderPdf(manuscript, resolved, series, baseName, draft, stamp, diagnostics, out var chapterPages);
        if (options.Formats.HasFlag(OutputFormats.Html) && RenderHtml(manuscript, resolved, baseName, draft, stamp, chapterPages, files, diagnostics))
        {
            editions++;
        }
        if (pdfFiles is not null)
        {
            files.AddRange(pdfFiles);
            editions++;
        }

        return new RenderedEdition(manuscript, earlierFiles, NamedInputs(manuscript, resolved), files, diagnostics, Stopped: false,
            System.Diagnostics.Stopwatch.GetElapsedTime(started)) { Editions = editions };
    }

    /// <summary>The PDF edition, laid out and serialised, or null when it is not made (not asked for, no font,
    /// an error in its front matter or its layout, reported in <paramref name="diagnostics"/>).</summary>
    private List<(string Path, byte[] Content)>? RenderPdf(Manuscript manuscript, Document resolved, SeriesConfig series, string baseName, bool draft,
        string? stamp, List<Diagnostic> diagnostics, out IReadOnlyList<(string First, string Last)> chapterPages)
    {
        var meta = resolved.Meta;
        chapterPages = [];
        // Without a single readable font there is nothing to set a PDF with; the build reports why once (PUB0505, PUB0910).
        if (options.Formats.HasFlag(OutputFormats.Pdf))
        {
            Volatile.Write(ref _fontsUsed, 1);
        }
        if (options.Formats.HasFlag(OutputFormats.Pdf) && fonts.Value is { } fontSet && FrontMatter(manuscript, resolved, draft, diagnostics) is { } front)
        {
            // Loading the fonts may have taken a while: a build nobody waits for any more stops before its layout.
            options.Cancel.ThrowIfCancellationRequested();
            var images = Images(resolved);
            if (front.Logo is { } logo && !images.Contains(logo))
            {
                images.Add(logo);
            }
            var settings = new LayoutSettings
            {
                SeriesTitle = series.Title,
                NumberLabel = series.NumberLabel(meta.Number),
                ShortTitle = meta.ShortTitle,
                Publisher = _config.Publisher.Name,
                Year = meta.Date?.Year,
                Draft = draft,
                DraftStamp = stamp ?? "DRAFT",
                CoverTemplate = front.Cover,
                ImprintTemplate = front.Imprint,
                DraftWatermark = Terms.For(meta.Language).Draft.ToUpperInvariant(),
                Images = images.ToDictionary(p => p, p => _world.ReadBytes(p)!, StringComparer.Ordinal),
                PdfPages = PdfFigurePages(images),
                Hyphenation = _hyphenation.Value,
                ChapterCitations = [.. resolved.Chapters.Select((_, i) => new ChapterCitationForms(
                    EditionCitation.ChapterText(manuscript, meta, i, (ChapterPages.FirstPlaceholder, ChapterPages.LastPlaceholder), citations),
                    EditionCitation.ChapterText(manuscript, meta, i, (ChapterPages.FirstPlaceholder, ChapterPages.FirstPlaceholder), citations)))],
            };
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(options.Cancel);
            limit.CancelAfter(LayoutTimeLimit);
            try
            {
                var paged = Typesetter.Layout(resolved, settings with { Stop = limit.Token }, fontSet);
                diagnostics.AddRange(paged.Diagnostics);
                if (!paged.Diagnostics.Any(d => d.Severity == Severity.Error))
                {
                    chapterPages = paged.ChapterPages;
                    return [(baseName + ".pdf", PdfEditionWriter.Write(paged, options.Cancel))];
                }
            }
            catch (LayoutStoppedException) when (options.Cancel.IsCancellationRequested)
            {
                throw new OperationCanceledException(options.Cancel);
            }
            catch (LayoutStoppedException stopped)
            {
                var message = $"the PDF edition's layout took more than {LayoutTimeLimit.TotalSeconds:0} seconds and was stopped";
                const string hint = "no manuscript needs this long; please report it with the manuscript: the block named here is where layout was when it stopped";
                diagnostics.Add(stopped.At is { } at ? Diagnostic.Error(Codes.LayoutTimeLimit, message, at, hint)
                    : new Diagnostic(Severity.Error, Codes.LayoutTimeLimit.Id, message, Path: manuscript.Path, Hints: [hint]));
            }
        }

        return null;
    }

    /// <summary>Adds the files of a manuscript's HTML edition to <paramref name="files"/> and what making it
    /// reported to <paramref name="diagnostics"/>; false when a template problem stopped it.</summary>
    /// <param name="chapterPages">Each chapter's first and last page in the PDF edition this build made; none
    /// when it made none.</param>
    private bool RenderHtml(Manuscript manuscript, Document resolved, string baseName, bool draft, string? stamp,
        IReadOnlyList<(string First, string Last)> chapterPages, List<(string Path, byte[] Content)> files, List<Diagnostic> diagnostics)
    {
        var (series, meta) = (manuscript.Series!, resolved.Meta);
        var images = Images(resolved);
        var (suggested, downloads, citationFiles) = EditionCitation.For(manuscript, meta, baseName, citations);
        // Each chapter is cited with the pages it has in the PDF edition, when this build made it.
        var chapterCitations = resolved.Chapters.Select((_, i) => EditionCitation.ForChapter(manuscript, meta, i, baseName,
            i < chapterPages.Count ? chapterPages[i] : null, citations)).ToList();
        var page = HtmlEditionWriter.Render(resolved, new HtmlPageContext
        {
            SeriesTitle = series.Title,
            SeriesId = series.Id,
            SeriesIssn = series.Issn,
            NumberLabel = series.NumberLabel(meta.Number),
            PageFileName = baseName + ".html",
            BaseUrl = _config.BaseUrl,
            PublisherName = _config.Publisher.Name,
            PublisherPlace = _config.Publisher.Place,
            SeriesLanguage = _config.Language,
            PdfFileName = options.Formats.HasFlag(OutputFormats.Pdf) || options.LinkPdf ? baseName + ".pdf" : null,
            Generator = "pub " + PubVersion.Text,
            Draft = draft,
            DraftStamp = stamp,
            ImageUrl = path => baseName + "-files/" + RelativeToManuscript(path, resolved),
            SuggestedCitation = suggested,
            CitationDownloads = downloads,
            ChapterCitations = [.. chapterCitations.Select(c => new ChapterCitation(c.Suggested, c.Downloads))],
        }, new WorldTemplateSource(_world, _config.Templates));
        diagnostics.AddRange(page.Diagnostics);
        // A template problem stops the HTML edition only; the PDF is still made and written.
        if (page.Html is null)
        {
            return false;
        }
        files.Add((baseName + ".html", Encoding.UTF8.GetBytes(page.Html)));
        files.AddRange(page.ChapterPages.Select(p => (p.FileName, Encoding.UTF8.GetBytes(p.Html))));
        files.AddRange(citationFiles);
        files.AddRange(chapterCitations.SelectMany(c => c.Files));
        // A PDF figure is shown by a picture of its page; the other figures are copied as they are.
        var (pictures, problems) = PdfFigurePictures.Render(Figures.Of(resolved), _world.ReadBytes);
        diagnostics.AddRange(problems);
        foreach (var image in images.Where(i => !PdfFigure.Is(_world.ReadBytes(i) ?? [])))
        {
            files.Add((baseName + "-files/" + RelativeToManuscript(image, resolved), _world.ReadBytes(image)!));
        }
        files.AddRange(pictures.Select(p => (baseName + "-files/" + RelativeToManuscript(p.Path, resolved), p.Png)));
        return true;
    }

    /// <summary>The last step, taken in manuscript order: write the files and record them in the cache. The
    /// rendered edition is not kept afterwards, so a large build holds only the editions in flight.</summary>
    public (EditionResult Result, IReadOnlyList<Diagnostic> Diagnostics) Commit(RenderedEdition rendered)
    {
        var (manuscript, diagnostics, files) = (rendered.Manuscript, rendered.Diagnostics, rendered.Files);
        if (rendered.Elsewhere)
        {
            // What rendering it here would have left behind: the fonts asked for, and what the shared files reported.
            citations.Adopt(rendered.FileDiagnostics);
            if (!rendered.Stopped && options.Formats.HasFlag(OutputFormats.Pdf))
            {
                Volatile.Write(ref _fontsUsed, 1);
            }
        }
        if (rendered.Stopped)
        {
            return (new EditionResult(manuscript.Path, [], Failed: true) { Elapsed = rendered.Elapsed }, diagnostics);
        }
        var written = new List<string>();
        if (options.Write)
        {
            foreach (var (path, content) in files)
            {
                var target = Combine(OutputFolder, path);
                if (!WriteIfChanged(target, content, written, diagnostics))
                {
                    cache?.Failed();
                    return (new EditionResult(manuscript.Path, written, Failed: true) { Elapsed = rendered.Elapsed, Editions = rendered.Editions }, diagnostics);
                }
            }
        }
        if (cache is not null)
        {
            if (diagnostics.Any(d => d.Severity == Severity.Error))
            {
                cache.Failed();
            }
            else
            {
                // What loading reported is found again when the manuscript is loaded; the rest is replayed.
                var inputs = cache.ProjectInputs(_config).Concat(cache.FolderInputs(manuscript.Folder)).Concat(rendered.Inputs).Concat(rendered.EarlierFiles);
                cache.Record(manuscript.Path, inputs, files.Select(f => (Combine(OutputFolder, f.Path), f.Content)),
                    diagnostics.Skip(manuscript.Diagnostics.Count));
            }
        }
        return (new EditionResult(manuscript.Path, written, Failed: diagnostics.Any(d => d.Severity == Severity.Error)) { Elapsed = rendered.Elapsed, Editions = rendered.Editions }, diagnostics);
    }

    private sealed record FrontMatterPages(PageTemplate? Cover, PageTemplate? Imprint, string? Logo);

    /// <summary>Renders the PDF's cover and imprint templates; null when one of them has an error (reported),
    /// which stops the PDF edition only.</summary>
    private FrontMatterPages? FrontMatter(Manuscript manuscript, Document resolved, bool draft, List<Diagnostic> diagnostics)
    {
        var series = manuscript.Series!;
        var meta = resolved.Meta;
        var logo = _config.Publisher.Logo is { } configured && _world.FileExists(ProjectPath.Normalize(configured)) ? ProjectPath.Normalize(configured) : null;
        var citation = citations.SuggestedCitation(manuscript, resolved);
        var result = PrintPageTemplates.Render(resolved, new PrintPageContext
        {
            SeriesTitle = series.Title,
            SeriesShortTitle = series.ShortTitle,
            SeriesIssn = series.Issn,
            NumberLabel = series.NumberLabel(meta.Number),
            PublisherName = _config.Publisher.Name,
            PublisherPlace = _config.Publisher.Place,
            Logo = logo,
            SuggestedCitation = citation is null ? null : PageMarkupText.FromInlines(citation),
            Draft = draft,
        }, new WorldTemplateSource(_world, _config.Templates));
        diagnostics.AddRange(result.Diagnostics);
        if (result.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return null;
        }
        static PageTemplate? Page(RenderedPageTemplate? page) => page is null ? null : new PageTemplate(page.Markup, page.Locate);
        return new FrontMatterPages(Page(result.Cover), Page(result.Imprint), logo);
    }

    /// <summary>Writes a file atomically; an incremental build leaves a file that already has the content
    /// alone, so that its modification time says when it last changed.</summary>
    internal bool WriteIfChanged(string target, byte[] content, List<string> written, List<Diagnostic> diagnostics)
    {
        Made.Add(target);
        if (cache is not null && !options.Force && _world.ReadBytes(target) is { } existing && existing.AsSpan().SequenceEqual(content))
        {
            return true;
        }
        if (_world.WriteAtomic(target, content) is { } error)
        {
            diagnostics.Add(WriteFailed(target, error));
            return false;
        }
        written.Add(target);
        return true;
    }

    /// <summary>Copies a file into the output folder unless the copy there already has the same bytes, even with
    /// --force, which rewrites every edition but has nothing to gain from rewriting an identical font (a source
    /// that cannot be read is reported when it is copied).</summary>
    private void CopyIfChanged(string source, string target, List<string> written, List<Diagnostic> diagnostics)
    {
        Made.Add(target);
        // The source is hashed only when there is a copy to compare it with (never in the preview, which
        // writes to memory).
        if (_world.Digest(target) is { } existing && _world.Digest(source)?.Sha256 == existing.Sha256)
        {
            return;
        }
        if (_world.Copy(source, target) is { } error)
        {
            diagnostics.Add(WriteFailed(target, error));
            return;
        }
        written.Add(target);
    }

    /// <summary>What an edition depends on besides the project's shared inputs and the manuscript's folder (its
    /// chapters and figures), which <see cref="Commit"/> adds: the bibliographies and images it names wherever they
    /// are, and the files its citation style was resolved to (a dependent style's parent included).</summary>
    private List<string> NamedInputs(Manuscript manuscript, Document resolved) =>
        [.. new[] { resolved }.Concat(resolved.Chapters)
            .SelectMany(d => d.Meta.Bibliography.Select(p => ProjectPath.Combine(ProjectPath.Folder(d.Path), p)))
            .Concat(citations.StyleInputs(resolved))
            .Concat(Images(resolved))
            .Concat(_config.Publisher.Logo is { } logo ? [ProjectPath.Normalize(logo)] : [])
            .Append(manuscript.Path)
            .Select(p => "file:" + p)];

    /// <summary>Copies the HTML shell's assets (stylesheet, fonts) into the output folder once per build.</summary>
    public IReadOnlyList<Diagnostic> WriteAssets(List<string> written)
    {
        var diagnostics = new List<Diagnostic>();
        if (cache is not null && cache.IsUpToDate(AssetsUnit, diagnostics))
        {
            return diagnostics;
        }
        var files = AssetCopies(diagnostics);
        foreach (var (source, target) in files)
        {
            CopyIfChanged(source, target, written, diagnostics);
        }
        if (cache is not null)
        {
            if (diagnostics.Count == 0)
            {
                cache.Record(AssetsUnit, cache.FolderInputs(AssetsFolder), files.Select(f => (f.Path, _world.Digest(f.Source)?.Sha256 ?? "-")), []);
            }
            else
            {
                cache.Failed();
            }
        }
        return diagnostics;
    }

    private string AssetsFolder => ProjectPath.Combine(_config.Templates, "html/assets");

    /// <summary>What <see cref="WriteAssets"/> will need, done one file per step while manuscripts render: the copy in
    /// the output folder and its source are hashed, and where they differ the copy is prepared (written and put on
    /// disk beside its target, see <see cref="IWorld.PrepareCopy"/>), so that writing it at the end of the build is
    /// a rename. Copying the fonts, each put on disk before the next, took about 10 ms at the end of a build.</summary>
    public IEnumerable<bool> PrepareAssets()
    {
        foreach (var (source, target) in AssetCopies([]))
        {
            if (_world.Digest(target) is not { } existing || _world.Digest(source)?.Sha256 != existing.Sha256)
            {
                _world.PrepareCopy(source, target);
            }
            yield return true;
        }
    }

    /// <summary>The files <see cref="WriteAssets"/> copies: the HTML shell's assets and, since the stylesheet's
    /// @font-face rules name assets/fonts/, the project's own fonts (the same files the PDF embeds) and their
    /// licences, copied unchanged so that pages request nothing from elsewhere.</summary>
    public List<(string Source, string Path)> AssetCopies(List<Diagnostic> diagnostics)
    {
        var assets = AssetsFolder;
        var fontFolder = ProjectPath.Combine(_config.Templates, "fonts");
        // Links leading outside the project are reported once, by the font loader for the fonts folder.
        var fontFiles = ProjectFiles.List(_world, fontFolder, [])
            .Where(file => ProjectPath.FileName(file) is var name && (name.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".otf", StringComparison.OrdinalIgnoreCase) || name.StartsWith("OFL", StringComparison.Ordinal)));
        return ProjectFiles.List(_world, assets, diagnostics)
            .Select(file => (Source: file, Path: Combine(OutputFolder, "assets/" + file[(assets.Length + 1)..])))
            .Concat(fontFiles.Select(file => (Source: file, Path: Combine(OutputFolder, "assets/fonts/" + file[(fontFolder.Length + 1)..]))))
            .ToList();
    }

    /// <summary>PUB code for an output that could not be written, at the output's path.</summary>
    internal static Diagnostic WriteFailed(string path, string error) =>
        new(Severity.Error, Codes.WriteFailed.Id, $"cannot write {path}: {error}", Path: path);

    private static string Combine(string folder, string file) => folder.EndsWith('/') ? folder + file : folder + "/" + file;

    /// <summary>Dates come from the front matter; a manuscript without one takes SOURCE_DATE_EPOCH when it
    /// is set, so that even drafts build reproducibly. The clock is never read here.</summary>
    private Document WithDefaults(Document document)
    {
        if (document.Meta.Date is not null || _world.Environment("SOURCE_DATE_EPOCH") is not { } epoch
            || !long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return document;
        }
        var date = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        return document with { Meta = document.Meta with { Date = new PublicationDate(date.Year, date.Month, date.Day) } };
    }

    private string DraftStamp(string language)
    {
        var word = Terms.For(language).Draft;
        return options.Draft ? string.Create(CultureInfo.InvariantCulture, $"{word} · {_world.Now.UtcDateTime:yyyy-MM-dd HH:mm} UTC") : word;
    }

    private Dictionary<string, IReadOnlyList<(double Width, double Height)>> PdfFigurePages(IEnumerable<string> images)
    {
        var pages = new Dictionary<string, IReadOnlyList<(double Width, double Height)>>(StringComparer.Ordinal);
        foreach (var path in images)
        {
            if (_world.ReadBytes(path) is { } bytes && PdfFigure.Is(bytes) && PdfFigure.PageSizes(bytes) is { } sizes)
                pages[path] = sizes;
        }
        return pages;
    }

    private static List<string> Images(Document document) =>
        [.. new[] { document }.Concat(document.Chapters)
            .SelectMany(d => Walk.Blocks(d.Blocks.Concat(d.Notes.SelectMany(n => n.Blocks))))
            .OfType<Figure>()
            .Select(f => f.ResolvedPath)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];

    private static string RelativeToManuscript(string path, Document document)
    {
        var folder = ProjectPath.Folder(document.Path);
        return folder.Length > 0 && path.StartsWith(folder + "/", StringComparison.Ordinal) ? path[(folder.Length + 1)..] : ProjectPath.FileName(path);
    }
}

/// <summary>Templates read through the world, rooted at the templates folder: an include cannot climb out.</summary>
internal sealed class WorldTemplateSource(IWorld world, string root) : ITemplateSource
{
    public string? Read(string relativePath)
    {
        var normalized = ProjectPath.Normalize(relativePath);
        if (ProjectPath.EscapesRoot(normalized))
        {
            return null;
        }
        var bytes = world.ReadBytes(ProjectPath.Combine(root, normalized));
        return bytes is null ? null : TextDecoding.Decode(bytes, out _);
    }

    public string DisplayPath(string relativePath) => ProjectPath.Combine(root, relativePath);

    public bool IsOutside(string relativePath) => world.IsOutside(ProjectPath.Combine(root, ProjectPath.Normalize(relativePath)));
}

/// <summary>The outcome of <see cref="EditionBuilder.Prepare"/>: finished already (an error in the manuscript, or
/// unchanged since the last build), or pending its rendering.</summary>
internal sealed record PreparedEdition((EditionResult Result, IReadOnlyList<Diagnostic> Diagnostics)? Finished, PendingEdition? Pending);

internal sealed record PendingEdition(Manuscript Manuscript, Document Document, CitationSetup? Setup, bool Unavailable, List<Diagnostic> Diagnostics);

/// <summary>A manuscript's files made in memory, with what was found; <see cref="Stopped"/> when an error
/// stopped it before anything was rendered.</summary>
/// <param name="Inputs">The files it depends on besides the project's and its folder's.</param>
internal sealed record RenderedEdition(Manuscript Manuscript, IReadOnlyList<string> EarlierFiles, IReadOnlyList<string> Inputs,
    IReadOnlyList<(string Path, byte[] Content)> Files, List<Diagnostic> Diagnostics, bool Stopped, TimeSpan Elapsed)
{
    /// <summary>How many editions (HTML, PDF) were made.</summary>
    public int Editions { get; init; }

    /// <summary>Rendered by a render worker (see <see cref="RenderService"/>), whose own loader reported
    /// <see cref="FileDiagnostics"/> about the shared files it read.</summary>
    public bool Elsewhere { get; init; }

    public IReadOnlyList<Diagnostic> FileDiagnostics { get; init; } = [];
}
