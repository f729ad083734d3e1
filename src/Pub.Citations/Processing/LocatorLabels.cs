// A locator can carry its own label: "vol. 1, fol. 186" cited without a label (or as a page) names a
// volume, and printing "p." before it would be wrong. When a locator opens with the short form of a
// locator term of the output locale, ending in a period and followed by a space, that term becomes
// the label and the rest the locator, so "vol. 1" prints as the style sets a volume (citeproc-js reads
// such locators too; locator_TrickyEntryForPlurals of the CSL test suite).
namespace Pub.Citations;

internal static class LocatorLabels
{
    /// <summary>The locator types of CSL 1.0.2.</summary>
    private static readonly string[] Types =
    [
        "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation",
        "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene",
        "section", "sub-verbo", "supplement", "table", "timestamp", "title-locator", "verse", "volume",
    ];

    /// <summary>The locator and its label as the cite prints them; an explicit label other than "page"
    /// is kept as given.</summary>
    public static (string? Locator, string? Label) Read(string? locator, string? label, ResolvedLocale locale)
    {
        if (locator is null)
        {
            return (null, null);
        }
        if (label is not (null or "page"))
        {
            return (locator, label);
        }
        foreach (var type in Types)
        {
            foreach (var plural in new[] { false, true })
            {
                var term = locale.Term(type, TermForm.Short, plural);
                if (term is { Length: > 1 } && term.EndsWith('.')
                    && locator.Length > term.Length + 1 && locator.StartsWith(term, StringComparison.Ordinal) && char.IsWhiteSpace(locator[term.Length]))
                {
                    return (locator[term.Length..].TrimStart(), type);
                }
            }
        }
        return (locator, label ?? "page");
    }
}
