using Microsoft.Playwright;

namespace Pub.Acceptance;

/// <summary>Each page of the sample series renders something at phone (390 px) and desktop (1280 px)
/// widths: the main content has height, the screenshot is more than one colour, and the page does not
/// scroll sideways. The screenshots are kept in TestResults/acceptance for people to look at.</summary>
public sealed class ScreenshotTests(SampleSite site)
{
    [Theory]
    [InlineData(390, "light")]
    [InlineData(1280, "light")]
    [InlineData(390, "dark")]
    [InlineData(1280, "dark")]
    public async Task Every_page_renders_at_phone_and_desktop_widths(int width, string scheme)
    {
        site.RequireBuilt();
        AcceptanceTools.RequireBrowser();
        Directory.CreateDirectory(SampleSite.ScreenshotFolder);

        var problems = new List<string>();
        foreach (var page in site.Pages)
        {
            await using var open = await site.OpenAsync(page, width, scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
            var mainHeight = await open.Page.EvaluateAsync<double>("() => document.querySelector('main')?.getBoundingClientRect().height ?? 0");
            var scrollWidth = await open.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var file = Path.Combine(SampleSite.ScreenshotFolder, $"{Path.GetFileNameWithoutExtension(page)}-{width}-{scheme}.png");
            var png = await open.Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Path = file });
            var image = PngImage.Read(png);
            var colours = image.CountColours();

            if (mainHeight <= 0)
            {
                problems.Add($"  {page} at {width}px: the main content has no height");
            }
            if (image.Width != width || image.Height <= 0)
            {
                problems.Add($"  {page} at {width}px: the screenshot is {image.Width}×{image.Height}");
            }
            if (colours < 2)
            {
                problems.Add($"  {page} at {width}px: the screenshot is blank (one colour)");
            }
            if (scrollWidth > width)
            {
                problems.Add($"  {page} at {width}px: the page scrolls sideways ({scrollWidth}px wide)");
            }
            problems.AddRange(open.ForeignRequests.Select(url => $"  {page}: request to another host: {url}"));
        }
        Assert.True(problems.Count == 0, "pages that do not render:\n" + string.Join("\n", problems) + "\nscreenshots: " + SampleSite.ScreenshotFolder);
    }
}
