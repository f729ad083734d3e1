using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pub.Syntax;

namespace Pub.Compiler.Publishing;

/// <summary><c>pub publish</c>'s request. <see cref="Number"/> is null (the manuscript's own number, or the
/// next free one), "next", or a number.</summary>
public sealed record PublishRequest(string Path, string? Number, int? Edition, string? Date);

/// <summary>What a publish did. <see cref="Published"/>: the editions, the site, the manuscript and the registry
/// were all written; otherwise the diagnostics say why not.</summary>
public sealed record PublishResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Written, bool UsageError, int? Number)
{
    public bool Published { get; init; }

    /// <summary>Files deleted from the output folder because the published state no longer makes them.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];
}

/// <summary>
/// Publishes one manuscript. The order is what makes it safe: every check, the strict build of the
/// manuscript and the build of the whole site in its published state happen in memory first, so a refusal
/// changes nothing; then the site is written (editions, index, feed, deletions, manifest), then the stamped
/// manuscript, and the registry last. A publish interrupted while writing outputs leaves the
/// manuscript and the registry as they were; one interrupted between the last two leaves a stamped
/// manuscript whose number the registry does not know yet. Either way, running the same publish again
/// completes it (identical content under a recorded edition is not a change).
/// </summary>
public static class Publisher
{
    public static PublishResult Publish(IWorld world, PublishRequest request, TimeSpan? lockWait = null)
    {
        var diagnostics = new List<Diagnostic>();
        PublishResult Refuse(bool usage = false) => new(diagnostics, [], usage, null);

        if (!IsWellFormed(request, diagnostics, out var requestedNumber))
        {
            return Refuse(usage: true);
        }

        using var held = PublishLock.Acquire(world, lockWait ?? TimeSpan.FromMinutes(2), diagnostics);
        if (held is null)
        {
            return Refuse();
        }

        var workspace = Workspace.Load(world, [request.Path]);
        diagnostics.AddRange(workspace.Diagnostics);
        if (workspace.Config is null || diagnostics.Any(x => x.Severity == Severity.Error))
        {
            return Refuse(usage: true);
        }
        if (workspace.Manuscripts.Count != 1)
        {
            diagnostics.Add(Usage($"'{request.Path}' holds {workspace.Manuscripts.Count} manuscripts; publish one at a time"));
            return Refuse(usage: true);
        }
        var manuscript = IdentifierChecks.Apply(workspace.Manuscripts[0]);
        if (manuscript.HasErrors || manuscript.Series is null || manuscript.Document?.Source is null)
        {
            diagnostics.AddRange(manuscript.Diagnostics);
            return Refuse();
        }
        var document = manuscript.Document;
        var meta = document.Meta;
        var series = manuscript.Series;
        SourceSpan? At(string field) => ManuscriptLoader.FieldValueSpan(document, field);

        var (registry, registryProblems) = SeriesRegistryFile.Read(world, series.Id);
        diagnostics.AddRange(registryProblems);
        if (registry is null)
        {
            return Refuse();
        }

        var others = workspace.AllManuscripts
            .Where(m => m.Path != manuscript.Path && m.Document?.Meta.Series == series.Id && m.Document.Meta.Number is not null)
            .ToList();
        var publishedAs = registry.NumberOf(manuscript.Path)?.Number;
        var number = requestedNumber
            ?? publishedAs
            ?? (request.Number is null ? meta.Number : null)
            ?? registry.NextFree(others.Select(m => m.Document!.Meta.Number!.Value));
        if (publishedAs is { } earlier && earlier != number)
        {
            diagnostics.Add(Diagnostic.Error(Codes.InvalidPublishRequest, $"this manuscript was published as {series.Id} number {earlier}, not {number}", At("number"),
                "a published paper keeps its number; omit --number"));
        }
        var language = meta.Language;
        var takenBy = registry.Find(number)?.Versions.Where(v => v.Language == language && v.Path != manuscript.Path).Select(v => v.Path)
            .Concat(others.Where(m => m.Document!.Meta.Number == number && m.Document.Meta.Language == language).Select(m => m.Path))
            .FirstOrDefault();
        if (takenBy is not null)
        {
            diagnostics.Add(Diagnostic.Error(Codes.NumberTaken, $"{series.Id} number {number} is already taken by {takenBy}", At("number"),
                $"publish with '--number next' to take the next free number ({registry.NextFree(others.Select(m => m.Document!.Meta.Number!.Value))})"));
        }
        if (series.IsbnRequired && string.IsNullOrWhiteSpace(meta.Isbn))
        {
            diagnostics.Add(Diagnostic.Error(Codes.MissingIsbn, $"series '{series.Id}' requires an ISBN and this manuscript has none", At("series"),
                "add 'isbn: \"978-…\"' to the front matter before publishing"));
        }
        if (diagnostics.Any(x => x.Severity == Severity.Error))
        {
            return Refuse();
        }

        var edition = request.Edition ?? meta.Edition;
        var date = request.Date
            ?? (meta.Date is { } md ? string.Create(CultureInfo.InvariantCulture, $"{md.Year:0000}-{md.Month:00}-{md.Day:00}") : null)
            ?? world.Now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var stamped = FrontMatterStamp.Apply(document.Source, [
            ("number", number.ToString(CultureInfo.InvariantCulture)),
            ("edition", edition.ToString(CultureInfo.InvariantCulture)),
            ("date", date),
            ("status", "final")]);
        if (stamped is null)
        {
            diagnostics.Add(Diagnostic.Error(Codes.InvalidPublishRequest, "the front matter cannot be edited: it does not start and end with '---' lines", At("series")));
            return Refuse();
        }

        // Build strictly, in memory, from the stamped text.
        var stampedBytes = new UTF8Encoding(false).GetBytes(stamped.Text);
        var capture = new CapturingWorld(world, manuscript.Path, stampedBytes);
        var build = PubCompiler.Build(capture, new BuildOptions { Paths = [manuscript.Path], Manifest = false });
        if (build.HasErrors || build.HasWarnings)
        {
            // Refused, so the manuscript stays as it is on disk: its diagnostics must point there.
            diagnostics.AddRange(build.Diagnostics.Select(stamped.ToOriginal));
            return Refuse(usage: build.ConfigurationFailed);
        }
        diagnostics.AddRange(build.Diagnostics);

        var output = ProjectPath.Normalize(workspace.Config.Output);
        var assets = output + "/assets/";
        var files = capture.Written
            .Where(f => !f.Key.StartsWith(assets, StringComparison.Ordinal))
            .Select(f => new RegistryFile(f.Key[(output.Length + 1)..], FileDigest.Of(f.Value).Sha256))
            .ToList();
        var recorded = registry.Find(number)?.Versions.FirstOrDefault(v => v.Language == language)?.Editions.FirstOrDefault(e => e.Edition == edition);
        if (recorded is not null && ChangedFiles(recorded, files) is { Count: > 0 } changed)
        {
            diagnostics.Add(Diagnostic.Error(Codes.PublishedEditionChanged,
                $"{series.Id} number {number} ({language}) edition {edition} is already published and its content has changed: {string.Join(", ", changed)} differs",
                At("edition"), $"publish a new edition with '--edition {edition + 1}'"));
            return Refuse();
        }

        var updated = registry.Record(number, meta.Title, language, manuscript.Path,
            new RegistryEdition(edition, date, meta.Isbn is { } isbn ? isbn.Trim() : null, "final", files));
        var registryBytes = Encoding.UTF8.GetBytes(SeriesRegistryFile.Write(updated));

        var (site, configurationFailed) = BuildSite(world, (manuscript.Path, stampedBytes), (registry.Path, registryBytes), stamped, diagnostics);
        if (site is null)
        {
            return Refuse(usage: configurationFailed);
        }
        EnsureSameEditions(site, capture, files.Select(f => output + "/" + f.Name));
        var result = Commit(world, site, output, (manuscript.Path, stampedBytes), (registry.Path, registryBytes), diagnostics, number);
        // Positions point into the stamped text; if writing stopped before the manuscript was stamped on disk,
        // they must point into the file as it still is.
        return stampedBytes.AsSpan().SequenceEqual(world.ReadBytes(manuscript.Path)) ? result : result with { Diagnostics = [.. result.Diagnostics.Select(stamped.ToOriginal)] };
    }

