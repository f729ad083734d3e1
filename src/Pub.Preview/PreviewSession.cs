using System.Diagnostics;
using System.Threading.Channels;
using Pub.Compiler;
using Pub.Syntax;

namespace Pub.Preview;

/// <summary>
/// Keeps the preview in step with the files: which manuscripts are previewed, which of them a change
/// affects, and the order of work. A batch of changes rebuilds the HTML of the affected manuscripts
/// first; their PDFs are built afterwards, one at a time, whenever no newer change is waiting, so a
/// burst of saves never queues up slow PDF builds in front of the page the author is looking at.
/// </summary>
internal sealed class PreviewSession
{
    /// <summary>A manuscript deleted by an editor's save is usually back within milliseconds.</summary>
    private static readonly TimeSpan RecreateWait = TimeSpan.FromMilliseconds(500);

    /// <summary>Changes keep arriving during a long save; never wait longer than this to start.</summary>
    private static readonly TimeSpan LongestDebounce = TimeSpan.FromSeconds(1);

    private readonly PreviewOptions _options;
    private readonly IWorld _files;
    private readonly EditionPreview _builder;
    private readonly PreviewSite _site;
    /// <summary>Manuscripts whose PDF is still to be built, each with the diagnostics its HTML build printed: the
    /// PDF build finds the manuscript's warnings again and prints only what is new.</summary>
    private readonly List<(string Manuscript, HashSet<string> Printed)> _pdfPending = [];

    public PreviewSession(PreviewOptions options, IWorld files, PreviewSite site)
    {
        _options = options;
        _files = files;
        _site = site;
        _builder = new EditionPreview(files, site, options.Pdf, options.Log);
        var config = ConfigReader.Read(files).Config;
        Templates = config?.Templates ?? "templates";
        SharedFolders = config is null ? [Templates] : [Templates, .. config.Styles, .. new[] { config.Locales }.OfType<string>(), .. config.Fonts];
    }

    /// <summary>The manuscripts being previewed (project-relative paths of their main files).</summary>
    public IReadOnlyList<string> Targets { get; private set; } = [];

    public string Templates { get; }

    /// <summary>Folders every manuscript may read from: the templates, and the style, locale and font folders
    /// pub.yaml names (a style named in csl: is looked up in them). A change in one rebuilds everything.</summary>
    public IReadOnlyList<string> SharedFolders { get; }

    /// <summary>False while a change or a PDF build is waiting or running.</summary>
    public bool Idle => _idle;

    private volatile bool _idle;

    /// <summary>True while a PDF is being set (a save now sets it aside).</summary>
    public bool SettingPdf => _settingPdf;

    private volatile bool _settingPdf;

    private bool _collectedOnce;

    /// <summary>Finds the manuscripts named by the options; problems here mean nothing can be previewed.</summary>
    public IReadOnlyList<Diagnostic> ResolveTargets()
    {
        var all = _files.ListFiles(Workspace.PapersFolder).Where(p => ProjectPath.FileName(p) == Workspace.ManuscriptFileName).ToList();
        if (_options.Paths.Count == 0)
        {
            Targets = all;
            return [];
        }
        var problems = new List<Diagnostic>();
        var targets = new List<string>();
        foreach (var raw in _options.Paths)
        {
            var path = ProjectPath.Normalize(raw);
            var matches = all.Where(m => path.Length == 0 || m == path || m.StartsWith(path + "/", StringComparison.Ordinal)).ToList();
            if (matches.Count == 0 && path.EndsWith(".md", StringComparison.Ordinal) && _files.FileExists(path))
            {
                matches.Add(path);
            }
            if (matches.Count == 0)
            {
                problems.Add(new Diagnostic(Severity.Error, Codes.PathNotFound.Id,
                    _files.FileExists(path) || _files.DirectoryExists(path) ? $"'{raw}' holds no manuscript ({Workspace.ManuscriptFileName})" : $"'{raw}' does not exist",
                    Path: raw, Hints: ["name a manuscript file or a folder below papers/; 'pub list' shows them all"]));
            }
            targets.AddRange(matches.Where(m => !targets.Contains(m)));
        }
        Targets = targets;
        return problems;
    }

