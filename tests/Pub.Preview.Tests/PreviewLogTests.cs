using System.Text.RegularExpressions;
using Pub.Preview;
using Xunit;

namespace Pub.Preview.Tests;

/// <summary>What the preview prints: each of a manuscript's warnings once per rebuild, although the HTML and the
/// PDF edition are built separately and both find it.</summary>
public sealed class PreviewLogTests
{
    [Fact]
    public async Task AWarningIsPrintedOncePerBuildNotOncePerEdition()
    {
        using var project = new PreviewProject();
        project.Write(WithUnknownField("The first sentence."));
        using var log = new StringWriter();
        var synchronized = TextWriter.Synchronized(log);
        var cancel = TestContext.Current.CancellationToken;
        await using var _ = await Started(project, synchronized, cancel);

        await WaitFor(() => Count(log, synchronized, "PDF rebuilt") == 1, cancel);
        Assert.Equal(1, Count(log, synchronized, "warning PUB0104: unknown front-matter field 'keywrods'"));

        project.Write(WithUnknownField("The second sentence."));
        await WaitFor(() => Count(log, synchronized, "PDF rebuilt") == 2, cancel);
        Assert.Equal(2, Count(log, synchronized, "warning PUB0104: unknown front-matter field 'keywrods'"));
    }

    [Fact]
    public async Task ASaveWhileThePdfIsSetGetsItsPageBeforeAnyPdf()
    {
        using var project = new PreviewProject();
        // Long enough that its PDF takes a while to set, so that the save below lands while it is being set.
        var longText = string.Join(" ", Enumerable.Repeat("A sentence that the typesetter breaks into lines like any other.", 4000));
        project.Write(PreviewProject.Text(longText + " First version."));
        using var log = new StringWriter();
        var synchronized = TextWriter.Synchronized(log);
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await Started(project, synchronized, cancel);

        // The save comes once the first PDF is being set (before that, it would simply be built first).
        await WaitFor(() => server.SettingPdf, cancel);
        Assert.Equal(1, Count(log, synchronized, "HTML rebuilt"));
        project.Write(PreviewProject.Text(longText + " Second version."));
        await WaitFor(() => Count(log, synchronized, "PDF rebuilt") == 1, cancel);

        string printed;
        lock (synchronized)
        {
            printed = log.ToString();
        }
        // The first PDF was set aside for the save; the page with the second version came before any PDF.
        Assert.Contains("PDF set aside for the change just saved", printed, StringComparison.Ordinal);
        Assert.True(Regex.Matches(printed, "HTML rebuilt").Count == 2 && printed.LastIndexOf("HTML rebuilt", StringComparison.Ordinal) < printed.IndexOf("PDF rebuilt", StringComparison.Ordinal), printed);
    }

    /// <summary>The preview of the project with its PDFs, printing to <paramref name="log"/>.</summary>
    private static async Task<PreviewServer> Started(PreviewProject project, TextWriter log, CancellationToken cancel)
    {
        var (server, _) = await PreviewServer.StartAsync(project.Options(pdf: true) with { Log = log }, cancel);
        Assert.NotNull(server);
        return server;
    }

    private static string WithUnknownField(string sentence) =>
        PreviewProject.Text(sentence).Replace("language: en\n", "language: en\nkeywrods: [a]\n", StringComparison.Ordinal);

    private static int Count(StringWriter log, TextWriter writer, string text)
    {
        // A synchronized writer locks itself while writing.
        lock (writer)
        {
            return Regex.Matches(log.ToString(), Regex.Escape(text)).Count;
        }
    }

    private static async Task WaitFor(Func<bool> condition, CancellationToken cancel)
    {
        for (var i = 0; i < 1200 && !condition(); i++)
        {
            await Task.Delay(100, cancel);
        }
        Assert.True(condition(), "the preview did not get there in two minutes");
    }
}
