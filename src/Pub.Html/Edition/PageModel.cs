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
/// A handbook's page is its contents page: its own front matter and introduction, and a table of contents
/// that links each contribution's own page (<see cref="ChapterPageModel"/>).
/// </summary>
internal static class PageModel
{
    public static ScriptObject Build(Document document, HtmlPageContext context) => Build(document, context, out _);

    /// <param name="entryUrls">The bibliography entries written on the page, by citation key, as URLs relative
    /// to the output folder, for the pages of a handbook's contributions to link to.</param>
    public static ScriptObject Build(Document document, HtmlPageContext context, out IReadOnlyDictionary<string, string> entryUrls)
    {
        var meta = document.Meta;
        var labels = HtmlLabels.For(meta.Language);
        var ids = HtmlIdSet.ForPage();
        var writer = new HtmlFragmentWriter(new HtmlFragmentOptions { Labels = labels, ImageUrl = context.ImageUrl, Ids = ids });

        var abstractHtml = writer.WriteBlocks(meta.Abstract);
        var body = writer.WriteBody(document.Blocks, document.Notes);
        var notes = writer.WriteNotes(document.Notes);
        var headings = new List<HtmlHeading>(writer.Headings);
        var pageFile = context.PageFileName ?? "";
        entryUrls = writer.EntryIds.ToDictionary(e => e.Key, e => pageFile + "#" + e.Value, StringComparer.Ordinal);

        // The contributions come after the introduction and before the handbook's own references.
        var insertAt = headings.FindIndex(h => h.Id is "references" or "refs" or "bibliography");
        insertAt = insertAt < 0 ? headings.Count : insertAt;
        var chapterUrls = new List<string>();
        var inserted = 0;
        for (var i = 0; i < document.Chapters.Count; i++)
        {
            // A part is listed before its first chapter, linking to it; its chapters are listed under it.
            var partIndex = meta.Parts.ToList().FindIndex(p => p.FirstChapter == i && p.ChapterCount > 0);
            if (partIndex >= 0)
            {
                var partNumber = (partIndex + 1).ToString(CultureInfo.InvariantCulture);
                headings.Insert(insertAt + inserted++, new HtmlHeading("part-" + partNumber, 1, null,
                    writer.WriteLinkText([new Text(Terms.For(meta.Language).Part + " " + Numerals.Roman(partIndex + 1).ToUpperInvariant() + ": " + meta.Parts[partIndex].Title)]), Listed: true)
                {
                    Href = context.ChapterFileName(i + 1),
                });
            }
            var level = meta.Parts.Any(p => p.Holds(i)) ? 2 : 1;
            var chapter = document.Chapters[i].Meta;
            var file = context.ChapterFileName(i + 1);
            chapterUrls.Add(ScholarlyMetadata.Absolute(context, file));
            var authors = chapter.Authors.Count == 0 ? null
                : "<span class=\"toc-authors\">" + HtmlText.Escape(string.Join(", ", chapter.Authors.Select(a => a.Name))) + "</span>";
            headings.Insert(insertAt + inserted++, new HtmlHeading("chapter-" + (i + 1).ToString(CultureInfo.InvariantCulture), level, (i + 1).ToString(CultureInfo.InvariantCulture),
                writer.WriteLinkText([new Text(chapter.Title)]), Listed: true)
            {
                Href = file,
                DetailHtml = authors,
            });
        }

        var description = Truncate(HtmlText.Plain(meta.Abstract), 300);
        var page = Common(meta, labels, context, description);
        page["document_title"] = Text(ScholarlyMetadata.FullTitle(meta) + (context.SeriesTitle is { Length: > 0 } series ? " | " + series : ""));
        page["abstract"] = abstractHtml;
        page["toc"] = TableOfContents.Write(headings, context.TocDepth);
        page["body"] = body;
        page["notes"] = notes;
        page["metadata"] = ScholarlyMetadata.Write(document, context, description);
        page["json_ld"] = JsonLd.Write(document, context, description, chapterUrls);
        page["cite"] = Cite(context, labels, writer);

        return new ScriptObject
        {
            ["page"] = page,
            ["edition"] = Edition(context, meta.Language, labels),
            ["labels"] = Labels(labels),
        };
    }

