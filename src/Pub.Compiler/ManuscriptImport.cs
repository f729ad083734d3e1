using System.Text;
using Pub.Citations;
using Pub.Citations.Readers;
using Pub.Citations.Writers;
using Pub.Import;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>What <c>pub import</c> was asked to do. <see cref="Document"/> and <see cref="Out"/> are
/// project-relative, or absolute when outside the project.</summary>
public sealed record ImportRequest(string Document, string Series, string? Title, string? Language, string? Out, bool AcceptChanges, bool RejectChanges);

/// <summary>The outcome: the manuscript written (null when nothing was), the report to print, and the problems.</summary>
public sealed record ImportOutcome(string? Manuscript, string? Report, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// <c>pub import</c>: a Word document becomes a new manuscript folder, found as <c>pub new paper</c> finds one
/// (series id and the first words of the title), or the folder <c>--out</c> names. The document's citations
/// are linked to the series' shared bibliography; the works it lacks go to the manuscript's own
/// references.yaml. Nothing is written unless the whole document was read, and an existing folder is never
/// written into: figures and the bibliography first, paper.md last, each file atomically.
/// </summary>
internal static class ManuscriptImport
{
    public const string AddedBibliography = "references.yaml";

    public static ImportOutcome Run(IWorld world, ImportRequest request)
    {
        var found = new List<Diagnostic>();
        if (request is { AcceptChanges: true, RejectChanges: true })
        {
            found.Add(Diagnostic.Error(Codes.InvalidImportRequest, "--accept-changes and --reject-changes contradict each other; give one"));
            return new ImportOutcome(null, null, found);
        }
        if (request.Out is { } outside && (Path.IsPathRooted(outside) || ProjectPath.EscapesRoot(ProjectPath.Normalize(outside))))
        {
            found.Add(Diagnostic.Error(Codes.InvalidImportRequest, $"--out '{outside}' is outside the project; a manuscript lives below the project folder"));
            return new ImportOutcome(null, null, found);
        }
        if (ManuscriptScaffold.FindSeries(world, request.Series, found) is not (not null, { } series))
        {
            return new ImportOutcome(null, null, found);
        }
        if (world.ReadBytes(request.Document) is not { } docx)
        {
            var why = world.IsOutside(request.Document) ? "it lies outside the project by a link" : "it does not exist or cannot be read";
            found.Add(Diagnostic.Error(Codes.UnreadableWordDocument, $"cannot read {request.Document}: {why}") with { Path = request.Document });
            return new ImportOutcome(null, null, found);
        }
        var shared = SharedReferences(world);
        var linker = new CitationLinker(shared ?? [], SeriesKeys(world));
        var changes = request.AcceptChanges ? TrackedChanges.Accept : request.RejectChanges ? TrackedChanges.Reject : TrackedChanges.Refuse;
        var (result, failure) = WordImport.Read(docx, request.Document, changes, linker);
        found.AddRange(failure?.Diagnostics ?? []);
        if (result is null)
        {
            return new ImportOutcome(null, null, found);
        }
        var title = request.Title ?? result.FrontMatter.Title;
        var folder = request.Out is { } chosen ? ProjectPath.Normalize(chosen) : ManuscriptScaffold.FolderFor(world, series, title ?? Path.GetFileNameWithoutExtension(request.Document)).Folder;
        if (world.DirectoryExists(folder) || world.FileExists(folder) || world.FileExists(folder + "/" + Workspace.ManuscriptFileName))
        {
            found.Add(Diagnostic.Error(Codes.ImportTargetExists, $"{folder} exists already; pub import never writes into an existing folder", null,
                "name a new folder with --out, or move the existing one away") with { Path = folder });
            return new ImportOutcome(null, null, found);
        }
        var bibliographies = new List<string>();
        if (shared is not null)
        {
            bibliographies.Add(Relative(folder, ManuscriptScaffold.SharedBibliography));
        }
        if (result.AddedReferences.Count > 0)
        {
            bibliographies.Add(AddedBibliography);
        }
        var files = new List<(string Path, byte[] Content)>();
        files.AddRange(result.Figures.Select(f => (folder + "/" + f.Path, f.Content)));
        if (result.AddedReferences.Count > 0)
        {
            files.Add((folder + "/" + AddedBibliography, Encoding.UTF8.GetBytes(CslYamlWriter.Write(result.AddedReferences,
                "Works cited in the imported document that the series' bibliography lacks, as the reference manager described them.\nCheck each entry; move it to the series' bibliography when other papers cite it."))));
        }
        var manuscript = folder + "/" + Workspace.ManuscriptFileName;
        files.Add((manuscript, Encoding.UTF8.GetBytes(ManuscriptText.Compose(result, series.Id, request.Title, request.Language, bibliographies))));
        foreach (var (path, content) in files)
        {
            if (world.WriteAtomic(path, content) is { } error)
            {
                found.Add(EditionBuilder.WriteFailed(path, error));
                return new ImportOutcome(null, null, found);
            }
        }
        return new ImportOutcome(manuscript, ManuscriptText.Report(result, folder), found);
    }

    /// <summary>The series' shared bibliography, when the project has one that reads.</summary>
    private static IReadOnlyList<Reference>? SharedReferences(IWorld world)
    {
        if (world.ReadBytes(ManuscriptScaffold.SharedBibliography) is not { } bytes || TextDecoding.Decode(bytes, out _) is not { } text)
        {
            return null;
        }
        return BibliographyFile.Read(new SourceText(ManuscriptScaffold.SharedBibliography, text)).References;
    }

    /// <summary>The keys the series gives its own numbered papers ("op-1", "op-1-en"), which a document written
    /// from a manuscript may cite as text.</summary>
    private static IEnumerable<string> SeriesKeys(IWorld world) =>
        Workspace.Load(world).AllManuscripts
            .Select(m => m.Document?.Meta)
            .Where(meta => meta is { Number: not null, Series: not null })
            .SelectMany(meta => new[] { $"{meta!.Series}-{meta.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}", $"{meta.Series}-{meta.Number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{meta.Language}" })
            .ToList();

    /// <summary>A project path as seen from a folder ("papers/references.yaml" from "papers/op-x" is "../references.yaml").</summary>
    private static string Relative(string folder, string path)
    {
        var from = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var to = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }
        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
    }
}
