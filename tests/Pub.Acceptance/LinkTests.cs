using System.Text.Json;

namespace Pub.Acceptance;

/// <summary>Every internal link, anchor and resource of the sample series resolves: the file exists on
/// the site and the fragment names an element of the target page. Links to other sites (DOI, ORCID) are
/// not followed, only checked to be web or mail addresses.</summary>
public sealed class LinkTests(SampleSite site)
{
    private const string Collect = """
        () => {
          const urls = [];
          const add = (kind, value) => { if (value !== null && value !== '') urls.push({ kind, url: new URL(value, document.baseURI).href }); };
          for (const e of document.querySelectorAll('a[href], area[href], link[href]')) add(e.localName, e.getAttribute('href'));
          for (const e of document.querySelectorAll('img[src], script[src], source[src], video[src], audio[src], iframe[src]')) add(e.localName, e.getAttribute('src'));
          for (const e of document.querySelectorAll('meta[name="citation_pdf_url"], meta[property="og:url"], meta[property="og:image"]')) add('meta', e.getAttribute('content'));
          const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
          return { urls, ids };
        }
        """;

    [Fact]
    public async Task Every_internal_link_and_anchor_resolves()
    {
        site.RequireBuilt();
        AcceptanceTools.RequireBrowser();

        var origin = site.Server.BaseUri;
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var links = new List<(string Page, string Kind, Uri Url)>();
        var problems = new List<string>();
        foreach (var page in site.Pages)
        {
            await using var open = await site.OpenAsync(page, 1280);
            var found = await open.Page.EvaluateAsync<JsonElement>(Collect);
            var pageIds = found.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList();
            problems.AddRange(pageIds.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"  {page}: id '{g.Key}' is used {g.Count()} times"));
            ids[site.UrlOf(page).AbsolutePath] = [.. pageIds];
            links.AddRange(found.GetProperty("urls").EnumerateArray()
                .Select(l => (page, l.GetProperty("kind").GetString()!, new Uri(l.GetProperty("url").GetString()!))));
        }

        var checkedInternal = 0;
        foreach (var (page, kind, url) in links)
        {
            if (!string.Equals(url.GetLeftPart(UriPartial.Authority), origin.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
            {
                if (url.Scheme is not ("https" or "http" or "mailto"))
                {
                    problems.Add($"  {page}: {kind} to a {url.Scheme}: address: {url}");
                }
                continue;
            }
            checkedInternal++;
            if (site.Server.Resolve(url.AbsolutePath) is null)
            {
                problems.Add($"  {page}: {kind} to a missing file: {url.PathAndQuery}");
                continue;
            }
            var fragment = Uri.UnescapeDataString(url.Fragment.TrimStart('#'));
            if (fragment.Length > 0 && (!ids.TryGetValue(url.AbsolutePath, out var targetIds) || !targetIds.Contains(fragment)))
            {
                problems.Add($"  {page}: {kind} to a missing anchor: {url.PathAndQuery}#{fragment}");
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} broken link(s) among {checkedInternal} internal ones:\n" + string.Join("\n", problems));
        Assert.True(checkedInternal > site.Pages.Count, "hardly any internal links were found; is the collector broken?");
    }
}
