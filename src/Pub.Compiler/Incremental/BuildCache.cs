// Incremental builds: what a build read and wrote, kept under .pub/cache/, so that an unchanged edition is
// neither rebuilt nor rewritten.
using System.Globalization;
using System.Text;
using Pub.Syntax;

namespace Pub.Compiler.Incremental;

/// <summary>
/// The content-hash cache of <c>pub build</c>. A build is made of units: one per manuscript, one per
/// whole-build output (the HTML assets; the series index page registers itself the same way), and the
/// whole build itself. After a unit is built without errors, its entry records a fingerprint of every
/// input it depended on, the SHA-256 of every file it wrote and the warnings it reported, which are
/// reported again whenever it is skipped. The next build skips
/// the unit when every recorded input still has its fingerprint and every output is still in the output
/// folder with its recorded content; otherwise the unit is built again.
/// </summary>
/// <remarks>
/// Inputs are named by kind: <c>file:PATH</c> (its content; "-" when absent, so that creating it counts as a
/// change), <c>list:FOLDER</c> (the names of every file below it, so that a new chapter, figure or template
/// counts), <c>env:NAME</c>, <c>meta:papers</c> (the front matter of every manuscript, which series citations
/// and translations read) and <c>unit:NAME</c> (another unit's entry, for the whole build). Because a unit's
/// inputs are recorded as they were found, the files a manuscript names can change from one build to the
/// next: whatever named them is itself an input. The tool version and the build options are part of every
/// entry; an entry that is truncated, damaged, or written by another version or format is reported
/// (PUB0604), discarded and rebuilt, never trusted. Entries are written atomically through the world.
/// A whole-build output joins in as <see cref="EditionBuilder.WriteAssets"/> does: ask
/// <see cref="IsUpToDate"/> under a unit name of its own before making it, and after writing it
/// <see cref="Record"/> the inputs it read (<c>meta:papers</c> for a page listing the series) and the files.
/// </remarks>
internal sealed class BuildCache
{
    public const string Folder = ".pub/cache";

    /// <summary>The unit of the whole build: up to date only when every manuscript and whole-build output is.</summary>
    public const string WholeBuild = "(build)";

    private readonly IWorld _world;
    private readonly bool _force;
    private readonly string _options;
    private readonly string _wholeBuildOptions;
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _buildInputs = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _buildOutputs = new(StringComparer.Ordinal);
    private readonly List<(string Unit, string Path, CacheProblem Problem)> _discarded = [];
    private readonly Dictionary<string, SourceText?> _sources = new(StringComparer.Ordinal);
    private bool _incomplete;

    private BuildCache(IWorld world, BuildOptions options)
    {
        _world = world;
        _force = options.Force;
        _options = string.Create(CultureInfo.InvariantCulture,
            $"formats={(int)options.Formats};out={options.OutputFolder ?? "(config)"};link-pdf={options.LinkPdf}");
        _wholeBuildOptions = _options + ";paths=" + string.Join('|', options.Paths.Select(ProjectPath.Normalize).Order(StringComparer.Ordinal));
    }

    /// <summary>The cache of a build that writes its outputs; null for checks, drafts (stamped with the
    /// clock, so never the same twice) and builds that did not ask for it.</summary>
    public static BuildCache? For(IWorld world, BuildOptions options) =>
        options is { Incremental: true, Write: true, Draft: false } ? new BuildCache(world, options) : null;

    /// <summary>Entries that could not be trusted (PUB0604): one diagnostic for each reason, naming the entry
    /// when it is the only one, and counting them when several share the reason.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics =>
    [
        .. _discarded.GroupBy(d => d.Problem).Select(group => group.Count() == 1
            ? new Diagnostic(Severity.Info, Codes.CacheEntryDiscarded.Id,
                $"the build cache entry for {group.First().Unit} was discarded because {group.Key.One}; it is built again",
                Path: group.First().Path, Hints: [DiscardedHint])
            : new Diagnostic(Severity.Info, Codes.CacheEntryDiscarded.Id,
                string.Create(CultureInfo.InvariantCulture, $"{group.Count()} build cache entries were discarded because {group.Key.Many}; what they described is built again"),
                Path: Folder, Hints: [DiscardedHint])),
    ];

    private const string DiscardedHint = "nothing needs to be done; pub build --force rebuilds everything";

    /// <summary>The units of the previous whole build, when nothing it read or wrote has changed since, and
    /// the diagnostics it reported.</summary>
    public IReadOnlyList<string>? UnchangedBuild(List<Diagnostic> replayed)
    {
        if (UpToDate(WholeBuild, _wholeBuildOptions) is not { } entry)
        {
            return null;
        }
        replayed.AddRange(entry.Diagnostics.Select(Restore));
        return [.. entry.Inputs.Keys.Where(k => k.StartsWith("unit:", StringComparison.Ordinal)).Select(k => k[5..])];
    }