    /// <summary>What every edition page has, whether a paper, a handbook's contents or a contribution.</summary>
    internal static ScriptObject Common(Metadata meta, HtmlLabels labels, HtmlPageContext context, string description)
    {
        var translations = meta.Translations
            .Where(t => HtmlText.IsSafeUrl(t.HtmlFile))
            .Select(t => (object?)new ScriptObject
            {
                ["lang"] = HtmlText.Escape(t.Language),
                ["name"] = HtmlText.Escape(HtmlLabels.LanguageName(t.Language)),
                ["title"] = Text(t.Title),
                ["href"] = HtmlText.Escape(t.HtmlFile),
                ["url"] = HtmlText.Escape(ScholarlyMetadata.Absolute(context, t.HtmlFile)),
            });
        return new ScriptObject
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
            ["licence"] = Text(meta.Licence),
            ["copyright"] = Text(meta.Copyright),
            ["disclaimer"] = Text(meta.Disclaimer),
            ["isbn"] = Text(meta.Isbn),
            ["doi"] = Text(meta.Doi),
            ["doi_url"] = meta.Doi is { Length: > 0 } doi ? HtmlText.Escape("https://doi.org/" + doi) : null,
            ["canonical"] = context.BaseUrl is { Length: > 0 } && context.PageFileName is { Length: > 0 } file
                ? HtmlText.Escape(ScholarlyMetadata.Absolute(context, file))
                : null,
            ["translations"] = Array(translations),
            ["edition_statement"] = EditionStatement(meta, labels),
            ["cite"] = null,
        };
    }

    /// <summary>For a second or later edition: which edition this is, when the work was first published,
    /// and links to the earlier editions still in the output folder.</summary>
    private static ScriptObject? EditionStatement(Metadata meta, HtmlLabels labels)
    {
        if (meta.Edition < 2)
        {
            return null;
        }
        var first = meta.FirstPublished ?? meta.EarlierEditions.Select(e => e.Date).FirstOrDefault(d => d is not null);
        var earlier = meta.EarlierEditions.Select(e => (object?)new ScriptObject
        {
            ["label"] = HtmlText.Escape(labels.EditionLabel(e.Edition)),
            ["date"] = e.Date is { } date ? HtmlText.Escape(labels.FormatDate(date)) : null,
            ["date_iso"] = e.Date?.Iso,
            ["html"] = e.HtmlFile.Length > 0 && HtmlText.IsSafeUrl(e.HtmlFile) ? HtmlText.Escape(e.HtmlFile) : null,
            ["pdf"] = e.PdfFile.Length > 0 && HtmlText.IsSafeUrl(e.PdfFile) ? HtmlText.Escape(e.PdfFile) : null,
        });
        return new ScriptObject
        {
            ["label"] = HtmlText.Escape(labels.EditionLabel(meta.Edition)),
            ["first_published"] = first is { } f ? HtmlText.Escape(labels.FormatDate(f)) : null,
            ["first_published_iso"] = first?.Iso,
            ["earlier"] = Array(earlier),
        };
    }

    internal static ScriptObject? Cite(HtmlPageContext context, HtmlLabels labels, HtmlFragmentWriter writer)
    {
        if (context.SuggestedCitation.Count == 0 && context.CitationDownloads.Count == 0)
        {
            return null;
        }
        return new ScriptObject
        {
            ["text"] = context.SuggestedCitation.Count > 0 ? writer.WriteInlines(context.SuggestedCitation) : null,
            ["downloads"] = Array(context.CitationDownloads
                .Where(d => HtmlText.IsSafeUrl(d.FileName))
                .Select(d => (object?)new ScriptObject
                {
                    ["label"] = HtmlText.Escape(d.Label),
                    ["href"] = HtmlText.Escape(d.FileName),
                    ["type"] = HtmlText.Escape(d.MediaType),
                })),
        };
    }

    internal static ScriptObject Edition(HtmlPageContext context, string language, HtmlLabels labels) => new()
    {
        ["series"] = Text(context.SeriesTitle),
        ["number_label"] = Text(context.NumberLabel),
        ["publisher"] = Text(context.PublisherName),
        // The lang attribute for the series title and publisher when they are not in the page's language.
        ["names_lang"] = context.SeriesLanguage is { Length: > 0 } names && !string.Equals(names, language, StringComparison.OrdinalIgnoreCase)
            ? HtmlText.Escape(names)
            : null,
        ["publisher_place"] = Text(context.PublisherPlace),
        ["pdf"] = context.PdfFileName is { Length: > 0 } pdf && HtmlText.IsSafeUrl(pdf) ? HtmlText.Escape(pdf) : null,
        ["generator"] = Text(context.Generator),
        ["draft"] = context.Draft,
        ["draft_stamp"] = HtmlText.Escape(context.DraftStamp ?? labels.Draft),
    };

    internal static ScriptObject Labels(HtmlLabels labels) => new()
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
        ["cite_this"] = Text(labels.CiteThis),
        ["cite_downloads"] = Text(labels.CiteDownloads),
        ["first_published"] = Text(labels.FirstPublished),
        ["earlier_editions"] = Text(labels.EarlierEditions),
        ["other_languages"] = Text(labels.OtherLanguages),
        ["previous"] = Text(labels.Previous),
        ["next"] = Text(labels.Next),
        ["chapter_navigation"] = Text(labels.ChapterNavigation),
        ["chapter_navigation_end"] = Text(labels.ChapterNavigationEnd),
        ["part_of"] = Text(labels.PartOf),
        ["publications"] = Text(labels.Publications),
        ["all_publications"] = Text(labels.AllPublications),
        ["feed"] = Text(labels.Feed),
        ["not_found"] = Text(labels.NotFound),
        ["not_found_text"] = Text(labels.NotFoundText),
    };

    internal static ScriptArray People(IReadOnlyList<Person> people) =>
        Array(people.Select(p => (object?)new ScriptObject
        {
            ["name"] = Text(p.Name),
            ["affiliation"] = Text(p.Affiliation),
            ["orcid"] = Text(p.Orcid),
            ["orcid_url"] = p.Orcid is { Length: > 0 } orcid ? HtmlText.Escape(JsonLd.OrcidUrl(orcid)) : null,
            ["email"] = Text(p.Email),
        }));

    internal static ScriptArray Array(IEnumerable<object?> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }
        return array;
    }

    internal static string? Text(string? value) => value is { Length: > 0 } ? HtmlText.Escape(value) : null;

    /// <summary>Cuts at a word boundary and marks the cut, for meta descriptions.</summary>
    internal static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
