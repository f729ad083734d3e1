using System.Net;
using System.Net.Sockets;

namespace Pub.Preview.Tests;

/// <summary>The server without a browser: what it serves, what it refuses, and how it fails to start.</summary>
public sealed class PreviewServerTests
{
    [Fact]
    public async Task ServesDraftEditionsWithTheReloadScriptAndNothingElse()
    {
        using var project = new PreviewProject();
        var (server, _) = await PreviewServer.StartAsync(project.Options(pdf: true), TestContext.Current.CancellationToken);
        Assert.NotNull(server);
        await using var _ = server;
        Assert.Equal("127.0.0.1", server.Url.Host);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Url };
        var cancel = TestContext.Current.CancellationToken;

        var start = await http.GetAsync("/", cancel);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var pageName = start.Headers.Location!.OriginalString.TrimStart('/');
        Assert.EndsWith(".html", pageName, StringComparison.Ordinal);
        var page = await http.GetStringAsync(pageName, cancel);
        Assert.Contains("<script src=\"/__pub/preview.js\"", page, StringComparison.Ordinal);
        Assert.Contains("draft-stamp", page, StringComparison.Ordinal);
        Assert.Contains("EventSource('/__pub/events')", await http.GetStringAsync("/__pub/preview.js", cancel), StringComparison.Ordinal);

        // The PDF follows the HTML; it is linked from the page at once and served once it is built.
        var pdfName = Path.ChangeExtension(pageName, ".pdf");
        Assert.Contains(pdfName, page, StringComparison.Ordinal);
        HttpResponseMessage? pdf = null;
        for (var i = 0; i < 300 && pdf?.StatusCode != HttpStatusCode.OK; i++)
        {
            pdf?.Dispose();
            await Task.Delay(100, cancel);
            pdf = await http.GetAsync(pdfName, cancel);
        }
        Assert.Equal(HttpStatusCode.OK, pdf!.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        pdf.Dispose();

        // Nothing is written into the project: no dist/, no .pub/.
        Assert.False(Directory.Exists(Path.Combine(project.Root, "dist")));
        Assert.False(Directory.Exists(Path.Combine(project.Root, ".pub")));
    }

    [Theory]
    [InlineData("/../pub.yaml", HttpStatusCode.BadRequest)]
    [InlineData("/%2e%2e/pub.yaml", HttpStatusCode.BadRequest)]
    [InlineData("/assets/%2E%2E/%2e%2e/pub.yaml", HttpStatusCode.BadRequest)]
    [InlineData("/%252e%252e/pub.yaml", HttpStatusCode.BadRequest)]
    [InlineData("//etc/passwd", HttpStatusCode.BadRequest)]
    [InlineData("/..%5cpub.yaml", HttpStatusCode.BadRequest)]
    [InlineData("/C:/Windows/win.ini", HttpStatusCode.BadRequest)]
    [InlineData("/pub.yaml", HttpStatusCode.NotFound)]
    [InlineData("/papers/op-preview-test/paper.md", HttpStatusCode.NotFound)]
    public async Task PathsOutsideTheOutputAreRefused(string target, HttpStatusCode expected)
    {
        using var project = new PreviewProject();
        var (server, _) = await PreviewServer.StartAsync(project.Options(), TestContext.Current.CancellationToken);
        Assert.NotNull(server);
        await using var _ = server;
        // A raw socket, because HTTP clients normalise '..' away before sending.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Url.Port, TestContext.Current.CancellationToken);
        await using var stream = client.GetStream();
        var request = System.Text.Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{server.Url.Port}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        var status = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith($"HTTP/1.1 {(int)expected}", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APortInUseIsReportedNotThrown()
    {
        using var project = new PreviewProject();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (server, failure) = await PreviewServer.StartAsync(project.Options(port: port), TestContext.Current.CancellationToken);
        Assert.Null(server);
        Assert.Contains("already in use", failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingManuscriptIsReported()
    {
        using var project = new PreviewProject();
        var (server, failure) = await PreviewServer.StartAsync(project.Options() with { Paths = ["papers/nothing-here"] }, TestContext.Current.CancellationToken);
        Assert.Null(server);
        Assert.Contains(failure!.Diagnostics, d => d.Code == "PUB0602");
    }
}
