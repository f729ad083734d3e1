using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pub.Syntax;

namespace Pub.Compiler.Publishing;

/// <summary><c>pub publish</c>'s request. <see cref="Number"/> is null (the manuscript's own number, or the
/// next free one), "next", or a number.</summary>
public sealed record PublishRequest(string Path, string? Number, int? Edition, string? Date);

public sealed record PublishResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Written, bool UsageError, int? Number);

/// <summary>
/// Publishes one manuscript. The order is what makes it safe: every check and the whole build happen in
/// memory first, so a refusal changes nothing; then the editions and the manifest are written, then the
/// stamped manuscript, and the registry last. A publish interrupted while writing outputs leaves the
/// manuscript and the registry as they were; one interrupted between the last two leaves a stamped
/// manuscript whose number the registry does not know yet. Either way, running the same publish again
/// completes it (identical content under a recorded edition is not a change).
/// </summary>
public static class Publisher
{
    public const string ManifestName = "manifest.json";

    public static PublishResult Publish(IWorld world, PublishRequest request, TimeSpan? lockWait = null)
    {
        var diagnostics = new List<Diagnostic>();
        PublishResult Refuse(bool usage = false) => new(diagnostics, [], usage, null);

        int? requestedNumber = null;
        if (request.Number is { } n && n != "next")
        {
            if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                diagnostics.Add(Usage($"--number '{n}' is not a positive whole number or 'next'"));
                return Refuse(usage: true);
            }
            requestedNumber = parsed;
        }
        if (request.Date is { } d && !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            diagnostics.Add(Usage($"--date '{d}' is not a date; write YYYY-MM-DD"));
            return Refuse(usage: true);
        }
        if (request.Edition is < 1)
        {
            diagnostics.Add(Usage("--edition must be a positive whole number"));
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
        var build = PubCompiler.Build(capture, new BuildOptions { Paths = [manuscript.Path] });
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
            .Select(f => new RegistryFile(f.Key[(output.Length + 1)..], Sha256(f.Value)))
            .ToList();
        var recorded = registry.Find(number)?.Versions.FirstOrDefault(v => v.Language == language)?.Editions.FirstOrDefault(e => e.Edition == edition);
        if (recorded is not null)
        {
            var changed = files.Where(f => !recorded.Files.Contains(f)).Select(f => f.Name)
                .Concat(recorded.Files.Where(f => files.All(x => x.Name != f.Name)).Select(f => f.Name)).ToList();
            if (changed.Count > 0)
            {
                diagnostics.Add(Diagnostic.Error(Codes.PublishedEditionChanged,
                    $"{series.Id} number {number} ({language}) edition {edition} is already published and its content has changed: {string.Join(", ", changed)} differs",
                    At("edition"), $"publish a new edition with '--edition {edition + 1}'"));
                return Refuse();
            }
        }

        // Everything is checked: write, the registry last.
        var written = new List<string>();
        bool Write(string path, byte[] content)
        {
            if (world.WriteAtomic(path, content) is { } error)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, Codes.WriteFailed.Id, $"cannot write {path}: {error}", Path: path));
                return false;
            }
            written.Add(path);
            return true;
        }
        foreach (var (path, content) in capture.Written)
        {
            if (!Write(path, content))
            {
                return new PublishResult(diagnostics, written, false, number);
            }
        }
        if (!Write(output + "/" + ManifestName, Manifest(world, output)))
        {
            return new PublishResult(diagnostics, written, false, number);
        }
        if (!stampedBytes.AsSpan().SequenceEqual(world.ReadBytes(manuscript.Path)) && !Write(manuscript.Path, stampedBytes))
        {
            return new PublishResult(diagnostics, written, false, number);
        }
        var updated = registry.Record(number, meta.Title, language, manuscript.Path,
            new RegistryEdition(edition, date, meta.Isbn is { } isbn ? isbn.Trim() : null, "final", files));
        Write(registry.Path, Encoding.UTF8.GetBytes(SeriesRegistryFile.Write(updated)));
        return new PublishResult(diagnostics, written, false, number);
    }

    /// <summary>Every file of the output folder but the manifest itself, in ordinal order, with its size and SHA-256.</summary>
    private static byte[] Manifest(IWorld world, string output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("generator", "pub " + PubVersion.Text);
            json.WriteStartArray("artifacts");
            foreach (var path in world.ListFiles(output).Where(p => p != output + "/" + ManifestName))
            {
                var bytes = world.ReadBytes(path) ?? [];
                json.WriteStartObject();
                json.WriteString("path", path[(output.Length + 1)..]);
                json.WriteNumber("size", bytes.Length);
                json.WriteString("sha256", Sha256(bytes));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Diagnostic Usage(string message) => new(Severity.Error, Codes.InvalidPublishRequest.Id, message);
}
