using Pub.Compiler.Incremental;
using Pub.Layout.Fonts;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>The compiler's entry points, one per command.</summary>
public static class PubCompiler
{
    /// <summary>Builds (or, with <see cref="BuildOptions.Write"/> false, checks) the manuscripts. A manuscript
    /// with errors writes nothing, and the others are still built unless <see cref="BuildOptions.FailFast"/>.</summary>
    public static BuildResult Build(IWorld world, BuildOptions options)
    {
        world = new DigestMemoWorld(world);
        // An unchanged project is recognised from the cache alone, before anything is parsed or loaded.
        var cache = BuildCache.For(world, options);
        var replayed = new List<Diagnostic>();
        if (cache?.UnchangedBuild(replayed) is { } units)
        {
            return new BuildResult([.. replayed, .. cache.Diagnostics], [.. units.Select(u => new EditionResult(u, [], Failed: false, Unchanged: true))], ConfigurationFailed: false);
        }
        // The render workers are started before the manuscripts are parsed: each loads the project while this
        // process does. HTML alone renders on threads (see BuildOptions.StartRenderWorker).
        RenderPool? pool = null;
        if (options.Jobs > 1 && Workspace.CountChosen(world, options.Paths) is var chosen and > 1)
        {
            pool = RenderPool.Start(Math.Min(options.Jobs, chosen), options, options.Formats.HasFlag(OutputFormats.Pdf) ? options.StartRenderWorker : null);
        }
        using var stopWorkers = pool;
        // The manuscripts' front matter first, for what spans the series; each text is read when its manuscript is
        // built (see Build), so that the build holds the texts in flight rather than all of them.
        var (workspace, loaded) = LoadProject(world, options);
        if (workspace.Config is null)
        {
            return new BuildResult([.. workspace.Diagnostics], [], ConfigurationFailed: true);
        }
        var citations = loaded ?? new CitationLoader(world, workspace.Config, () => workspace.AllManuscripts, options.Parsed);
        try
        {
            return Build(world, options, cache, workspace, workspace.Config, citations, pool);
        }
        finally
        {
            citations.Settle();
            world.DiscardPreparedCopies();
        }
    }

    /// <summary>The configuration and the manuscripts, with the citation styles and bibliographies they name read
    /// while they are parsed; no loader without a configuration.</summary>
    /// <remarks>Only the manuscripts' front matter is read (see <see cref="Workspace.Load"/>); the build and a render
    /// worker read a manuscript's text when they build or render it (<see cref="Workspace.Take"/>,
    /// <see cref="Workspace.Complete"/>).</remarks>
    internal static (Workspace Workspace, CitationLoader? Citations) LoadProject(IWorld world, BuildOptions options)
    {
        CitationLoader? citations = null;
        Workspace workspace = null!;
        workspace = Workspace.Load(world, options.Paths, options.Jobs, (config, chosen) =>
        {
            citations = new CitationLoader(world, config, () => workspace.AllManuscripts, options.Parsed);
            citations.StartReading(chosen);
        }, bodies: false);
        return (workspace, citations);
    }

    /// <summary><c>pub render-worker</c>: renders manuscripts for a build that started this process, reading its
    /// requests from <paramref name="requests"/> and answering on <paramref name="replies"/> until the build closes
    /// them (see <see cref="RenderService"/>).</summary>
    public static void ServeRenders(IWorld world, Stream requests, Stream replies) => RenderService.Serve(world, requests, replies);

