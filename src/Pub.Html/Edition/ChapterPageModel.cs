using System.Globalization;
using Pub.Html.Fragments;
using Pub.Model;
using Scriban.Runtime;

namespace Pub.Html.Edition;

/// <summary>
/// The variables of one contribution's page in a handbook: <c>page</c> (the contribution, with the
/// handbook's date, identifiers and rights), <c>book</c> (the handbook it belongs to), <c>nav</c> (the
/// contents page and the previous and next contributions), <c>edition</c> and <c>labels</c>. The same
/// invariant as <see cref="PageModel"/>: every string is escaped HTML.
/// </summary>
internal static class ChapterPageModel
{
    /// <param name="bookEntries">The handbook's bibliography entries on its contents page, by citation key.</param>
    public static ScriptObject Build(Document book, int index, HtmlPageContext context, IReadOnlyDictionary<string, string> bookEntries)
    {
        var chapter = book.Chapters[index];
        var number = index + 1;
        var meta = InheritFromBook(chapter.Meta, book.Meta);
        var labels = HtmlLabels.For(meta.Language);
        var writer = new HtmlFragmentWriter(new HtmlFragmentOptions
        {
            Labels = labels,
            ImageUrl = context.ImageUrl,
            Ids = HtmlIdSet.ForPage(),
            ExternalEntries = bookEntries,
        });
        var abstractHtml = writer.WriteBlocks(meta.Abstract);
        var body = writer.WriteBody(chapter.Blocks, chapter.Notes);
        var notes = writer.WriteNotes(chapter.Notes);

        var description = PageModel.Truncate(HtmlText.Plain(meta.Abstract), 300);
        var pageContext = context with { PageFileName = context.ChapterFileName(number), BookFileName = context.PageFileName };
        var page = PageModel.Common(meta, labels, pageContext, description);
        page["number"] = number;
        page["document_title"] = PageModel.Text(ScholarlyMetadata.FullTitle(meta) + " | " + ScholarlyMetadata.FullTitle(book.Meta));
        page["abstract"] = abstractHtml;
        page["toc"] = TableOfContents.Write(writer.Headings, context.TocDepth);
        page["body"] = body;
        page["notes"] = notes;
        page["metadata"] = ScholarlyMetadata.WriteChapter(chapter with { Meta = meta }, book, pageContext, description);
        page["json_ld"] = JsonLd.WriteChapter(chapter with { Meta = meta }, book, number, pageContext, description);
        // A contribution is cited as a chapter in the handbook, with the pages the PDF edition gives it.
        page["cite"] = index < context.ChapterCitations.Count
            ? PageModel.Cite(context with { SuggestedCitation = context.ChapterCitations[index].Text, CitationDownloads = context.ChapterCitations[index].Downloads }, labels, writer)
            : null;
        page["translations"] = new ScriptArray();
        page["edition_statement"] = null;

        var bookObject = new ScriptObject
        {
            ["title"] = PageModel.Text(book.Meta.Title),
            ["subtitle"] = PageModel.Text(book.Meta.Subtitle),
            ["href"] = PageModel.Text(context.PageFileName),
            ["editors"] = PageModel.People(book.Meta.Editors),
            ["lang"] = string.Equals(book.Meta.Language, meta.Language, StringComparison.Ordinal) ? null : PageModel.Text(book.Meta.Language),
        };
        var nav = new ScriptObject
        {
            ["contents"] = PageModel.Text(context.PageFileName),
            ["previous"] = index > 0 ? Link(book, index - 1, context) : null,
            ["next"] = index + 1 < book.Chapters.Count ? Link(book, index + 1, context) : null,
        };
        return new ScriptObject
        {
            ["page"] = page,
            ["book"] = bookObject,
            ["nav"] = nav,
            ["edition"] = PageModel.Edition(context, meta.Language, labels),
            ["labels"] = PageModel.Labels(labels),
        };
    }

    /// <summary>A contribution has no date, identifiers or rights of its own: it is published in the book.</summary>
    internal static Metadata InheritFromBook(Metadata chapter, Metadata book) => chapter with
    {
        Series = book.Series,
        Number = book.Number,
        Edition = book.Edition,
        Date = book.Date,
        Isbn = book.Isbn,
        Doi = book.Doi,
        Licence = chapter.Licence ?? book.Licence,
        Copyright = chapter.Copyright ?? book.Copyright,
        Disclaimer = chapter.Disclaimer ?? book.Disclaimer,
        Status = book.Status,
        Kind = ManuscriptKind.Chapter,
        Translations = [],
        EarlierEditions = [],
        FirstPublished = null,
    };

    private static ScriptObject Link(Document book, int index, HtmlPageContext context) => new()
    {
        ["href"] = HtmlText.Escape(context.ChapterFileName(index + 1)),
        ["title"] = HtmlText.Escape(book.Chapters[index].Meta.Title),
        ["number"] = (index + 1).ToString(CultureInfo.InvariantCulture),
    };
}
