using Pub.Markdown;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>One manuscript file as loaded: its document (null when it could not be read) and the problems
/// found in it. <see cref="HasErrors"/> manuscripts are not built, but never stop the others.</summary>
public sealed record Manuscript(string Path, Document? Document, IReadOnlyList<Diagnostic> Diagnostics, SeriesConfig? Series)
{
    public bool HasErrors => Document is null || Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Read without its text (see <see cref="Workspace.Load"/>): the metadata is whole, but the document has
    /// no blocks and, unless <see cref="TextChecked"/>, the diagnostics only what the front matter gave, so
    /// <see cref="HasErrors"/> may be false where the text has an error. <see cref="Workspace.Complete"/> reads the
    /// whole manuscript.</summary>
    public bool FrontMatterOnly { get; init; }

    /// <summary>A manuscript held <see cref="FrontMatterOnly"/> whose diagnostics are nevertheless those of the whole
    /// reading: the build read it whole and let go of its text (see <see cref="Workspace.Take"/>).</summary>
    public bool TextChecked { get; init; }

    public string Folder => ProjectPath.Folder(Path);
}

/// <summary>The project: configuration and every manuscript under papers/, checked against each other.</summary>
public sealed class Workspace
{
    public const string PapersFolder = "papers";
    public const string ManuscriptFileName = "paper.md";

    /// <summary>For each manuscript whose number another claims too, the others (see <see cref="SeriesChecks"/>).</summary>
    private readonly Dictionary<string, List<string>> _claims;
    private readonly EditionHistory? _history;
    private readonly Manuscript[] _manuscripts;
    private readonly Manuscript[] _all;

    private Workspace(IWorld world, ProjectConfig? config, IReadOnlyList<Manuscript> manuscripts, IReadOnlyList<Manuscript> all, IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyList<Diagnostic>? registryDiagnostics = null, Dictionary<string, List<string>>? claims = null, EditionHistory? history = null)
    {
        RegistryDiagnostics = registryDiagnostics ?? [];
        World = world;
        Config = config;
        _manuscripts = [.. manuscripts];
        _all = [.. all];
        Diagnostics = diagnostics;
        _claims = claims ?? [];
        _history = history;
    }

    public IWorld World { get; }

    /// <summary>Null when pub.yaml is missing or invalid; nothing is built then.</summary>
    public ProjectConfig? Config { get; }

    /// <summary>The manuscripts to work on: those named on the command line, or all.</summary>
    public IReadOnlyList<Manuscript> Manuscripts => _manuscripts;

    /// <summary>Every manuscript of the project, for what spans the series (numbers, series citations).</summary>
    public IReadOnlyList<Manuscript> AllManuscripts => _all;

    /// <summary>Problems not tied to one manuscript: configuration, paths on the command line.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Problems reading the series registries, which give the manuscripts their earlier editions. They
    /// are kept apart because <c>pub publish</c> and <c>pub list</c> read the registries themselves.</summary>
    public IReadOnlyList<Diagnostic> RegistryDiagnostics { get; }

    public IEnumerable<Diagnostic> AllDiagnostics => Diagnostics.Concat(Manuscripts.SelectMany(m => m.Diagnostics));

