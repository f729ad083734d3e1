using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pub.Import;

/// <summary>
/// Collects the front matter while the body is written: the Title, Subtitle, Author and Abstract paragraphs
/// (Word's and Pandoc's style names), or else the first heading as title and the paragraphs under a heading
/// "Abstract" or "Summary" before the first other heading; then the document properties fill in the authors
/// and keywords the text does not give.
/// </summary>
internal sealed class FrontMatterBuilder
{
    private string? _title;
    private string? _subtitle;
    private readonly List<string> _authors = [];
    private readonly List<string> _abstract = [];
    private bool _inAbstract;
    private bool _seenBody;

    /// <summary>True when the paragraph went into the front matter and is not part of the body.</summary>
    public bool Take(ParagraphRole role, string markdown, bool firstBlock, string headingText)
    {
        switch (role)
        {
            case ParagraphRole.Title when _title is null:
                _title = headingText;
                return true;
            case ParagraphRole.Subtitle when _subtitle is null:
                _subtitle = headingText;
                return true;
            case ParagraphRole.Author:
                _authors.AddRange(headingText.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .SelectMany(a => a.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                return true;
            case ParagraphRole.Abstract:
                _abstract.Add(markdown);
                return true;
            case ParagraphRole.Date:
                return true;
            case ParagraphRole.Heading:
                _inAbstract = false;
                if (_title is null && firstBlock && !_seenBody)
                {
                    _title = headingText;
                    return true;
                }
                if (_abstract.Count == 0 && !_seenBody && headingText.Trim().ToLowerInvariant() is "abstract" or "summary")
                {
                    _inAbstract = true;
                    return true;
                }
                _seenBody = true;
                return false;
            default:
                if (_inAbstract)
                {
                    _abstract.Add(markdown);
                    return true;
                }
                _seenBody = true;
                return false;
        }
    }

    public ImportedFrontMatter Build(MainDocumentPart main, WordStyles styles)
    {
        var properties = (main.OpenXmlPackage as WordprocessingDocument)?.PackageProperties;
        var authors = _authors.Count > 0 ? _authors
            : (properties?.Creator ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var keywords = (properties?.Keywords ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var title = _title ?? (string.IsNullOrWhiteSpace(properties?.Title) ? null : properties.Title.Trim());
        var language = styles.Language
            ?? main.Document?.Body?.Descendants<Languages>().Select(l => l.Val?.Value).FirstOrDefault(v => v is not null);
        return new ImportedFrontMatter(title, _subtitle, authors, Primary(language), keywords, _abstract.Count == 0 ? null : string.Join("\n\n", _abstract));
    }

    /// <summary>The language without its region ("en-GB" → "en"): the series names its languages so.</summary>
    private static string? Primary(string? tag) =>
        string.IsNullOrWhiteSpace(tag) ? null : tag.Split('-')[0].ToLowerInvariant();
}
