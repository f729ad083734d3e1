using System.Globalization;
using Pub.Html.Fragments;
using Pub.Model;
using Scriban.Runtime;

namespace Pub.Html.Edition;

/// <summary>
/// The variables a page shell sees: <c>page</c> (the document), <c>edition</c> (the context) and
/// <c>labels</c> (words in the document's language). Invariant: every string in them is ready-to-insert
/// HTML, safe both as element content and inside a quoted attribute; templates never escape. Optional
/// values are present as null, so a strict template can test them with <c>if</c>.
/// </summary>
internal static class PageModel
{
    public static ScriptObject Build(Document document, HtmlPageContext context)
    {
        var meta = document.Meta;
        var labels = HtmlLabels.For(meta.Language);
        var ids = HtmlIdSet.ForPage();
        var writer = new HtmlFragmentWriter(new HtmlFragmentOptions { Labels = labels, ImageUrl = context.ImageUrl, Ids = ids });

        var abstractHtml = writer.WriteBlocks(meta.Abstract);
        var body = writer.WriteBody(document.Blocks, document.Notes);
        var notes = writer.WriteNotes(document.Notes);
        var headings = new List<HtmlHeading>(writer.Headings);

        var chapters = new ScriptArray();
        var chapterIds = new List<string>();
        for (var i = 0; i < document.Chapters.Count; i++)
        {
            var chapter = BuildChapter(document.Chapters[i], i + 1, meta.Language, context, ids, headings, out var chapterId);
            chapters.Add(chapter);
            chapterIds.Add(chapterId);
        }

        var description = Truncate(HtmlText.Plain(meta.Abstract), 300);
        var page = new ScriptObject
        {
            ["lang"] = Text(meta.Language),
            ["title"] = Text(meta.Title),
            ["subtitle"] = Text(meta.Subtitle),
            ["short_title"] = Text(meta.ShortTitle),
            ["description"] = Text(description.Length > 0 ? description : null),
            ["keywords"] = Array(meta.Keywords.Select(k => (object?)HtmlText.Escape(k))),
            ["authors"] = People(meta.Authors),
            ["editors"] = People(meta.Editors),
            ["date"] = meta.Date is { } d ? HtmlText.Escape(labels.FormatDate(d)) : null,
            ["date_iso"] = meta.Date?.Iso,
            ["citation_date"] = meta.Date is { } c ? c.Iso.Replace('-', '/') : null,
            ["year"] = meta.Date?.Year,
            ["number"] = meta.Number,
            ["edition"] = meta.Edition,
            ["is_handbook"] = meta.Kind == ManuscriptKind.Handbook,
            ["abstract"] = abstractHtml,
            ["toc"] = TableOfContents.Write(headings, context.TocDepth),
            ["body"] = body,
            ["notes"] = notes,
            ["chapters"] = chapters,
            ["licence"] = Text(meta.Licence),
            ["copyright"] = Text(meta.Copyright),
            ["disclaimer"] = Text(meta.Disclaimer),
            ["isbn"] = Text(meta.Isbn),
            ["doi"] = Text(meta.Doi),
            ["doi_url"] = meta.Doi is { Length: > 0 } doi ? HtmlText.Escape("https://doi.org/" + doi) : null,
            ["metadata"] = ScholarlyMetadata.Write(document, context, description),
            ["json_ld"] = JsonLd.Write(document, context, description, chapterIds),
        };

        var edition = new ScriptObject
        {
            ["series"] = Text(context.SeriesTitle),
            ["number_label"] = Text(context.NumberLabel),
            ["publisher"] = Text(context.PublisherName),
            // The lang attribute for the series title and publisher when they are not in the page's language.
            ["names_lang"] = context.SeriesLanguage is { Length: > 0 } names && !string.Equals(names, meta.Language, StringComparison.OrdinalIgnoreCase)
                ? HtmlText.Escape(names)
                : null,
            ["publisher_place"] = Text(context.PublisherPlace),
            ["pdf"] = context.PdfFileName is { Length: > 0 } pdf && HtmlText.IsSafeUrl(pdf) ? HtmlText.Escape(pdf) : null,
            ["generator"] = Text(context.Generator),
            ["draft"] = context.Draft,
            ["draft_stamp"] = HtmlText.Escape(context.DraftStamp ?? labels.Draft),
        };

        var globals = new ScriptObject
        {
            ["page"] = page,
            ["edition"] = edition,
            ["labels"] = Labels(labels),
        };
        return globals;
    }

    private static ScriptObject BuildChapter(Document chapter, int index, string bookLanguage, HtmlPageContext context, HtmlIdSet ids, List<HtmlHeading> headings, out string id)
    {
        var meta = chapter.Meta;
        var n = index.ToString(CultureInfo.InvariantCulture);
        var labels = HtmlLabels.For(meta.Language);
        id = ids.Claim("chapter-" + n);
        var writer = new HtmlFragmentWriter(new HtmlFragmentOptions
        {
            Labels = labels,
            ImageUrl = context.ImageUrl,
            Ids = ids,
            HeadingOffset = 2,
            NoteIdPrefix = "ch" + n + "-",
        });
        var abstractHtml = writer.WriteBlocks(meta.Abstract);
        var body = writer.WriteBody(chapter.Blocks, chapter.Notes);
        var notes = writer.WriteNotes(chapter.Notes, headingId: "ch" + n + "-footnotes-title", headingLevel: 3, ownerTitleId: id + "-title");

        // In the book's contents a chapter sits one level above its own sections.
        headings.Add(new HtmlHeading(id, 1, null, writer.WriteLinkText([new Text(meta.Title)]), Listed: true));
        headings.AddRange(writer.Headings.Select(h => h with { Level = h.Level + 1 }));

        return new ScriptObject
        {
            ["id"] = HtmlText.Escape(id),
            ["number"] = index,
            ["lang"] = string.Equals(meta.Language, bookLanguage, StringComparison.Ordinal) ? null : Text(meta.Language),
            ["title"] = Text(meta.Title),
            ["subtitle"] = Text(meta.Subtitle),
            ["authors"] = People(meta.Authors),
            ["abstract"] = abstractHtml,
            ["body"] = body,
            ["notes"] = notes,
        };
    }

    private static ScriptObject Labels(HtmlLabels labels) => new()
    {
        ["contents"] = Text(labels.Contents),
        ["abstract"] = Text(labels.Abstract),
        ["keywords"] = Text(labels.Keywords),
        ["notes"] = Text(labels.Notes),
        ["skip_to_content"] = Text(labels.SkipToContent),
        ["download_pdf"] = Text(labels.DownloadPdf),
        ["authors"] = Text(labels.Authors),
        ["editors"] = Text(labels.Editors),
        ["edition"] = Text(labels.Edition),
        ["published"] = Text(labels.Published),
        ["draft"] = Text(labels.Draft),
    };

    private static ScriptArray People(IReadOnlyList<Person> people) =>
        Array(people.Select(p => (object?)new ScriptObject
        {
            ["name"] = Text(p.Name),
            ["affiliation"] = Text(p.Affiliation),
            ["orcid"] = Text(p.Orcid),
            ["orcid_url"] = p.Orcid is { Length: > 0 } orcid ? HtmlText.Escape(JsonLd.OrcidUrl(orcid)) : null,
            ["email"] = Text(p.Email),
        }));

    private static ScriptArray Array(IEnumerable<object?> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }
        return array;
    }

    private static string? Text(string? value) => value is { Length: > 0 } ? HtmlText.Escape(value) : null;

    /// <summary>Cuts at a word boundary and marks the cut, for meta descriptions.</summary>
    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
