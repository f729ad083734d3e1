using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pub.Preview.Tests;

/// <summary>The author's loop in a real browser: edit, see the page change by itself, break the front
/// matter, see the overlay with the code and position, fix it, see the page again.</summary>
public sealed partial class BrowserPreviewTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }
        const string reason = ChromiumPath + " is missing (apt-get install chromium)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("browser missing in CI: " + reason);
        }
        Assert.Skip(reason);
    }

    [Fact]
    public async Task EditsReloadThePageAndErrorsShowAnOverlayUntilFixed()
    {
        RequireChromium();
        using var project = new PreviewProject();
        var (server, failure) = await PreviewServer.StartAsync(project.Options(), TestContext.Current.CancellationToken);
        Assert.True(server is not null, failure?.Message ?? string.Join("\n", failure?.Diagnostics.Select(d => d.Message) ?? []));
        await using var _ = server;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 700 } });
        var origin = server.Url.GetLeftPart(UriPartial.Authority);
        var foreign = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(origin + "/", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }
            lock (foreign)
            {
                foreign.Add(route.Request.Url);
            }
            await route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        // The reload script and the overlay work under the preview's content security policy: anything
        // it blocks is reported on the console.
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (blocked)
                {
                    blocked.Add(message.Text);
                }
            }
        };
        var response = await page.GotoAsync(server.Url.ToString());
        Assert.True(response is { Ok: true }, "HTTP " + response?.Status);
        Assert.Contains("default-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await Expect(page.Locator("main")).ToContainTextAsync("The first sentence of the preview test.");

        // Scroll down, then save a change: the page reloads by itself at the same position.
        await page.EvaluateAsync("window.scrollTo(0, 600)");
        var navigated = page.WaitForLoadStateAsync(LoadState.Load);
        project.Write(PreviewProject.Text("A sentence written after the page was opened."));
        await Expect(page.Locator("main")).ToContainTextAsync("A sentence written after the page was opened.", new() { Timeout = 15_000 });
        await Expect(page.Locator("main")).Not.ToContainTextAsync("The first sentence of the preview test.");
        var scrolled = await page.EvaluateAsync<double>("window.scrollY");
        Assert.InRange(scrolled, 500, 700);

        // Break the front matter: the overlay names the code and the position; the last good page stays.
        project.Write(PreviewProject.Text("This text must not appear while the front matter is broken.", title: "\"Unterminated title"));
        var overlay = page.Locator("#pub-preview-overlay");
        await Expect(overlay).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(overlay).ToContainTextAsync(new Regex(@"PUB01\d\d"));
        await Expect(overlay).ToContainTextAsync(new Regex(@"papers/op-preview-test/paper\.md\(\d+,\d+\)"));
        await Expect(page.Locator("main")).ToContainTextAsync("A sentence written after the page was opened.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "overlay.png") });

        // Fix it: the overlay goes and the new text shows.
        project.Write(PreviewProject.Text("The page recovered after the fix."));
        await Expect(page.Locator("main")).ToContainTextAsync("The page recovered after the fix.", new() { Timeout = 15_000 });
        await Expect(overlay).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "page.png") });

        Assert.Empty(foreign);
        Assert.Empty(blocked);
        await context.CloseAsync();
    }

    private static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(Pub.Testing.RepoPaths.Root, "TestResults", "preview");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
