using System.Net;
using System.Text.RegularExpressions;

namespace Pub.Preview.Tests;

/// <summary>The preview is safe from other web pages: a request that names another host (DNS rebinding) or
/// comes from another origin gets a short refusal and nothing of the drafts; every answer carries headers
/// that keep the page from loading or running anything that is not the preview's own.</summary>
public sealed partial class LocalOriginTests
{
    private const string DraftText = "The first sentence of the preview test.";

    private static async Task<(PreviewServer Server, string Page)> StartAsync(PreviewProject project)
    {
        var (server, failure) = await PreviewServer.StartAsync(project.Options(), TestContext.Current.CancellationToken);
        Assert.True(server is not null, failure?.Message);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Url };
        var start = await http.GetAsync("/", TestContext.Current.CancellationToken);
        return (server, start.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("evil.example", 403)]
    [InlineData("evil.example:{port}", 403)]
    [InlineData("localhost.evil.example:{port}", 403)]
    [InlineData("127.0.0.1.evil.example:{port}", 403)]
    [InlineData("127.0.0.1:1", 403)]
    [InlineData("localhost:{port}0", 403)]
    [InlineData("localhost", 403)]
    [InlineData("127.0.0.1", 403)]
    [InlineData("[::1]", 403)]
    [InlineData("localhost.:{port}", 403)]
    [InlineData("localhost:{port}@evil.example", 400)]
    [InlineData("", 403)]
    [InlineData(null, 400)]
    public async Task ARequestNamingAnotherHostIsRefusedWithNothingOfTheDraft(string? host, int expected)
    {
        using var project = new PreviewProject();
        var (server, page) = await StartAsync(project);
        await using var _ = server;
        var port = server.Url.Port;
        var forged = host?.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        foreach (var target in new[] { page, "/", "/__pub/state", "/__pub/events", "/__pub/preview.js", "/assets/pub.css" })
        {
            var answer = await RawHttp.SendAsync(port, target, forged);
            // A missing or malformed Host is refused by the HTTP server itself (400) before the preview sees it.
            Assert.True(answer.Status == expected, $"{target} with Host '{forged}': HTTP {answer.Status}");
            Assert.DoesNotContain(DraftText, answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Preview Test Paper", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("text/html", answer.Header("Content-Type") ?? "", StringComparison.Ordinal);
            if (answer.Status == 403)
            {
                Assert.StartsWith("text/plain", answer.Header("Content-Type"), StringComparison.Ordinal);
                Assert.Contains("pub preview answers only requests addressed to localhost:", answer.Body, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost:{port}")]
    [InlineData("[::1]:{port}")]
    public async Task TheServersOwnNamesAndPortGetThePage(string host)
    {
        using var project = new PreviewProject();
        var (server, page) = await StartAsync(project);
        await using var _ = server;
        var port = server.Url.Port;
        var answer = await RawHttp.SendAsync(port, page, host.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(200, answer.Status);
        Assert.Contains(DraftText, answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/__pub/events", "http://evil.example")]
    [InlineData("GET", "/__pub/events", "http://localhost.evil.example:{port}")]
    [InlineData("GET", "/__pub/events", "null")]
    [InlineData("GET", "/__pub/events", "https://127.0.0.1:{port}")]
    [InlineData("GET", "/__pub/events", "http://127.0.0.1:1")]
    [InlineData("GET", "/__pub/state", "http://evil.example")]
    [InlineData("GET", "{page}", "http://evil.example")]
    [InlineData("POST", "/__pub/events", "http://evil.example")]
    [InlineData("POST", "{page}", "http://evil.example")]
    public async Task ARequestFromAnotherOriginIsRefused(string method, string target, string origin)
    {
        using var project = new PreviewProject();
        var (server, page) = await StartAsync(project);
        await using var _ = server;
        var port = server.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = await RawHttp.SendAsync(server.Url.Port, target.Replace("{page}", page, StringComparison.Ordinal), "127.0.0.1:" + port, method,
            "Origin: " + origin.Replace("{port}", port, StringComparison.Ordinal), "Content-Length: 0");
        Assert.Equal(403, answer.Status);
        Assert.Contains("does not answer requests made by other web pages", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(DraftText, answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("event: state", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEventStreamAnswersThePreviewsOwnPages()
    {
        using var project = new PreviewProject();
        var (server, _) = await StartAsync(project);
        await using var __ = server;
        using var http = new HttpClient { BaseAddress = server.Url };
        foreach (var origin in new[] { server.Url.GetLeftPart(UriPartial.Authority), $"http://localhost:{server.Url.Port}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/__pub/events");
            request.Headers.Add("Origin", origin);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task EveryAnswerCarriesAPolicyThatAllowsOnlyThePreviewsOwnFiles()
    {
        using var project = new PreviewProject();
        var (server, page) = await StartAsync(project);
        await using var _ = server;
        var port = server.Url.Port;
        var host = $"127.0.0.1:{port}";
        foreach (var target in new[] { page, "/", "/__pub/preview.js", "/__pub/state", "/assets/pub.css", "/missing.html", "/%2e%2e/pub.yaml" })
        {
            var answer = await RawHttp.SendAsync(port, target, host);
            var policy = answer.Header("Content-Security-Policy");
            Assert.NotNull(policy);
            var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
            Assert.Equal("default-src 'self'", directives["default-src"]);
            Assert.Equal("script-src 'self'", directives["script-src"]);
            Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
            Assert.Equal("object-src 'none'", directives["object-src"]);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", answer.Header("X-Content-Type-Options"));
            Assert.Equal("no-referrer", answer.Header("Referrer-Policy"));
            Assert.Equal("DENY", answer.Header("X-Frame-Options"));
        }
        // The refusals carry them too.
        var refused = await RawHttp.SendAsync(port, page, "evil.example");
        Assert.Equal("nosniff", refused.Header("X-Content-Type-Options"));
        Assert.NotNull(refused.Header("Content-Security-Policy"));

        // The page runs no inline script (JSON-LD is data, not script) and has no inline style to allow.
        var html = (await RawHttp.SendAsync(port, page, host)).Body;
        foreach (Match script in ScriptTag().Matches(html))
        {
            Assert.True(script.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal)
                || script.Groups["attributes"].Value.Contains("type=\"application/ld+json\"", StringComparison.Ordinal), script.Value);
        }
        Assert.DoesNotMatch(" on[a-z]+=\"", html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIndexPagesStyleIsAllowedByItsHash()
    {
        using var project = new PreviewProject();
        // Two manuscripts: the start page is the index, not a redirect to the one page.
        Directory.CreateDirectory(Path.Combine(project.Root, "papers", "op-second"));
        File.WriteAllText(Path.Combine(project.Root, "papers", "op-second", "paper.md"), PreviewProject.Text("A second manuscript."));
        var (server, _) = await PreviewServer.StartAsync(project.Options() with { Paths = [] }, TestContext.Current.CancellationToken);
        Assert.NotNull(server);
        await using var __ = server;
        var port = server.Url.Port;
        var index = await RawHttp.SendAsync(port, "/", $"127.0.0.1:{port}");
        Assert.Equal(200, index.Status);
        var style = StyleTag().Match(index.Body).Groups["css"].Value;
        Assert.Equal(PreviewPages.IndexStyle, style);
        var hash = "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style))) + "'";
        Assert.Contains("style-src 'self' " + hash + ";", index.Header("Content-Security-Policy"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script(?<attributes>[^>]*)>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<style>(?<css>[^<]*)</style>")]
    private static partial Regex StyleTag();
}
