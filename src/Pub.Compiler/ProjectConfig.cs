using Pub.Syntax;

namespace Pub.Compiler;

public sealed record Publisher(string Name, string? Place, string? Logo);

/// <summary>One series from pub.yaml: how its numbers read and how its files are named.</summary>
public sealed record SeriesConfig(
    string Id,
    string Title,
    string? ShortTitle,
    string? Issn,
    string NumberFormat,
    string FilePattern,
    bool IsbnRequired)
{
    /// <summary>"Occasional Paper No. 3"; null for a manuscript without a number yet.</summary>
    public string? NumberLabel(int? number) =>
        number is null ? null : FilePatterns.Expand(NumberFormat, number, "", 1, null);

    /// <summary>The output file name without extension, e.g. "op-003-en-ed1". A manuscript without a
    /// number is named after its folder: "op-draft-my-paper-en-ed1".</summary>
    public string FileName(int? number, string language, int edition, string folderName) =>
        FilePatterns.Expand(FilePattern, number, language, edition, DraftName(folderName));

    /// <summary>What a manuscript without a number is called in its file names and citation key: its folder's
    /// name as a slug, without a leading series id, so that folder "op-debt-bondage" gives
    /// "op-draft-debt-bondage-en-ed1" rather than naming the series twice.</summary>
    public string DraftName(string folderName)
    {
        var slug = FilePatterns.Slug(folderName);
        var prefix = FilePatterns.Slug(Id) + "-";
        return slug.Length > prefix.Length && slug.StartsWith(prefix, StringComparison.Ordinal) ? slug[prefix.Length..] : slug.Length == 0 ? "untitled" : slug;
    }
}

/// <summary>The validated contents of pub.yaml.</summary>
public sealed record ProjectConfig(
    Publisher Publisher,
    IReadOnlyList<SeriesConfig> Series,
    string Language,
    string Templates,
    string Output,
    string? CitationStyle,
    IReadOnlyList<string> Fonts,
    string? Locales,
    IReadOnlyList<string> Styles)
{
    /// <summary>Where pub.yaml's <c>citation-style</c> value stands, for a diagnostic when no style answers to it.</summary>
    public SourceSpan? CitationStyleSpan { get; init; }

    /// <summary>Where the site is published ("https://example.org/papers/", always ending in '/'); null when
    /// pub.yaml does not say, and then pages link each other relatively and claim no canonical URL.</summary>
    public string? BaseUrl { get; init; }

    public SeriesConfig? FindSeries(string? id) => Series.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}