    /// <summary>The command line's number, date and edition are well formed; the number, unless 'next' or
    /// absent, comes out parsed.</summary>
    private static bool IsWellFormed(PublishRequest request, List<Diagnostic> diagnostics, out int? requestedNumber)
    {
        requestedNumber = null;
        if (request.Number is { } n && n != "next")
        {
            if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                diagnostics.Add(Usage($"--number '{n}' is not a positive whole number or 'next'"));
                return false;
            }
            requestedNumber = parsed;
        }
        if (request.Date is { } d && !IsoDate.TryParse(d, out _))
        {
            diagnostics.Add(Usage($"--date '{d}' is not a date; write YYYY-MM-DD"));
            return false;
        }
        if (request.Edition is < 1)
        {
            diagnostics.Add(Usage("--edition must be a positive whole number"));
            return false;
        }
        return true;
    }

    /// <summary>The names of the files that differ between a recorded edition and the same edition built now.</summary>
    private static List<string> ChangedFiles(RegistryEdition recorded, IReadOnlyList<RegistryFile> files) =>
        [.. files.Where(f => !recorded.Files.Contains(f)).Select(f => f.Name)
            .Concat(recorded.Files.Where(f => files.All(x => x.Name != f.Name)).Select(f => f.Name))];

    /// <summary>
    /// The output folder as a full build of the published state makes it: every edition, the index page and
    /// feed that now list this number, the manifest, and none of the draft's files. Built in memory, so that
    /// an error anywhere (the site cannot be complete) still changes nothing; null then.
    /// </summary>
    private static (CapturingWorld? Site, bool ConfigurationFailed) BuildSite(IWorld world, (string Path, byte[] Content) manuscript,
        (string Path, byte[] Content) registry, StampedManuscript stamped, List<Diagnostic> diagnostics)
    {
        var site = new CapturingWorld(world, new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [manuscript.Path] = manuscript.Content,
            [registry.Path] = registry.Content,
        });
        var full = PubCompiler.Build(site, new BuildOptions { Incremental = true });
        // This manuscript's own diagnostics were reported by the strict build; of the others' only what needs
        // attention, as the informations of every paper in the series would bury the result.
        var reported = diagnostics.Select(Identity).ToHashSet();
        var found = full.Diagnostics.Where(d => d.Severity != Severity.Info && !reported.Contains(Identity(d))).ToList();
        if (full.HasErrors)
        {
            diagnostics.AddRange(found.Select(stamped.ToOriginal));
            return (null, full.ConfigurationFailed);
        }
        diagnostics.AddRange(found);
        return (site, false);
    }

    /// <summary>
    /// Carries out what the build of the published state captured, in the order that keeps an interruption
    /// harmless: the editions and the rest of the site, then the deletions, the manifest and pub's build cache,
    /// then the stamped manuscript, and the registry last. A file whose content is already on disk is not
    /// rewritten (the build wrote only what changed; the manuscript and registry are compared here).
    /// </summary>
    private static PublishResult Commit(IWorld world, CapturingWorld site, string output, (string Path, byte[] Content) manuscript,
        (string Path, byte[] Content) registry, List<Diagnostic> diagnostics, int number)
    {
        var written = new List<string>();
        var removed = new List<string>();
        PublishResult Done() => new(diagnostics, written, false, number) { Published = !diagnostics.Any(d => d.Severity == Severity.Error), Removed = removed };
        bool Write(string path, byte[] content)
        {
            if (world.ReadBytes(path) is { } existing && existing.AsSpan().SequenceEqual(content))
            {
                return true;
            }
            if (world.WriteAtomic(path, content) is { } error)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, Codes.WriteFailed.Id, $"cannot write {path}: {error}", Path: path));
                return false;
            }
            written.Add(path);
            return true;
        }
        var manifestPath = OutputManifest.PathIn(output);
        bool InOutput(string path) => path.StartsWith(output + "/", StringComparison.Ordinal);
        foreach (var (path, content) in site.Written.Where(f => InOutput(f.Key) && f.Key != manifestPath))
        {
            if (!Write(path, content))
            {
                return Done();
            }
        }
        foreach (var path in site.Deleted.Where(InOutput))
        {
            var wasFile = world.FileExists(path);
            if (world.Delete(path) is { } error)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, Codes.WriteFailed.Id, $"cannot delete {path}: {error}", Path: path));
                return Done();
            }
            if (wasFile)
            {
                removed.Add(path);
            }
        }
        if (site.Written.TryGetValue(manifestPath, out var manifestContent) && !Write(manifestPath, manifestContent))
        {
            return Done();
        }
        foreach (var (path, content) in site.Written.Where(f => f.Key.StartsWith(Incremental.BuildCache.Folder + "/", StringComparison.Ordinal)))
        {
            // A cache entry that cannot be written only makes the next build slower.
            _ = world.WriteAtomic(path, content);
        }
        if (Write(manuscript.Path, manuscript.Content))
        {
            Write(registry.Path, registry.Content);
        }
        return Done();
    }

    /// <summary>The registry records the editions as the strict build of this manuscript made them; the build of
    /// the whole site made them again and must have made the same bytes, or the registry would not describe the
    /// files published.</summary>
    private static void EnsureSameEditions(CapturingWorld site, CapturingWorld strict, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            if (!(site.ReadBytes(file) ?? []).AsSpan().SequenceEqual(strict.ReadBytes(file)))
            {
                throw new InvalidOperationException($"the build of the whole site made {file} differently from the build of its manuscript");
            }
        }
    }

    /// <summary>What makes two reports of the same problem the same, for the two builds of a publish.</summary>
    private static (Severity, string, string, string?, int) Identity(Diagnostic d) => (d.Severity, d.Code, d.Message, d.FilePath, d.Span?.Start ?? -1);


    private static Diagnostic Usage(string message) => new(Severity.Error, Codes.InvalidPublishRequest.Id, message);
}
