using System.Text.Json;
using Microsoft.Playwright;

namespace Pub.Acceptance;

/// <summary>axe-core finds no accessibility violation on any page, in light and dark mode and at phone
/// and desktop widths (colour contrast and reflow differ between them).</summary>
public sealed class AxeTests(SampleSite site)
{
    public static TheoryData<int, string> Views => new()
    {
        { 1280, "light" },
        { 1280, "dark" },
        { 390, "light" },
        { 390, "dark" },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Every_page_has_no_axe_violation(int width, string scheme)
    {
        site.RequireBuilt();
        AcceptanceTools.RequireBrowser(axe: true);

        var problems = new List<string>();
        foreach (var page in site.Pages)
        {
            await using var open = await site.OpenAsync(page, width, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
            await open.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AcceptanceTools.AxeScript });
            var result = await open.Page.EvaluateAsync<JsonElement>(
                "async () => { const r = await axe.run(document, { resultTypes: ['violations'] }); " +
                "return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, " +
                "nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' ')) })); }");
            foreach (var violation in result.EnumerateArray())
            {
                problems.Add($"  {page} [{width}px {scheme}] {violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}): {violation.GetProperty("help").GetString()}");
                problems.AddRange(violation.GetProperty("nodes").EnumerateArray().Select(n => "      " + n.GetString()));
            }
            problems.AddRange(open.ForeignRequests.Select(url => $"  {page}: request to another host: {url}"));
        }
        Assert.True(problems.Count == 0, "axe violations:\n" + string.Join("\n", problems));
    }
}