    /// <summary>Loads pub.yaml and the manuscripts named by <paramref name="paths"/> (files or folders),
    /// or all of them when none are named.</summary>
    /// <param name="jobs">How many manuscripts are parsed at once (a build's <c>--jobs</c>); the result is the same
    /// whatever the number.</param>
    /// <param name="beforeParsing">Called once the configuration is read and the manuscripts to build are known (in
    /// order), before any manuscript is parsed.</param>
    /// <param name="bodies">False to read only the front matter of every manuscript, for a process that renders a few
    /// of the manuscripts a build has checked already (a render worker): what spans the series (numbers, series
    /// citations, earlier editions) is the same, and <see cref="Complete"/> reads a manuscript whole when it is
    /// needed.</param>
    public static Workspace Load(IWorld world, IReadOnlyList<string>? paths = null, int jobs = 1, Action<ProjectConfig, IReadOnlyList<string>>? beforeParsing = null,
        bool bodies = true)
    {
        var diagnostics = new List<Diagnostic>();
        var (config, configDiagnostics) = ConfigReader.Read(world);
        diagnostics.AddRange(configDiagnostics);
        if (config is null)
        {
            return new Workspace(world, null, [], [], diagnostics);
        }
        // A manuscript file that is a link leading outside is reported by the loader, where it is read; a folder
        // link is reported here, since nothing in it is ever looked at.
        var listed = world.ListFiles(PapersFolder);
        foreach (var folder in listed)
        {
            if (folder.EndsWith('/'))
            {
                diagnostics.Add(ProjectFiles.Refused(folder));
            }
        }
        var all = listed.Where(p => ProjectPath.FileName(p) == ManuscriptFileName).ToList();
        var selected = Select(world, all, paths, diagnostics);
        beforeParsing?.Invoke(config, [.. all.Where(selected.Contains)]);
        // Every manuscript is read, so that series numbers are checked against the whole series even
        // when only some manuscripts are built.
        var loaded = jobs > 1 && all.Count > 1
            ? all.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(jobs, Math.Min(all.Count, 512))).Select(path => ManuscriptLoader.Load(world, path, config, bodies)).ToList()
            : all.Select(path => ManuscriptLoader.Load(world, path, config, bodies)).ToList();
        var claims = SeriesChecks.Claims(loaded);
        var history = EditionHistory.Load(world, config);
        loaded = [.. loaded.Select(m => history.Apply(SeriesChecks.Mark(m, claims)))];
        var chosen = loaded.Where(m => selected.Contains(m.Path)).ToList();
        return new Workspace(world, config, chosen, loaded, diagnostics, history.Diagnostics, claims, history);
    }

    /// <summary>The manuscript read whole, as <see cref="Load"/> reads it with its text: itself unless it was read
    /// <see cref="Manuscript.FrontMatterOnly"/>, else read again now. The workspace keeps the manuscript as it was
    /// read, so that a process rendering many manuscripts holds the text of one at a time.</summary>
    public Manuscript Complete(Manuscript manuscript)
    {
        if (!manuscript.FrontMatterOnly || Config is null)
        {
            return manuscript;
        }
        var whole = SeriesChecks.Mark(ManuscriptLoader.Load(World, manuscript.Path, Config), _claims);
        return _history?.Apply(whole) ?? whole;
    }

    /// <summary>The manuscript with the diagnostics of a whole reading (and so the right <see cref="Manuscript.HasErrors"/>):
    /// itself when it was read whole or <see cref="Manuscript.TextChecked"/>, else read whole now.</summary>
    public Manuscript Checked(Manuscript manuscript) => manuscript.FrontMatterOnly && !manuscript.TextChecked ? Complete(manuscript) : manuscript;

    /// <summary>The manuscript read whole, for the build that builds it now; in its place the workspace keeps its front
    /// matter with the diagnostics of the whole reading (<see cref="Manuscript.TextChecked"/>), so that the text is
    /// held only while the manuscript is built. Called by the build's own thread, in manuscript order; threads that
    /// render other manuscripts read the series meanwhile and find the same metadata either way.</summary>
    public Manuscript Take(Manuscript manuscript)
    {
        var whole = Complete(manuscript);
        if (manuscript.FrontMatterOnly)
        {
            var kept = manuscript with { Diagnostics = whole.Diagnostics, TextChecked = true };
            Replace(_manuscripts, kept);
            Replace(_all, kept);
        }
        return whole;

        static void Replace(Manuscript[] manuscripts, Manuscript kept)
        {
            if (Array.FindIndex(manuscripts, m => m.Path == kept.Path) is var at and >= 0)
            {
                manuscripts[at] = kept;
            }
        }
    }

    /// <summary>How many manuscripts <see cref="Load"/> would choose, from the file listing alone (nothing is read
    /// or parsed, nothing reported).</summary>
    public static int CountChosen(IWorld world, IReadOnlyList<string>? paths) =>
        Select(world, [.. world.ListFiles(PapersFolder).Where(p => ProjectPath.FileName(p) == ManuscriptFileName)], paths, []).Count;

    private static HashSet<string> Select(IWorld world, List<string> all, IReadOnlyList<string>? paths, List<Diagnostic> diagnostics)
    {
        if (paths is null || paths.Count == 0)
        {
            return [.. all];
        }
        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in paths)
        {
            var path = ProjectPath.Normalize(raw);
            var matches = all.Where(m => m == path || m.StartsWith(path + "/", StringComparison.Ordinal) || path.Length == 0).ToList();
            if (matches.Count == 0 && world.FileExists(path) && path.EndsWith(".md", StringComparison.Ordinal))
            {
                matches.Add(path);
                all.Add(path);
            }
            if (matches.Count == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, Codes.PathNotFound.Id,
                    world.FileExists(path) || world.DirectoryExists(path) ? $"'{raw}' holds no manuscript ({ManuscriptFileName})" : $"'{raw}' does not exist",
                    Path: raw, Hints: ["name a manuscript file or a folder below papers/; 'pub list' shows them all"]));
            }
            selected.UnionWith(matches);
        }
        return selected;
    }
}
