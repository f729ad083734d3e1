using System.Globalization;
using System.Text;
using System.Xml;

namespace Pub.Html.Site;

/// <summary>
/// The site's Atom 1.0 feed (RFC 4287): one entry per edition and language on the site. Everything in it is derived
/// from the catalogue, so it is reproducible: <c>updated</c> is the newest publication date (midnight
/// UTC), never the clock. Ids never change once published: with a base URL they are the pages' addresses;
/// without one they are <c>tag:</c> URIs (RFC 4151) minted from the series id and the edition's name, dated
/// with the edition's publication date.
/// </summary>
public static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The tag: authority used when pub.yaml gives no base-url. A tag URI needs a domain; ".invalid"
    /// is reserved (RFC 2606) and so can never collide with anyone else's.</summary>
    public const string TagAuthority = "pub.invalid";

    public static string Write(SiteCatalogue catalogue, SiteContext context, string title)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            var newest = catalogue.Newest;
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, context.Language);
            xml.WriteElementString("id", Atom, context.BaseUrl ?? Tag(FirstDate(catalogue), "site"));
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("updated", Atom, Timestamp(newest));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, context.PublisherName);
            xml.WriteEndElement();
            Link(xml, "self", Url(context, SiteWriter.FeedFile), "application/atom+xml", null);
            Link(xml, "alternate", Url(context, SiteWriter.IndexFile), "text/html", null);
            xml.WriteStartElement("generator", Atom);
            xml.WriteString(context.Generator);
            xml.WriteEndElement();

            // An entry needs a page to link (it carries no content of its own): editions listed without
            // files, published once but no longer on the site, are left out.
            var entries = catalogue.AllEditions
                .Where(e => e.HtmlFile is not null)
                .OrderByDescending(e => e.Date?.Iso ?? "", StringComparer.Ordinal)
                .ThenBy(e => e.Key, StringComparer.Ordinal);
            foreach (var edition in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteAttributeString("xml", "lang", null, edition.Language);
                xml.WriteElementString("id", Atom, EntryId(edition, context));
                xml.WriteElementString("title", Atom, edition.Subtitle is { Length: > 0 } subtitle ? edition.Title + ": " + subtitle : edition.Title);
                xml.WriteElementString("updated", Atom, Timestamp(edition.Date ?? newest));
                if (edition.Date is { } date)
                {
                    xml.WriteElementString("published", Atom, Timestamp(date));
                }
                foreach (var author in edition.Authors)
                {
                    xml.WriteStartElement("author", Atom);
                    xml.WriteElementString("name", Atom, author);
                    xml.WriteEndElement();
                }
                if (edition.HtmlFile is { } html)
                {
                    Link(xml, "alternate", Url(context, html), "text/html", edition.Language);
                }
                if (edition.PdfFile is { } pdf)
                {
                    Link(xml, "enclosure", Url(context, pdf), "application/pdf", edition.Language, edition.PdfBytes);
                }
                if (edition.Summary is { Length: > 0 } summary)
                {
                    xml.WriteElementString("summary", Atom, summary);
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    public static string EntryId(SiteEdition edition, SiteContext context) =>
        context.BaseUrl is { } baseUrl && edition.HtmlFile is { } html
            ? baseUrl + html
            : Tag(edition.Date, edition.Key);

    private static string Tag(Pub.Model.PublicationDate? date, string specific) =>
        "tag:" + TagAuthority + "," + (date?.Iso ?? "2000-01-01") + ":" + Uri.EscapeDataString(specific);

    private static Pub.Model.PublicationDate? FirstDate(SiteCatalogue catalogue) =>
        catalogue.AllEditions.Select(e => e.Date).OfType<Pub.Model.PublicationDate>()
            .OrderBy(d => d.Iso, StringComparer.Ordinal).Cast<Pub.Model.PublicationDate?>().FirstOrDefault();

    private static string Timestamp(Pub.Model.PublicationDate? date) =>
        (date?.Iso ?? "2000-01-01") + "T00:00:00Z";

    private static string Url(SiteContext context, string file) => context.BaseUrl is { } baseUrl ? baseUrl + file : file;

    private static void Link(XmlWriter xml, string rel, string href, string type, string? hreflang, long? length = null)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        if (hreflang is not null)
        {
            xml.WriteAttributeString("hreflang", hreflang);
        }
        xml.WriteAttributeString("href", href);
        if (length is { } bytes)
        {
            xml.WriteAttributeString("length", bytes.ToString(CultureInfo.InvariantCulture));
        }
        xml.WriteEndElement();
    }
}