    /// <summary>True when <paramref name="unit"/> need not be built: its entry is sound and nothing it read
    /// or wrote has changed. Its outputs then count towards the whole build's, and the warnings it reported
    /// when it was built are added to <paramref name="replayed"/>.</summary>
    public bool IsUpToDate(string unit, List<Diagnostic> replayed)
    {
        if (UpToDate(unit, _options) is not { } entry)
        {
            return false;
        }
        Remember(entry);
        replayed.AddRange(entry.Diagnostics.Select(Restore));
        return true;
    }

    /// <summary>Records a unit that was built without errors: the inputs it depended on, the files it wrote
    /// and the warnings it reported.</summary>
    public void Record(string unit, IEnumerable<string> inputs, IEnumerable<(string Path, byte[] Content)> outputs, IEnumerable<Diagnostic> diagnostics) =>
        Record(unit, inputs, outputs.Select(o => (o.Path, CacheEntry.Hash(o.Content))), diagnostics);

    /// <summary>Records a unit whose outputs are given by their SHA-256 (copies of files whose digest is known).</summary>
    public void Record(string unit, IEnumerable<string> inputs, IEnumerable<(string Path, string Sha256)> outputs, IEnumerable<Diagnostic> diagnostics)
    {
        var entry = new CacheEntry(unit, _options,
            inputs.Distinct(StringComparer.Ordinal).ToDictionary(i => i, Fingerprint, StringComparer.Ordinal),
            outputs.ToDictionary(o => o.Path, o => o.Sha256, StringComparer.Ordinal))
        {
            Diagnostics = [.. diagnostics.Select(StoredDiagnostic.From)],
        };
        Write(entry);
        Remember(entry);
    }

    /// <summary>Takes an input's fingerprint now for a record made later in this build, as a record would take
    /// it then (a unit's own entry excepted, which changes when the unit is recorded).</summary>
    public void Prefetch(string input)
    {
        if (!input.StartsWith("unit:", StringComparison.Ordinal))
        {
            _ = Fingerprint(input);
        }
    }

    /// <summary>The files of every unit found up to date or recorded in this build.</summary>
    public IEnumerable<string> Outputs => _buildOutputs.Keys;

    /// <summary>A unit that was not built cleanly keeps the whole build from being recorded.</summary>
    public void Failed() => _incomplete = true;

    /// <summary>Records the whole build, with every diagnostic it reported, when no unit failed.</summary>
    public void CompleteBuild(IEnumerable<string> extraInputs, IEnumerable<(string Path, byte[] Content)> extraOutputs, IEnumerable<Diagnostic> diagnostics)
    {
        if (_incomplete)
        {
            return;
        }
        var inputs = new SortedDictionary<string, string>(_buildInputs, StringComparer.Ordinal);
        foreach (var input in extraInputs)
        {
            inputs[input] = Fingerprint(input);
        }
        var outputs = new SortedDictionary<string, string>(_buildOutputs, StringComparer.Ordinal);
        foreach (var (path, content) in extraOutputs)
        {
            outputs[path] = CacheEntry.Hash(content);
        }
        Write(new CacheEntry(WholeBuild, _wholeBuildOptions, inputs, outputs)
        {
            Diagnostics = [.. diagnostics.Where(d => d.Code != Codes.CacheEntryDiscarded.Id).Select(StoredDiagnostic.From)],
        });
    }

    /// <summary>A stored diagnostic with its span into the file as it is now, which is the file as it was:
    /// every file a diagnostic points into is an input of its unit.</summary>
    private Diagnostic Restore(StoredDiagnostic stored)
    {
        var severity = Enum.TryParse<Severity>(stored.Severity, out var parsed) ? parsed : Severity.Warning;
        SourceSpan? span = null;
        if (stored.Start >= 0 && stored.Path is { } path)
        {
            if (!_sources.TryGetValue(path, out var source))
            {
                source = _world.ReadBytes(path) is { } bytes && TextDecoding.Decode(bytes, out _) is { } text ? new SourceText(path, text) : null;
                _sources[path] = source;
            }
            if (source is not null && stored.Start + stored.Length <= source.Text.Length)
            {
                span = source.Span(stored.Start, stored.Length);
            }
        }
        return new Diagnostic(severity, stored.Code, stored.Message, span, stored.Hints, span is null ? stored.Path : null);
    }

