namespace Pub.Html.Fragments;

/// <summary>How one document's fragments are written. A page with several documents (a handbook and
/// its chapters) shares one <see cref="HtmlIdSet"/> between their writers.</summary>
public sealed record HtmlFragmentOptions
{
    public HtmlLabels Labels { get; init; } = HtmlLabels.English;

    /// <summary>Maps a figure's project-relative <c>ResolvedPath</c> to the URL the page uses.</summary>
    public Func<string, string> ImageUrl { get; init; } = path => path;

    /// <summary>Added to a manuscript heading's level: 1 on a paper page, where the title is the h1;
    /// 2 in a handbook chapter, whose title is an h2. Levels beyond 6 stay h6.</summary>
    public int HeadingOffset { get; init; } = 1;

    /// <summary>Put before footnote ids so that chapters on one page do not share them ("ch2-").</summary>
    public string NoteIdPrefix { get; init; } = "";

    public HtmlIdSet Ids { get; init; } = HtmlIdSet.ForPage();

    /// <summary>Bibliography entries on another page, by citation key, as the URL to link ("hb-001-en-ed1.html#ref-x"):
    /// a handbook contribution's citations link to the handbook's references on its contents page.</summary>
    public IReadOnlyDictionary<string, string> ExternalEntries { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A heading as written, for the table of contents.</summary>
/// <param name="ContentHtml">The heading text without footnote references or links, safe inside an &lt;a&gt;.</param>
public sealed record HtmlHeading(string Id, int Level, string? Number, string ContentHtml, bool Listed)
{
    /// <summary>Where the entry links when it is not an anchor of this page (a handbook's contribution page).</summary>
    public string? Href { get; init; }

    /// <summary>HTML after the link in the table of contents (a contribution's authors).</summary>
    public string? DetailHtml { get; init; }
}
