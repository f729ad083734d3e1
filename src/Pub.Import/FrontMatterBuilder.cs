using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pub.Import;

/// <summary>
/// Collects the front matter while the body is written: the Title, Subtitle, Author and Abstract paragraphs
/// (Word's and Pandoc's style names), or else the first heading as title and the paragraphs under a heading
/// "Abstract" or "Summary" before the first other heading, a "By …" line under the title and a "Keywords: …"
/// line before the text; then the document properties fill in the authors
/// and keywords the text does not give.
/// </summary>
internal sealed partial class FrontMatterBuilder
{
    private string? _title;
    private string? _subtitle;
    private readonly List<string> _authors = [];
    private readonly List<string> _abstract = [];
    private readonly List<string> _keywords = [];
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
                _authors.AddRange(Names(headingText));
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
                if (!_seenBody && KeywordLine().Match(headingText) is { Success: true } keywords && _keywords.Count == 0)
                {
                    _keywords.AddRange(keywords.Groups[1].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => k.TrimEnd('.')));
                    return true;
                }
                if (_inAbstract)
                {
                    _abstract.Add(markdown);
                    return true;
                }
                if (!_seenBody && _title is not null && ByLine().Match(headingText) is { Success: true } by && _authors.Count == 0)
                {
                    _authors.AddRange(Names(by.Groups[1].Value));
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
        var keywords = _keywords.Count > 0 ? _keywords : (properties?.Keywords ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var title = _title ?? (string.IsNullOrWhiteSpace(properties?.Title) ? null : properties.Title.Trim());
        var language = styles.Language
            ?? main.Document?.Body?.Descendants<Languages>().Select(l => l.Val?.Value).FirstOrDefault(v => v is not null);
        return new ImportedFrontMatter(title, _subtitle, authors, Primary(language), keywords, _abstract.Count == 0 ? null : string.Join("\n\n", _abstract));
    }

    private static IEnumerable<string> Names(string line) =>
        line.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(a => a.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // "By Mira Kovač and Jan Novak" under the title; "Keywords: debt bondage; recruitment" before the text.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*By\s+(\p{Lu}.{1,200})$")]
    private static partial System.Text.RegularExpressions.Regex ByLine();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:Keywords|Key words)\s*:\s*(.+)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex KeywordLine();

    /// <summary>The language without its region ("en-GB" → "en"): the series names its languages so.</summary>
    private static string? Primary(string? tag) =>
        string.IsNullOrWhiteSpace(tag) ? null : tag.Split('-')[0].ToLowerInvariant();
}