    private static BuildResult Build(IWorld world, BuildOptions options, BuildCache? cache, Workspace workspace, ProjectConfig config, CitationLoader citations, RenderPool? pool)
    {
        var diagnostics = new List<Diagnostic>(workspace.Diagnostics);
        diagnostics.AddRange(workspace.RegistryDiagnostics);
        if (options.Write && OutputFolderCheck.Check(world, config, options.OutputFolder ?? config.Output) is { } refused)
        {
            diagnostics.Add(refused);
            return new BuildResult(diagnostics, [], ConfigurationFailed: true);
        }
        var fontDiagnostics = new List<Diagnostic>();
        var fonts = new Lazy<FontSet?>(() => FontLoader.Load(world, config, fontDiagnostics));
        var builder = new EditionBuilder(workspace, options, fonts, citations, cache);
        var editions = new List<EditionResult>();
        var manuscriptsFrom = diagnostics.Count;
        // Each manuscript is read whole just before it is prepared; what the bibliography checks need of its text (the
        // keys it cites) is taken then.
        var cited = new HashSet<string>(StringComparer.Ordinal);
        Manuscript Take(Manuscript manuscript)
        {
            var whole = workspace.Take(manuscript);
            if (whole.Document is { } document)
            {
                cited.UnionWith(BibliographyChecks.CitedKeys([document]));
            }
            return Publishing.IdentifierChecks.Apply(whole);
        }
        new ManuscriptQueue(builder, options, WhileWaiting(world, cache, config, builder, options), pool, Take).Run(workspace.Manuscripts, editions, diagnostics);
        // Those a --fail-fast build did not reach still count for the checks that span the series (the bibliography's,
        // the site's list of papers without errors).
        foreach (var manuscript in workspace.Manuscripts.Where(m => m.FrontMatterOnly && !m.TextChecked).ToList())
        {
            _ = Take(manuscript);
        }
        if (builder.FontsUsed())
        {
            diagnostics.AddRange(fontDiagnostics);
        }
        // A bibliography or style file that cannot be read is the cause of the manuscripts' errors about the
        // keys it should have defined: its errors come first, its warnings after the manuscripts'.
        diagnostics.InsertRange(manuscriptsFrom, citations.FileDiagnostics.Where(d => d.Severity == Severity.Error));
        diagnostics.AddRange(citations.FileDiagnostics.Where(d => d.Severity != Severity.Error));
        diagnostics.AddRange(CheckBibliographies(cited, citations, options));
        if (options.Write && options.Formats.HasFlag(OutputFormats.Html) && editions.Any(e => !e.Failed))
        {
            var written = new List<string>();
            diagnostics.AddRange(builder.WriteAssets(written));
            // The index, 404 page and feed describe the whole series: a build of all manuscripts writes them,
            // a build of some (and the preview) leaves them as they are.
            if (options.Paths.Count == 0)
            {
                diagnostics.AddRange(new SiteBuilder(world, config, workspace.AllManuscripts, builder, cache).Write(written, "pub " + PubVersion.Text));
            }
            editions.Add(new EditionResult(EditionBuilder.AssetsUnit, written, Failed: false));
        }
        // Copies prepared while the manuscripts rendered and not needed after all (every edition failed).
        world.DiscardPreparedCopies();
        var removed = new List<string>();
        var manifest = options is { Write: true, Manifest: true } ? WriteManifest(workspace, options, builder, cache, editions, diagnostics, removed) : null;
        if (cache is not null)
        {
            if (editions.Count(e => !e.Manuscript.StartsWith('(')) < workspace.Manuscripts.Count || diagnostics.Any(d => d.Severity == Severity.Error))
            {
                cache.Failed();
            }
            // The manifest belongs to the whole project's build; a build of some manuscripts only adds to it, and
            // an unchanged one need not look at it again.
            cache.CompleteBuild(["list:" + Workspace.PapersFolder], manifest is { } m && options.Paths.Count == 0 ? [m] : [], diagnostics);
            diagnostics.AddRange(cache.Diagnostics);
        }
        return new BuildResult(diagnostics, editions, ConfigurationFailed: diagnostics.Any(d => d.Severity == Severity.Error && IsConfiguration(d))) { Removed = removed };
    }

    /// <summary>What the end of a build that records itself in the cache needs and can be had before: the
    /// fingerprints of the project's inputs, recorded with every edition, the digests of the HTML assets
    /// already in the output folder, which are compared with their sources, and the copies of those that differ,
    /// prepared beside their targets so that writing the assets at the end is a rename each. Hashing them is most of the
    /// time between the last manuscript and the end of a build; while the manuscripts render on other
    /// threads, the calling thread takes it on (see <see cref="ManuscriptQueue"/>).</summary>
    private static Func<bool>? WhileWaiting(IWorld world, BuildCache? cache, ProjectConfig config, EditionBuilder builder, BuildOptions options)
    {
        if (cache is null)
        {
            return null;
        }
        // Each step of the enumeration hashes one file.
        IEnumerable<bool> Steps()
        {
            foreach (var input in cache.ProjectInputs(config))
            {
                cache.Prefetch(input);
                yield return true;
            }
            if (options.Formats.HasFlag(OutputFormats.Html) && options.Write)
            {
                foreach (var step in builder.PrepareAssets())
                {
                    yield return step;
                }
            }
        }
        return Steps().GetEnumerator().MoveNext;
    }

    /// <summary>The manifest with the files this build made, after deleting what a complete build no longer
    /// makes (see <see cref="OutputManifest"/>).</summary>
    private static (string Path, byte[] Content)? WriteManifest(Workspace workspace, BuildOptions options, EditionBuilder builder, BuildCache? cache,
        List<EditionResult> editions, List<Diagnostic> diagnostics, List<string> removed)
    {
        var made = new SortedSet<string>(builder.Made, StringComparer.Ordinal);
        made.UnionWith(cache?.Outputs ?? []);
        var complete = options.Paths.Count == 0
            && options.Formats == OutputFormats.All
            && editions.Count(e => !e.Manuscript.StartsWith('(')) == workspace.Manuscripts.Count
            && !diagnostics.Any(d => d.Severity == Severity.Error);
        var content = OutputManifest.Update(workspace.World, workspace.Config!, builder.OutputFolder, made, complete, removed, diagnostics);
        var path = OutputManifest.PathIn(builder.OutputFolder);
        var written = new List<string>();
        builder.WriteIfChanged(path, content, written, diagnostics);
        editions.Add(new EditionResult(OutputManifest.Unit, written, Failed: false));
        return (path, content);
    }

