using System.Text;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary><c>pub new paper</c>: a new manuscript folder from templates/new/paper.md. The folder is named
/// after the series and the title; an existing folder is never touched.</summary>
internal static class ManuscriptScaffold
{
    public const string TemplatePath = "new/paper.md";

    /// <summary>The series' shared bibliography; a new paper uses it when it exists.</summary>
    public const string SharedBibliography = "papers/references.yaml";

    public static (string? Created, IReadOnlyList<Diagnostic> Diagnostics) Create(IWorld world, string seriesId, string title, string? language)
    {
        var (config, diagnostics) = ConfigReader.Read(world);
        var found = new List<Diagnostic>(diagnostics);
        if (config is null)
        {
            return (null, found);
        }
        var series = config.FindSeries(seriesId);
        if (series is null)
        {
            var guess = Suggestions.Closest(seriesId, config.Series.Select(s => s.Id));
            found.Add(new Diagnostic(Severity.Error, Codes.UnknownSeries.Id, $"series '{seriesId}' is not defined in pub.yaml", Path: ConfigReader.FileName,
                Hints: [guess is null ? $"defined series: {string.Join(", ", config.Series.Select(s => s.Id))}" : $"did you mean '{guess}'?"]));
            return (null, found);
        }
        var slug = FilePatterns.Slug(title);
        var folder = $"{Workspace.PapersFolder}/{series.Id}-{(slug.Length == 0 ? "untitled" : slug)}";
        var path = folder + "/" + Workspace.ManuscriptFileName;
        if (world.DirectoryExists(folder) || world.FileExists(path))
        {
            found.Add(new Diagnostic(Severity.Error, Codes.ManuscriptExists.Id, $"{folder} already exists; nothing was changed", Path: folder,
                Hints: ["choose another title, or edit the existing manuscript"]));
            return (null, found);
        }
        var templateBytes = world.ReadBytes(ProjectPath.Combine(config.Templates, TemplatePath));
        if (templateBytes is null)
        {
            found.Add(new Diagnostic(Severity.Error, Codes.MissingTemplate.Id, $"template {config.Templates}/{TemplatePath} does not exist", Path: $"{config.Templates}/{TemplatePath}"));
            return (null, found);
        }
        var text = (TextDecoding.Decode(templateBytes, out _) ?? "")
            .Replace("{{series}}", series.Id, StringComparison.Ordinal)
            .Replace("{{title}}", YamlQuote(title), StringComparison.Ordinal)
            .Replace("{{language}}", language ?? config.Language, StringComparison.Ordinal)
            .Replace("{{bibliography}}\n", world.FileExists(SharedBibliography) ? "bibliography: ../references.yaml\n" : "", StringComparison.Ordinal);
        if (world.WriteAtomic(path, Encoding.UTF8.GetBytes(text)) is { } error)
        {
            found.Add(new Diagnostic(Severity.Error, Codes.WriteFailed.Id, $"cannot write {path}: {error}", Path: path));
            return (null, found);
        }
        return (path, found);
    }

    private static string YamlQuote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
