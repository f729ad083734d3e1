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
        var key = meta.Series + "-" + (meta.Number?.ToString(CultureInfo.InvariantCulture) ?? "draft-" + manuscript.Series!.DraftName(ProjectPath.FileName(manuscript.Folder)))
            + "-" + meta.Language;
        var reference = citations.SeriesReference(key, manuscript with { Document = manuscript.Document! with { Meta = meta } });

        IReadOnlyList<Inline> suggested = [];
        if (citations.StyleOf(manuscript.Document!) is { } style)
        {
            var result = CslProcessor.Create(style, citations.Locales, [reference], meta.Language)
                .Process([], new ProcessOptions { Register = [reference.Id] });
            if (result.Bibliography is { Entries.Count: > 0 } bibliography)
            {
                suggested = bibliography.Entries[0].Text.ToInlines();
            }
        }
        var files = new List<(string, byte[])>
        {
            (baseName + ".bib", Encoding.UTF8.GetBytes(BibTeXWriter.Write(reference))),
            (baseName + ".ris", Encoding.UTF8.GetBytes(RisWriter.Write(reference))),
            (baseName + ".json", Encoding.UTF8.GetBytes(CslJsonWriter.Write([reference]))),
        };
        CitationDownload[] downloads =
        [
            new("BibTeX", baseName + ".bib", "application/x-bibtex"),
            new("RIS", baseName + ".ris", "application/x-research-info-systems"),
            new("CSL-JSON", baseName + ".json", "application/vnd.citationstyles.csl+json"),
        ];
        return (suggested, downloads, files);
    }
}