    /// <summary>The first build: every HTML edition now; the PDFs follow in <see cref="RunAsync"/>. Stopping
    /// skips the manuscripts not yet built.</summary>
    public void BuildAll(CancellationToken cancel)
    {
        var printed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manuscript in Targets)
        {
            cancel.ThrowIfCancellationRequested();
            if (_builder.BuildHtml(manuscript, printed) && _options.Pdf)
            {
                Queue(manuscript, printed);
            }
        }
    }

    public async Task RunAsync(ProjectWatcher watcher, CancellationToken cancel)
    {
        var changes = watcher.Changes;
        while (!cancel.IsCancellationRequested)
        {
            if (_pdfPending.Count > 0 && !changes.TryPeek(out _))
            {
                if (!await LetPagesReloadAsync(changes, cancel))
                {
                    continue;
                }
                var (next, printed) = _pdfPending[0];
                _pdfPending.RemoveAt(0);
                // A save while the PDF is set abandons it: the page the author waits for is built first, and the
                // PDF is set again after it (with the new text when the save was to this manuscript).
                using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                var saved = changes.WaitToReadAsync(abandon.Token).AsTask().ContinueWith(
                    _ => abandon.Cancel(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                bool set;
                _settingPdf = true;
                try
                {
                    set = _builder.BuildPdf(next, printed, abandon.Token);
                }
                finally
                {
                    _settingPdf = false;
                }
                if (!set && !cancel.IsCancellationRequested)
                {
                    _options.Log.WriteLine($"pub preview: {next}: PDF set aside for the change just saved");
                    if (!_pdfPending.Exists(p => p.Manuscript == next))
                    {
                        _pdfPending.Insert(0, (next, printed));
                    }
                }
                await abandon.CancelAsync();
                await saved.ConfigureAwait(false);
                continue;
            }
            _idle = !changes.TryPeek(out _);
            if (_idle && !_collectedOnce)
            {
                // The first builds leave fonts, patterns and the first PDF's garbage behind; collected now, while
                // nobody waits, instead of during the page build after the first save.
                _collectedOnce = true;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
            var more = await changes.WaitToReadAsync(cancel);
            _idle = false;
            if (!more)
            {
                return;
            }
            var batch = await CollectAsync(watcher, cancel);
            RebuildOrReport(batch);
        }
    }

    /// <summary>How long the pages that follow the preview may take to fetch a rebuilt page before its PDF is set.</summary>
    private static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(1);

    /// <summary>How long no request must have come for the pages to count as reloaded.</summary>
    private static readonly TimeSpan ReloadQuiet = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// Lets the open pages reload before the PDF is set: the PDF takes both cores for a while, and the page the
    /// author is looking at comes first. Returns at once when no page follows the preview; false when a change
    /// came meanwhile (it is built first).
    /// </summary>
    private async Task<bool> LetPagesReloadAsync(ChannelReader<string> changes, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        while (!_site.Reloaded(ReloadQuiet) && Stopwatch.GetElapsedTime(started) < ReloadWait)
        {
            if (changes.TryPeek(out _))
            {
                return false;
            }
            await Task.Delay(5, cancel);
        }
        return !changes.TryPeek(out _);
    }

    /// <summary>The owner of problems that belong to no manuscript's build.</summary>
    internal const string SessionOwner = "(preview)";

    /// <summary>A build that throws is reported by the builder; this catches what throws around it (finding
    /// the manuscripts again, for one), so that no exception ends the preview: the next change tries again.</summary>
    private void RebuildOrReport(HashSet<string> batch)
    {
        try
        {
            Rebuild(batch);
            _site.Forget(SessionOwner);
        }
#pragma warning disable CA1031 // An exception here is a bug in pub; the preview shows it and keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _site.Fail(SessionOwner, [EditionPreview.InternalError(Workspace.PapersFolder, "rebuilding after a change", ex)]);
            _options.Log.WriteLine("pub preview: internal error while rebuilding; this is a bug in pub, please report it:");
            _options.Log.WriteLine(ex.ToString());
        }
    }

    /// <summary>Debounce: gathers changes until none has arrived for the debounce interval, counted from the
    /// last one (a save's events come within a few milliseconds of each other), or for at most
    /// <see cref="LongestDebounce"/> while they keep coming.</summary>
    private async Task<HashSet<string>> CollectAsync(ProjectWatcher watcher, CancellationToken cancel)
    {
        var batch = new HashSet<string>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            while (watcher.Changes.TryRead(out var path))
            {
                batch.Add(path);
            }
            if (Stopwatch.GetElapsedTime(started) > LongestDebounce)
            {
                return batch;
            }
            var quiet = Stopwatch.GetElapsedTime(watcher.LastChange);
            if (quiet >= _options.Debounce)
            {
                if (!watcher.Changes.TryPeek(out _))
                {
                    return batch;
                }
                continue;
            }
            await Task.Delay(_options.Debounce - quiet, cancel);
        }
    }

    private void Rebuild(HashSet<string> changed)
    {
        if (changed.Any(IsManuscriptAddedOrRemoved) && _options.Paths.Count == 0)
        {
            WaitForRecreatedManuscripts();
            ResolveTargets();
        }
        var affected = Affected(changed);
        if (affected.Count == 0)
        {
            return;
        }
        var printed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manuscript in affected)
        {
            WaitUntilExists(manuscript);
            if (_builder.BuildHtml(manuscript, printed) && _options.Pdf)
            {
                Queue(manuscript, printed);
            }
        }
    }

    private void Queue(string manuscript, HashSet<string> printed)
    {
        var at = _pdfPending.FindIndex(p => p.Manuscript == manuscript);
        if (at < 0)
        {
            _pdfPending.Add((manuscript, printed));
        }
        else
        {
            _pdfPending[at] = (manuscript, printed);
        }
    }

    /// <summary>
    /// Which previewed manuscripts a change can affect. A file in a manuscript's folder affects that
    /// manuscript. pub.yaml, the templates and files shared between manuscripts (a bibliography in
    /// papers/, another manuscript's front matter, which series checks and series citations read)
    /// affect every previewed manuscript.
    /// </summary>
    internal List<string> Affected(IEnumerable<string> changed)
    {
        var affected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in changed)
        {
            if (affected.Count == Targets.Count)
            {
                break;
            }
            if (path == ProjectWatcher.Everything || path == ConfigReader.FileName || SharedFolders.Any(folder => IsBelow(path, folder)))
            {
                affected.UnionWith(Targets);
                continue;
            }
            if (!path.Contains('/', StringComparison.Ordinal))
            {
                if (MattersAtRoot(path))
                {
                    affected.UnionWith(Targets);
                }
                continue;
            }
            if (!IsBelow(path, Workspace.PapersFolder))
            {
                continue;
            }
            var owner = Targets.Where(t => IsBelow(path, ProjectPath.Folder(t)) || path == t).MaxBy(t => t.Length);
            if (owner is not null)
            {
                affected.Add(owner);
            }
            else if (ProjectPath.FileName(path) == Workspace.ManuscriptFileName || ProjectPath.Folder(path) == Workspace.PapersFolder)
            {
                affected.UnionWith(Targets);
            }
        }
        return [.. Targets.Where(affected.Contains)];
    }

    private static bool IsBelow(string path, string folder) =>
        folder.Length > 0 && path.StartsWith(ProjectPath.Normalize(folder) + "/", StringComparison.Ordinal);

    /// <summary>Of the files at the project root, pub.yaml matters, and any file a manuscript may name as its
    /// bibliography; nothing else there (a log, an editor's or a version control's folder) is a change.</summary>
    internal static bool MattersAtRoot(string name) => name == ConfigReader.FileName || IsBibliography(name);

    private static bool IsBibliography(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".bib" or ".json" or ".yaml" or ".yml" or ".csl";

    private static bool IsManuscriptAddedOrRemoved(string path) =>
        path == ProjectWatcher.Everything || (IsBelow(path, Workspace.PapersFolder) && ProjectPath.FileName(path) == Workspace.ManuscriptFileName);

    private void WaitForRecreatedManuscripts()
    {
        foreach (var target in Targets)
        {
            WaitUntilExists(target);
        }
    }

    /// <summary>Editors that save by deleting and re-creating leave a short gap without the file.</summary>
    private void WaitUntilExists(string manuscript)
    {
        var deadline = DateTime.UtcNow + RecreateWait;
        while (!_files.FileExists(manuscript) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(25);
        }
    }
}
