using System.Globalization;
using Pub.Html.Edition;
using Pub.Html.Fragments;
using Pub.Model;
using Scriban.Runtime;

namespace Pub.Html.Site;

/// <summary>
/// The site's own pages around the editions: the index (every series, its works by number, every edition
/// and language with its date, PDF size and links) and the 404 page. The data is prepared here, escaped;
/// the Scriban templates in templates/html (index.html, 404.html and their shared site partials) only
/// place it.
/// </summary>
public static class SiteWriter
{
    public const string IndexFile = "index.html";
    public const string NotFoundFile = "404.html";
    public const string FeedFile = "feed.xml";

    public static HtmlEditionResult Index(SiteCatalogue catalogue, SiteContext context, ITemplateSource templates) =>
        ShellRenderer.Render(templates, context.IndexTemplate, Globals(catalogue, context, relative: true));

    /// <summary>The 404 page is served for a missing address anywhere in the site, so its links are absolute
    /// when the site's address is known (and then work at any depth), else relative to the site's root.</summary>
    public static HtmlEditionResult NotFound(SiteCatalogue catalogue, SiteContext context, ITemplateSource templates) =>
        ShellRenderer.Render(templates, context.NotFoundTemplate, Globals(catalogue, context, relative: false));

    private static ScriptObject Globals(SiteCatalogue catalogue, SiteContext context, bool relative)
    {
        var labels = HtmlLabels.For(context.Language);
        string Url(string file) => relative || context.BaseUrl is null ? file : context.BaseUrl + file;
        var series = PageModelArray(catalogue.Series.Select(s => (object?)new ScriptObject
        {
            ["id"] = HtmlText.Escape(s.Id),
            ["title"] = HtmlText.Escape(s.Title),
            ["issn"] = s.Issn is { Length: > 0 } issn ? HtmlText.Escape(issn) : null,
            ["works"] = PageModelArray(s.Works.Select(w => (object?)Work(w, labels, Url))),
        }));
        var site = new ScriptObject
        {
            ["lang"] = HtmlText.Escape(context.Language),
            ["title"] = HtmlText.Escape(labels.Publications),
            ["publisher"] = HtmlText.Escape(context.PublisherName),
            ["publisher_place"] = context.PublisherPlace is { Length: > 0 } place ? HtmlText.Escape(place) : null,
            ["generator"] = HtmlText.Escape(context.Generator),
            ["stylesheet"] = HtmlText.Escape(Url("assets/pub.css")),
            ["index"] = HtmlText.Escape(Url(IndexFile)),
            ["feed"] = HtmlText.Escape(Url(FeedFile)),
            ["canonical"] = context.BaseUrl is { } baseUrl ? HtmlText.Escape(baseUrl) : null,
            ["year"] = catalogue.Newest?.Year,
        };
        var labelObject = PageModel.Labels(labels);
        labelObject["edition"] = HtmlText.Escape(labels.Edition);
        return new ScriptObject
        {
            ["site"] = site,
            ["series"] = series,
            ["labels"] = labelObject,
        };
    }

    private static ScriptObject Work(SiteWork work, HtmlLabels labels, Func<string, string> url)
    {
        var editions = work.Editions.Select(e => (object?)new ScriptObject
        {
            ["edition"] = HtmlText.Escape(labels.EditionLabel(e.Edition)),
            ["lang"] = HtmlText.Escape(e.Language),
            ["language"] = HtmlText.Escape(HtmlLabels.LanguageName(e.Language)),
            ["title"] = HtmlText.Escape(e.Title),
            ["subtitle"] = e.Subtitle is { Length: > 0 } subtitle ? HtmlText.Escape(subtitle) : null,
            ["authors"] = e.Authors.Count > 0 ? HtmlText.Escape(string.Join(", ", e.Authors)) : null,
            ["date"] = e.Date is { } date ? HtmlText.Escape(HtmlLabels.For(e.Language).FormatDate(date)) : null,
            ["date_iso"] = e.Date?.Iso,
            ["html"] = e.HtmlFile is { Length: > 0 } html && HtmlText.IsSafeUrl(html) ? HtmlText.Escape(url(html)) : null,
            ["pdf"] = e.PdfFile is { Length: > 0 } pdf && HtmlText.IsSafeUrl(pdf) ? HtmlText.Escape(url(pdf)) : null,
            ["pdf_size"] = e.PdfBytes is { } bytes ? HtmlText.Escape(FileSize(bytes)) : null,
        });
        var first = work.Editions.Count > 0 ? work.Editions[0] : null;
        return new ScriptObject
        {
            ["number"] = work.Number,
            ["number_label"] = work.NumberLabel is { Length: > 0 } label ? HtmlText.Escape(label) : null,
            ["id"] = HtmlText.Escape(first is null ? "work" : first.SeriesId + "-" + (work.Number?.ToString(CultureInfo.InvariantCulture) ?? first.Key)),
            ["title"] = first is null ? "" : HtmlText.Escape(first.Title),
            ["lang"] = first is null ? null : HtmlText.Escape(first.Language),
            ["editions"] = PageModelArray(editions),
        };
    }

    /// <summary>"1.2 MB", "840 kB": decimal units, one decimal from 1 MB on, invariant digits.</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1000 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1_000_000 => Math.Round(bytes / 1000.0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + " kB",
        _ => (Math.Round(bytes / 100_000.0, MidpointRounding.AwayFromZero) / 10).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
    };

    private static ScriptArray PageModelArray(IEnumerable<object?> items) => PageModel.Array(items);
}
