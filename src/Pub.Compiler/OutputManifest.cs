using System.Security.Cryptography;
using System.Text.Json;
using Pub.Compiler.Publishing;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// <c>manifest.json</c> in the output folder: every file pub made there, with its size and SHA-256, in
/// ordinal order. Every build that writes keeps it up to date, and so does <c>pub publish</c>.
/// </summary>
/// <remarks>
/// The manifest is also how pub knows which files of the output folder are its own. A complete build (every
/// manuscript, every format, no error) deletes the files the previous manifest lists that it no longer makes
/// (a draft's editions once the paper is published under its number, a renamed folder's editions), so the
/// output folder is what a build into an empty folder would make. It never deletes a file it did not list
/// (anything put there by hand), nor a file a series registry records as published (an earlier edition that
/// the pages still link); those it lists when present. A build that is not complete deletes nothing and keeps
/// listing the files of the previous manifest that are still there (a build of some manuscripts adds the
/// files it made).
/// </remarks>
internal static class OutputManifest
{
    public const string FileName = "manifest.json";

    /// <summary>The manifest in a build's results, beside "(assets)" and "(site)".</summary>
    public const string Unit = "(manifest)";

    // Manifests written before pub knew which files were its own listed everything in the folder; one without
    // this version is never used to delete anything.
    private const int Version = 2;

    /// <summary>Deletes what a complete build no longer makes and returns the new manifest, for the caller to
    /// write. <paramref name="made"/> holds every file this build made or found up to date.</summary>
    public static byte[] Update(IWorld world, ProjectConfig config, string output, IReadOnlySet<string> made, bool complete,
        List<string> removed, List<Diagnostic> diagnostics)
    {
        var manifest = PathIn(output);
        var previous = Listed(world, output).Where(world.FileExists).ToList();
        var published = PublishedFiles(world, config, output).Where(world.FileExists);
        var kept = new SortedSet<string>(made.Where(world.FileExists), StringComparer.Ordinal);
        kept.UnionWith(published);
        if (complete)
        {
            foreach (var stale in previous.Where(p => !kept.Contains(p)))
            {
                if (world.Delete(stale) is { } error)
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, Codes.WriteFailed.Id, $"cannot delete {stale}: {error}", Path: stale));
                    kept.Add(stale);
                    continue;
                }
                removed.Add(stale);
                RemoveEmptyFolders(world, output, stale);
            }
        }
        else
        {
            kept.UnionWith(previous);
        }
        kept.Remove(manifest);
        return Serialize(world, output, kept);
    }

    public static string PathIn(string output) => Combine(output, FileName);

    /// <summary>The files a manifest of this version lists, as paths; none for a missing, foreign or older one.</summary>
    public static IReadOnlyList<string> Listed(IWorld world, string output)
    {
        if (world.ReadBytes(Combine(output, FileName)) is not { } bytes)
        {
            return [];
        }
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("manifest-version", out var version)
                || version.ValueKind != JsonValueKind.Number || version.GetInt32() != Version
                || !root.TryGetProperty("artifacts", out var artifacts) || artifacts.ValueKind != JsonValueKind.Array)
            {
                return [];
            }
            var paths = new List<string>();
            foreach (var artifact in artifacts.EnumerateArray())
            {
                // A path that climbs out of the output folder was not written by pub; it is ignored.
                if (artifact.ValueKind == JsonValueKind.Object && artifact.TryGetProperty("path", out var path) && path.GetString() is { Length: > 0 } relative
                    && !ProjectPath.EscapesRoot(ProjectPath.Normalize(relative)) && ProjectPath.Normalize(relative) == relative)
                {
                    paths.Add(Combine(output, relative));
                }
            }
            return paths;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    /// <summary>Every file a series registry records for a published edition, in the output folder.</summary>
    private static IEnumerable<string> PublishedFiles(IWorld world, ProjectConfig config, string output) =>
        config.Series
            .Select(series => SeriesRegistryFile.Read(world, series.Id).Registry)
            .OfType<SeriesRegistry>()
            .SelectMany(r => r.Numbers)
            .SelectMany(n => n.Versions)
            .SelectMany(v => v.Editions)
            .SelectMany(e => e.Files)
            .Select(f => Combine(output, f.Name));

    /// <summary>Deleting a figure can leave its folder empty; such folders go too, up to the output folder.</summary>
    private static void RemoveEmptyFolders(IWorld world, string output, string deleted)
    {
        var root = output.TrimEnd('/') + "/";
        for (var folder = ProjectPath.Folder(deleted); folder.StartsWith(root, StringComparison.Ordinal); folder = ProjectPath.Folder(folder))
        {
            if (world.ListFiles(folder).Count > 0 || world.Delete(folder) is not null)
            {
                return;
            }
        }
    }

    private static byte[] Serialize(IWorld world, string output, IEnumerable<string> files)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("generator", "pub " + PubVersion.Text);
            json.WriteNumber("manifest-version", Version);
            json.WriteStartArray("artifacts");
            foreach (var path in files)
            {
                var digest = world.Digest(path) ?? FileDigest.Of([]);
                json.WriteStartObject();
                json.WriteString("path", path[(output.TrimEnd('/').Length + 1)..]);
                json.WriteNumber("size", digest.Size);
                json.WriteString("sha256", digest.Sha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static string Combine(string folder, string file) => folder.EndsWith('/') ? folder + file : folder + "/" + file;
}
