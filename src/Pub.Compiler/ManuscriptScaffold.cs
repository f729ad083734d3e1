using System.Text;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary><c>pub new paper</c>: a new manuscript folder from templates/new/paper.md. The folder is named
/// after the series and the first words of the title; an existing folder is never touched.</summary>
internal static class ManuscriptScaffold
{
    public const string TemplatePath = "new/paper.md";

    /// <summary>The series' shared bibliography; a new paper uses it when it exists.</summary>
    public const string SharedBibliography = "papers/references.yaml";

    public static (string? Created, IReadOnlyList<Diagnostic> Diagnostics) Create(IWorld world, string seriesId, string title, string? language)
    {
        var found = new List<Diagnostic>();
        if (FindSeries(world, seriesId, found) is not ({ } config, { } series))
        {
            return (null, found);
        }
        var (folder, existing) = FolderFor(world, series, title);
        var path = folder + "/" + Workspace.ManuscriptFileName;
        if (existing)
        {
            found.Add(new Diagnostic(Severity.Error, Codes.ManuscriptExists.Id, $"{folder} already holds a manuscript with this title; nothing was changed", Path: folder,
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
            .Replace("{{title}}", YamlText.Quote(title), StringComparison.Ordinal)
            .Replace("{{language}}", language ?? config.Language, StringComparison.Ordinal)
            .Replace("{{bibliography}}\n", world.FileExists(SharedBibliography) ? "bibliography: ../references.yaml\n" : "", StringComparison.Ordinal);
        if (world.WriteAtomic(path, Encoding.UTF8.GetBytes(text)) is { } error)
        {
            found.Add(EditionBuilder.WriteFailed(path, error));
            return (null, found);
        }
        return (path, found);
    }

    /// <summary>The project's configuration and the series a command line names; nulls, with the reason in
    /// <paramref name="found"/>, when pub.yaml cannot be read or defines no such series.</summary>
    public static (ProjectConfig? Config, SeriesConfig? Series) FindSeries(IWorld world, string seriesId, List<Diagnostic> found)
    {
        var (config, diagnostics) = ConfigReader.Read(world);
        found.AddRange(diagnostics);
        if (config is null)
        {
            return (null, null);
        }
        var series = config.FindSeries(seriesId);
        if (series is null)
        {
            var guess = Suggestions.Closest(seriesId, config.Series.Select(s => s.Id));
            // A mistake on the command line, not in pub.yaml: no file position to blame.
            found.Add(new Diagnostic(Severity.Error, Codes.UnknownSeries.Id, $"--series '{seriesId}': pub.yaml defines no such series",
                Hints: [guess is null ? $"defined series: {string.Join(", ", config.Series.Select(s => s.Id))}" : $"did you mean '{guess}'?"]));
            return (config, null);
        }
        return (config, series);
    }

    /// <summary>
    /// The folder for a new manuscript: the series id and the first few significant words of the title
    /// ("Debt Bondage and Recruitment Fees: …" → papers/op-debt-bondage-recruitment), short enough for the
    /// file names made from it ("op-draft-debt-bondage-recruitment-en-ed1"). When that name is taken, by a
    /// folder or by another manuscript whose draft files would be named the same, "-2", "-3" … is added;
    /// <c>Existing</c> is true when the folder holds a manuscript with the very same title (run twice).
    /// </summary>
    public static (string Folder, bool Existing) FolderFor(IWorld world, SeriesConfig series, string title)
    {
        var words = ShortSlug(title);
        var taken = world.ListFiles(Workspace.PapersFolder)
            .Select(f => f[(Workspace.PapersFolder.Length + 1)..])
            .Where(f => f.Contains('/', StringComparison.Ordinal))
            .Select(f => series.DraftName(f[..f.IndexOf('/', StringComparison.Ordinal)]))
            .ToHashSet(StringComparer.Ordinal);
        var quotedTitle = "title: " + YamlText.Quote(title);
        for (var attempt = 1; ; attempt++)
        {
            var name = attempt == 1 ? words : words + "-" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var folder = $"{Workspace.PapersFolder}/{series.Id}-{name}";
            if (world.ReadBytes(folder + "/" + Workspace.ManuscriptFileName) is { } bytes
                && (TextDecoding.Decode(bytes, out _) ?? "").Split('\n').Any(l => l.TrimEnd('\r') == quotedTitle))
            {
                return (folder, true);
            }
            if (!taken.Contains(name) && !world.DirectoryExists(folder))
            {
                return (folder, false);
            }
        }
    }

    // Words that carry no meaning in a folder name, in the languages of the series.
    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "from", "with", "by", "at", "as", "into", "its", "their", "is", "are", "vs", "via",
        "de", "la", "le", "les", "des", "du", "et", "en", "der", "die", "das", "und", "von", "zu", "im", "fur", "el", "los", "las", "y",
    };

    private const int MaxWords = 3;
    private const int MaxLength = 32;

    /// <summary>The first three significant words of a title as a slug, at most 32 characters; "untitled"
    /// when the title has no letters a slug keeps.</summary>
    internal static string ShortSlug(string title)
    {
        var words = FilePatterns.Slug(title).Split('-', StringSplitOptions.RemoveEmptyEntries);
        var significant = words.Where(w => !MinorWords.Contains(w)).ToList();
        var result = "";
        foreach (var word in (significant.Count > 0 ? significant : [.. words]).Take(MaxWords))
        {
            var next = result.Length == 0 ? word : result + "-" + word;
            if (next.Length > MaxLength)
            {
                if (result.Length == 0)
                {
                    result = word[..MaxLength];
                }
                break;
            }
            result = next;
        }
        return result.Length == 0 ? "untitled" : result;
    }

}