    /// <summary>Inputs every edition depends on: pub.yaml, the templates (page shells, styles, fonts, hyphenation
    /// patterns), extra font, locale and style folders, the series registries, the front matter of every
    /// manuscript and SOURCE_DATE_EPOCH. The citation style an edition uses is its own input (the files its
    /// name or path was resolved to), since a name can lead to a file anywhere in the project.</summary>
    public IEnumerable<string> ProjectInputs(ProjectConfig config)
    {
        yield return "file:" + ConfigReader.FileName;
        yield return "env:SOURCE_DATE_EPOCH";
        yield return "meta:papers";
        foreach (var folder in new[] { config.Templates, config.Locales }.Concat(config.Styles).Concat(config.Fonts).OfType<string>())
        {
            foreach (var input in FolderInputs(folder))
            {
                yield return input;
            }
        }
        foreach (var series in config.Series)
        {
            yield return "file:" + Publishing.SeriesRegistry.PathOf(series.Id);
        }
    }

    /// <summary>A folder's listing and every file in it.</summary>
    public IEnumerable<string> FolderInputs(string folder)
    {
        var normalized = ProjectPath.Normalize(folder);
        yield return "list:" + normalized;
        foreach (var file in _world.ListFiles(normalized))
        {
            yield return "file:" + file;
        }
    }

    /// <summary>Adds a unit's inputs and outputs to the whole build's.</summary>
    private void Remember(CacheEntry entry)
    {
        foreach (var (input, fingerprint) in entry.Inputs)
        {
            _buildInputs[input] = fingerprint;
        }
        foreach (var (path, sha) in entry.Outputs)
        {
            _buildOutputs[path] = sha;
        }
        _buildInputs["unit:" + entry.Unit] = Fingerprint("unit:" + entry.Unit, fresh: true);
    }

    private CacheEntry? UpToDate(string unit, string options)
    {
        if (_force)
        {
            return null;
        }
        var path = EntryPath(unit, options);
        if (_world.ReadBytes(path) is not { } bytes)
        {
            return null;
        }
        var entry = CacheEntry.Parse(Encoding.UTF8.GetString(bytes), out var problem);
        if (entry is null || entry.Unit != unit || entry.Options != options)
        {
            _discarded.Add((unit, path, problem ?? CacheProblem.OtherUnit));
            return null;
        }
        foreach (var (input, fingerprint) in entry.Inputs)
        {
            if (!string.Equals(Fingerprint(input), fingerprint, StringComparison.Ordinal))
            {
                return null;
            }
        }
        foreach (var (output, sha) in entry.Outputs)
        {
            if (_world.Digest(output) is not { } digest || !string.Equals(digest.Sha256, sha, StringComparison.Ordinal))
            {
                return null;
            }
        }
        return entry;
    }

    private void Write(CacheEntry entry)
    {
        // A cache that cannot be written only makes the next build slower; the outputs are already in place. An
        // entry is checked against its checksum when it is read, so it need not wait for the disk.
        _ = _world.WriteAtomicUnsynced(EntryPath(entry.Unit, entry.Options), entry.Serialize());
        _fingerprints.Remove("unit:" + entry.Unit);
    }

    private static string EntryPath(string unit, string options) => Folder + "/" + CacheEntry.FileNameFor(unit, options);

    private string Fingerprint(string input) => Fingerprint(input, fresh: false);

    private string Fingerprint(string input, bool fresh)
    {
        if (!fresh && _fingerprints.TryGetValue(input, out var known))
        {
            return known;
        }
        var colon = input.IndexOf(':', StringComparison.Ordinal);
        var (kind, name) = colon < 0 ? (input, "") : (input[..colon], input[(colon + 1)..]);
        var fingerprint = kind switch
        {
            "file" => _world.Digest(name)?.Sha256 ?? "-",
            "list" => CacheEntry.Hash(string.Join('\n', _world.ListFiles(name))),
            "env" => _world.Environment(name) is { } value ? CacheEntry.Hash(value) : "-",
            "meta" => FrontMatterDigest(name),
            "unit" => _world.ReadBytes(EntryPath(name, _options)) is { } entry ? CacheEntry.Hash(entry) : "-",
            _ => "?",
        };
        _fingerprints[input] = fingerprint;
        return fingerprint;
    }

    /// <summary>The paths and front matter of every manuscript below a folder; bodies are left out, so that
    /// editing one paper's text does not rebuild the others.</summary>
    private string FrontMatterDigest(string folder)
    {
        var text = new StringBuilder();
        foreach (var path in _world.ListFiles(folder).Where(p => ProjectPath.FileName(p) == Workspace.ManuscriptFileName))
        {
            var content = _world.ReadBytes(path) is { } bytes ? Encoding.UTF8.GetString(bytes) : "";
            var start = Math.Min(3, content.Length);
            var close = content.IndexOf("\n---", start, StringComparison.Ordinal) is var i and >= 0 ? i : content.IndexOf("\n...", start, StringComparison.Ordinal);
            text.Append(path).Append('\n').Append(close < 0 ? content : content[..close]).Append('\0');
        }
        return CacheEntry.Hash(text.ToString());
    }
}