    /// <param name="cited">The keys the manuscripts built cite (every manuscript of the project when none is named).</param>
    private static IEnumerable<Diagnostic> CheckBibliographies(HashSet<string> cited, CitationLoader citations, BuildOptions options)
    {
        var loaded = citations.LoadedReferences;
        var problems = BibliographyChecks.Duplicates(loaded)
            .Concat(BibliographyChecks.MissingFields(loaded.Where(r => cited.Contains(r.Id))));
        // "Never cited" only means something when every manuscript was looked at.
        if (options.Paths.Count == 0)
        {
            problems = problems.Concat(BibliographyChecks.Uncited(loaded, cited, listEach: !options.Write));
        }
        return problems.ToList();
    }

    private static bool IsConfiguration(Diagnostic d) => d.Code.StartsWith("PUB05", StringComparison.Ordinal) || d.Code == Codes.PathNotFound.Id || d.Code == Codes.OutputFolderRefused.Id;

    /// <summary>The series catalogue: every manuscript with its number, edition, language, title and status.</summary>
    public static (IReadOnlyList<CatalogueEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics) List(IWorld world)
    {
        var workspace = Workspace.Load(world);
        var registryDiagnostics = new List<Diagnostic>();
        var published = Publishing.PublishedEditions.ByManuscript(world, workspace.Config, registryDiagnostics);
        var entries = workspace.Manuscripts
            .Select(m => new CatalogueEntry(
                m.Document?.Meta.Series ?? "?",
                m.Document?.Meta.Number,
                m.Document?.Meta.Edition ?? 1,
                m.Document?.Meta.Language ?? "?",
                m.Document?.Meta.Title ?? "(unreadable)",
                m.Document is null ? "invalid" : m.Document.Meta.Status.ToString().ToLowerInvariant(),
                m.Path,
                published.GetValueOrDefault(m.Path, "-")))
            .OrderBy(e => e.Series, StringComparer.Ordinal)
            .ThenBy(e => e.Number ?? int.MaxValue)
            .ThenBy(e => e.Edition)
            .ThenBy(e => e.Language, StringComparer.Ordinal)
            .ThenBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        return (entries, [.. workspace.AllDiagnostics, .. registryDiagnostics]);
    }

    /// <summary><c>pub styles</c>: every citation style the project can name, from templates/csl and the folders
    /// pub.yaml names under <c>styles:</c>, sorted by name. Without a valid pub.yaml, nothing and its diagnostics.</summary>
    public static (IReadOnlyList<StyleListing> Styles, IReadOnlyList<Diagnostic> Diagnostics) Styles(IWorld world)
    {
        var (config, diagnostics) = ConfigReader.Read(world);
        if (config is null)
        {
            return ([], diagnostics);
        }
        var catalogue = new StyleCatalogue(world, config);
        return ([.. catalogue.Entries.Select(e => new StyleListing(e.Name, e.Description?.FormatName, e.Description?.Title, e.Path,
            e.Description?.ParentId, catalogue.ParentOf(e)))], diagnostics);
    }

    /// <summary>The project-relative file a style name or id means in the project, as <c>csl:</c> would find it
    /// (<see cref="StyleCatalogue"/>), or the nearest name when none does, and the folders a dependent style's
    /// parent is looked for in; nothing without a valid pub.yaml.</summary>
    public static (string? Path, string? Suggestion, IReadOnlyList<string> Folders) FindStyle(IWorld world, string value)
    {
        if (ConfigReader.Read(world).Config is not { } config)
        {
            return (null, null, []);
        }
        var catalogue = new StyleCatalogue(world, config);
        var lookup = catalogue.Find(value, "");
        return (lookup.Path, lookup.Suggestion, catalogue.Folders);
    }

    /// <summary><c>pub cite</c>: renders clusters and a bibliography with a style, outside any project.</summary>
    public static (string? Output, IReadOnlyList<Diagnostic> Diagnostics) Cite(IWorld world, CiteRequest request) => CiteRunner.Run(world, request);

    public static (string? Created, IReadOnlyList<Diagnostic> Diagnostics) NewPaper(IWorld world, string series, string title, string? language) =>
        ManuscriptScaffold.Create(world, series, title, language);

    /// <summary><c>pub import</c>: a Word document becomes a new manuscript folder.</summary>
    public static ImportOutcome Import(IWorld world, ImportRequest request) => ManuscriptImport.Run(world, request);
}

public sealed record CatalogueEntry(string Series, int? Number, int Edition, string Language, string Title, string Status, string Path, string Published = "-");
