using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pub.Acceptance;

/// <summary>Every edition page of the sample series carries the scholarly metadata catalogues read: Highwire
/// Press tags, Dublin Core, OpenGraph and schema.org JSON-LD that parses, with the series' ISSN from
/// pub.yaml on the pages of the series that has one; a handbook's contribution page is a Chapter of the
/// Book. The site's own pages (index, 404) are not publications and carry none.</summary>
public sealed partial class MetadataTests(SampleSite site)
{
    [Fact]
    public void Every_page_has_scholarly_metadata()
    {
        site.RequireBuilt();
        var problems = new List<string>();
        var chapters = 0;
        foreach (var page in site.Pages.Where(p => p is not ("index.html" or "404.html")))
        {
            var html = File.ReadAllText(Path.Combine(site.Dist, page));
            if (ChapterPage().IsMatch(page))
            {
                chapters++;
                problems.AddRange(ChapterProblems(page, html));
                continue;
            }
            var tags = MetaTag().Matches(html)
                .Select(m => (Key: m.Groups["key"].Value, Value: WebUtility.HtmlDecode(m.Groups["value"].Value)))
                .ToLookup(t => t.Key, t => t.Value, StringComparer.Ordinal);
            // A handbook is a book; every other page is a paper.
            var isBook = tags["og:type"].Contains("book");
            string[] required = isBook
                ? ["citation_title", "citation_editor", "citation_publication_date", "citation_pdf_url", "citation_language", "citation_isbn", "citation_publisher", "DC.title", "DC.date", "og:type", "og:title"]
                : ["citation_title", "citation_author", "citation_publication_date", "citation_pdf_url", "citation_language", "citation_issn", "citation_technical_report_number", "citation_technical_report_institution", "DC.title", "DC.creator", "DC.date", "og:type", "og:title"];
            problems.AddRange(required.Where(key => !tags[key].Any(v => v.Length > 0)).Select(key => $"  {page}: no {key}"));
            if (!isBook && !tags["citation_issn"].Contains("2664-4932"))
            {
                problems.Add($"  {page}: citation_issn is not the series' ISSN 2664-4932");
            }
            var pdf = tags["citation_pdf_url"].FirstOrDefault();
            if (pdf is not null && !File.Exists(Path.Combine(site.Dist, pdf)))
            {
                problems.Add($"  {page}: citation_pdf_url names a missing file: {pdf}");
            }

            var script = JsonLdScript().Match(html);
            if (!script.Success)
            {
                problems.Add($"  {page}: no JSON-LD");
                continue;
            }
            using var json = JsonDocument.Parse(script.Groups["json"].Value);
            var root = json.RootElement;
            var type = root.GetProperty("@type").GetString();
            if (type != (isBook ? "Book" : "Report"))
            {
                problems.Add($"  {page}: JSON-LD @type is {type}");
            }
            if (isBook && (!root.TryGetProperty("hasPart", out var parts) || parts.EnumerateArray().Any(p => p.GetProperty("@type").GetString() != "Chapter")))
            {
                problems.Add($"  {page}: the handbook's contributions are not listed as Chapters");
            }
            if (!isBook && (!root.TryGetProperty("isPartOf", out var series) || series.GetProperty("issn").GetString() != "2664-4932"))
            {
                problems.Add($"  {page}: the Report is not part of a series with ISSN 2664-4932");
            }
        }
        Assert.True(problems.Count == 0, "missing metadata:\n" + string.Join("\n", problems));
        Assert.True(chapters >= 2, "the sample handbook's contributions have no pages of their own");
    }

    private static IEnumerable<string> ChapterProblems(string page, string html)
    {
        var tags = MetaTag().Matches(html)
            .Select(m => (Key: m.Groups["key"].Value, Value: WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToLookup(t => t.Key, t => t.Value, StringComparer.Ordinal);
        string[] required = ["citation_title", "citation_author", "citation_inbook_title", "citation_book_title", "citation_editor", "citation_publication_date", "citation_pdf_url", "citation_isbn", "DC.title", "DC.creator", "DC.relation.ispartof", "og:type", "og:title"];
        foreach (var key in required.Where(key => !tags[key].Any(v => v.Length > 0)))
        {
            yield return $"  {page}: no {key}";
        }
        var script = JsonLdScript().Match(html);
        if (!script.Success)
        {
            yield return $"  {page}: no JSON-LD";
            yield break;
        }
        using var json = JsonDocument.Parse(script.Groups["json"].Value);
        var root = json.RootElement;
        if (root.GetProperty("@type").GetString() != "Chapter"
            || !root.TryGetProperty("isPartOf", out var book) || book.GetProperty("@type").GetString() != "Book")
        {
            yield return $"  {page}: JSON-LD is not a Chapter that is part of a Book";
        }
    }

    [GeneratedRegex("-ch[0-9]+\\.html$", RegexOptions.CultureInvariant)]
    private static partial Regex ChapterPage();

    [GeneratedRegex("<meta (?:name|property)=\"(?<key>[^\"]+)\" content=\"(?<value>[^\"]*)\">", RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(?<json>.*?)</script>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex JsonLdScript();
}
