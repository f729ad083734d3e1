namespace Pub.Model;

/// <summary>
/// The page range of a handbook's chapter in its PDF edition is known only once the PDF is laid out, but the
/// chapter's "Cite this chapter" block, rendered by the citation style before layout, must print it. The style
/// therefore renders the range from two placeholder numbers, chosen so that no page-range format shortens them
/// (they differ in their first digit), and layout puts the chapter's real first and last page in their place.
/// </summary>
public static class ChapterPages
{
    public const string FirstPlaceholder = "100001";

    public const string LastPlaceholder = "900009";

    /// <summary>The citation with the placeholders replaced by the chapter's pages: the range form, or for a chapter
    /// of one page the single-page form (a style labels them differently: "pp. 5–9", "p. 5").</summary>
    public static IReadOnlyList<Inline> Fill(ChapterCitationForms citation, string first, string last) => first == last
        ? new PageFiller(first, last).Inlines(citation.SinglePage)
        : new PageFiller(first, last).Inlines(citation.Range);

    private sealed class PageFiller(string first, string last) : Rewriter
    {
        protected override Inline RewriteInline(Inline inline) => inline is Text text
            ? text with { Value = text.Value.Replace(FirstPlaceholder, first, StringComparison.Ordinal).Replace(LastPlaceholder, last, StringComparison.Ordinal) }
            : inline;
    }
}

/// <summary>A chapter's citation rendered twice, with the placeholder range and with the first placeholder alone.</summary>
public sealed record ChapterCitationForms(IReadOnlyList<Inline> Range, IReadOnlyList<Inline> SinglePage);
