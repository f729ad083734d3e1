using System.Globalization;
using System.Text;
using Pub.Citations;
using Pub.Citations.Writers;
using Pub.Html.Edition;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// How an edition is cited: the same entry that <c>@op-1</c> cites in a manuscript (a report in the series,
/// or a book for a handbook), rendered as a bibliography entry in the manuscript's style, and written as
/// BibTeX, RIS and CSL-JSON files beside the page for reference managers.
/// </summary>
internal static class EditionCitation
{
    public static (IReadOnlyList<Inline> Suggested, IReadOnlyList<CitationDownload> Downloads, IReadOnlyList<(string File, byte[] Content)> Files)
        For(Manuscript manuscript, Metadata meta, string baseName, CitationLoader citations)
    {
        // A numbered edition is cited as the series cites it (op-3-en); a draft by its own name, so that two
        // drafts never share a key in a reference manager.
        var key = EditionKey(manuscript, meta);
        var reference = citations.SeriesReference(key, manuscript with { Document = manuscript.Document! with { Meta = meta } });
        return Render(reference, manuscript, meta.Language, baseName, citations);
    }

    /// <summary>How one chapter of a handbook is cited: as a chapter in the volume (its authors, the volume's
    /// editors, title, series, publisher and year), with its pages in the PDF edition when they are known, in the
    /// volume's style; its files are named after the chapter's page (<c>hb-001-en-ed1-ch2.bib</c>).</summary>
    public static (IReadOnlyList<Inline> Suggested, IReadOnlyList<CitationDownload> Downloads, IReadOnlyList<(string File, byte[] Content)> Files)
        ForChapter(Manuscript manuscript, Metadata meta, int index, string baseName, (string First, string Last)? pages, CitationLoader citations)
    {
        var number = (index + 1).ToString(CultureInfo.InvariantCulture);
        var key = EditionKey(manuscript, meta) + "-ch" + number;
        var reference = citations.ChapterReference(key, manuscript with { Document = manuscript.Document! with { Meta = meta } }, index, pages);
        return Render(reference, manuscript, meta.Language, baseName + "-ch" + number, citations);
    }

    /// <summary>Only the text of a chapter's citation, for the PDF: its files are written from the HTML side.</summary>
    public static IReadOnlyList<Inline> ChapterText(Manuscript manuscript, Metadata meta, int index, (string First, string Last) pages, CitationLoader citations)
    {
        var key = EditionKey(manuscript, meta) + "-ch" + (index + 1).ToString(CultureInfo.InvariantCulture);
        var reference = citations.ChapterReference(key, manuscript with { Document = manuscript.Document! with { Meta = meta } }, index, pages);
        return Suggested(reference, manuscript, meta.Language, citations);
    }

    private static string EditionKey(Manuscript manuscript, Metadata meta) =>
        meta.Series + "-" + (meta.Number?.ToString(CultureInfo.InvariantCulture) ?? "draft-" + manuscript.Series!.DraftName(ProjectPath.FileName(manuscript.Folder)))
        + "-" + meta.Language;

    private static (IReadOnlyList<Inline> Suggested, IReadOnlyList<CitationDownload> Downloads, IReadOnlyList<(string File, byte[] Content)> Files)
        Render(Reference reference, Manuscript manuscript, string language, string stem, CitationLoader citations)
    {
        var suggested = Suggested(reference, manuscript, language, citations);
        var files = new List<(string, byte[])>
        {
            (stem + ".bib", Encoding.UTF8.GetBytes(BibTeXWriter.Write(reference))),
            (stem + ".ris", Encoding.UTF8.GetBytes(RisWriter.Write(reference))),
            (stem + ".json", Encoding.UTF8.GetBytes(CslJsonWriter.Write([reference]))),
        };
        CitationDownload[] downloads =
        [
            new("BibTeX", stem + ".bib", "application/x-bibtex"),
            new("RIS", stem + ".ris", "application/x-research-info-systems"),
            new("CSL-JSON", stem + ".json", "application/vnd.citationstyles.csl+json"),
        ];
        return (suggested, downloads, files);
    }

    /// <summary>The reference as the manuscript's style prints it in a bibliography; empty without a style.</summary>
    private static IReadOnlyList<Inline> Suggested(Reference reference, Manuscript manuscript, string language, CitationLoader citations)
    {
        if (citations.StyleOf(manuscript.Document!) is not { } style)
        {
            return [];
        }
        return citations.Standalone(style, reference, language) ?? [];
    }
}
