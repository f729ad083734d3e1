using Microsoft.Playwright;
using Pub.Testing;

[assembly: AssemblyFixture(typeof(Pub.Acceptance.SampleSite))]

namespace Pub.Acceptance;

/// <summary>
/// The sample series built once for the whole run: papers/, templates/ and pub.yaml copied to a temporary
/// folder, `pub build` called in-process, dist/ served on 127.0.0.1. Chromium is started on first use and
/// shared; every test opens its own browser context.
/// </summary>
public sealed class SampleSite : IAsyncLifetime
{
    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private LocalServer? _server;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pub-acceptance", Guid.NewGuid().ToString("N"));

    public string Dist => Path.Combine(Root, "dist");

    public int BuildExitCode { get; private set; }

    public string BuildLog { get; private set; } = "";

    /// <summary>Every HTML page of the site, relative to dist/ with forward slashes, sorted.</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    public LocalServer Server => _server ?? throw new InvalidOperationException("the site is not being served");

    /// <summary>Where screenshots go for people to look at: TestResults/acceptance at the repository root.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepoPaths.Root, "TestResults", "acceptance");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        File.Copy(Path.Combine(RepoPaths.Root, "pub.yaml"), Path.Combine(Root, "pub.yaml"));
        CopyFolder("papers");
        CopyFolder("templates");

        using var output = new StringWriter();
        using var error = new StringWriter();
        BuildExitCode = Pub.Cli.PubCli.Run(["build"], output, error, Root);
        BuildLog = output + error.ToString();
        if (Directory.Exists(Dist))
        {
            Pages = [.. Directory.EnumerateFiles(Dist, "*.html", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Dist, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)];
            _server = new LocalServer(Dist);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Fails the calling test when the sample series did not build into at least one page.</summary>
    public void RequireBuilt()
    {
        Assert.True(BuildExitCode == 0, "pub build failed with exit code " + BuildExitCode + ":\n" + BuildLog);
        Assert.NotEmpty(Pages);
    }

    public Uri UrlOf(string page) => new(Server.BaseUri, page);

    /// <summary>The shared headless Chromium: Debian's build, never one that Playwright downloads, with
    /// everything that would phone home switched off.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        await _browserLock.WaitAsync();
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = AcceptanceTools.ChromiumPath,
                    Headless = true,
                    Args =
                    [
                        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run",
                    ],
                });
            }
            return _browser;
        }
        finally
        {
            _browserLock.Release();
        }
    }

    /// <summary>A fresh browser context at the given width whose requests may only go to the local
    /// server; any other request is aborted and recorded in <see cref="SitePage.ForeignRequests"/>.</summary>
    public async Task<SitePage> OpenAsync(string page, int width, ColorScheme scheme = ColorScheme.Light)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme,
            ReducedMotion = ReducedMotion.Reduce,
        });
        // CI runs the test projects side by side on two cores: be patient with a slow page, not flaky.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var sitePage = new SitePage(context, await context.NewPageAsync());
        var origin = Server.BaseUri.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(origin + "/", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }
            sitePage.RecordForeign(url);
            await route.AbortAsync();
        });
        var response = await sitePage.Page.GotoAsync(UrlOf(page).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"{page}: HTTP {response?.Status}");
        return sitePage;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        _server?.Dispose();
        _browserLock.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private void CopyFolder(string name)
    {
        var from = Path.Combine(RepoPaths.Root, name);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, name, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>One page open in its own browser context, with the requests it tried to send elsewhere.</summary>
public sealed class SitePage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    private readonly List<string> _foreign = [];

    public IPage Page { get; } = page;

    public IReadOnlyList<string> ForeignRequests
    {
        get
        {
            lock (_foreign)
            {
                return [.. _foreign];
            }
        }
    }

    internal void RecordForeign(string url)
    {
        lock (_foreign)
        {
            _foreign.Add(url);
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
