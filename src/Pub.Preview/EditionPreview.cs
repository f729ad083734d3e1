using System.Diagnostics;
using Pub.Compiler;
using Pub.Syntax;

namespace Pub.Preview;

/// <summary>
/// Builds one manuscript for the preview, in memory: first the HTML edition (with the PDF already linked),
/// then, separately, the PDF, so that the page can reload before the slower typesetting is done. Both are
/// drafts. Successful output is published to the site; errors are recorded there and printed.
/// </summary>
internal sealed class EditionPreview(IWorld files, PreviewSite site, bool pdf, TextWriter log)
{
    /// <summary>Bibliographies and styles are parsed again only when their files change.</summary>
    private readonly ParsedFiles _parsed = new();

    public static string HtmlOwner(string manuscript) => manuscript;

    public static string PdfOwner(string manuscript) => manuscript + "#pdf";

    /// <summary>Builds the HTML edition; true when it succeeded (so the PDF is worth building).</summary>
    public bool BuildHtml(string manuscript, HashSet<string> printed)
    {
        var (ok, _) = Build(manuscript, OutputFormats.Html, HtmlOwner(manuscript), printed);
        if (!ok)
        {
            // The HTML build already reports everything wrong with the manuscript; an older PDF
            // problem would only repeat or contradict it.
            site.Forget(PdfOwner(manuscript));
        }
        return ok;
    }

    /// <summary>Builds the PDF edition; false, with nothing published, when <paramref name="abandon"/> stops it first.</summary>
    public bool BuildPdf(string manuscript, HashSet<string> printed, CancellationToken abandon)
    {
        try
        {
            Build(manuscript, OutputFormats.Pdf, PdfOwner(manuscript), printed, abandon);
            return true;
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            return false;
        }
    }

    private (bool Ok, TimeSpan Elapsed) Build(string manuscript, OutputFormats format, string owner, HashSet<string> printed, CancellationToken abandon = default)
    {
        var clock = Stopwatch.StartNew();
        var world = new CapturingWorld(files);
        var name = format == OutputFormats.Html ? "HTML" : "PDF";
        BuildResult result;
        try
        {
            result = PubCompiler.Build(world, new BuildOptions
            {
                Paths = [manuscript],
                OutputFolder = CapturingWorld.OutputFolder,
                Formats = format,
                Draft = true,
                LinkPdf = pdf,
                Manifest = false,
                Cancel = abandon,
                Parsed = _parsed,
            });
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An exception here is a bug in pub; the preview shows it and keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            site.Fail(owner, [InternalError(manuscript, $"building the {name} edition", ex)]);
            log.WriteLine($"pub preview: {manuscript}: internal error while building the {name} edition; this is a bug in pub, please report it:");
            log.WriteLine(ex.ToString());
            return (false, clock.Elapsed);
        }
        clock.Stop();
        Print(result.Diagnostics, printed);
        if (result.HasErrors)
        {
            site.Fail(owner, [.. result.Diagnostics.Where(d => d.Severity == Severity.Error)]);
            log.WriteLine($"pub preview: {manuscript}: the {name} edition failed; the last good output is still served");
            return (false, clock.Elapsed);
        }
        site.Publish(owner, world.Written, changesPages: format == OutputFormats.Html);
        log.WriteLine(FormattableString.Invariant($"pub preview: {manuscript}: {name} rebuilt in {clock.ElapsedMilliseconds} ms"));
        return (true, clock.Elapsed);
    }

    /// <summary>What the page shows when the build threw: the exception's type and message (the stack trace
    /// goes to the terminal), and a request to report it.</summary>
    internal static Diagnostic InternalError(string path, string doing, Exception ex)
    {
        var internalError = Diagnostic.Internal(path, ex);
        return internalError with
        {
            Message = $"{internalError.Message} (while {doing})",
            Hints = [.. internalError.HintList, "the terminal shows the details; the last good output is still served, and the next save builds again"],
        };
    }

    /// <summary>Prints each diagnostic once per rebuild: the PDF build repeats the manuscript's own.</summary>
    private void Print(IEnumerable<Diagnostic> diagnostics, HashSet<string> printed)
    {
        foreach (var d in diagnostics)
        {
            var text = DiagnosticFormatter.Text(d);
            if (printed.Add(text))
            {
                log.Write(text);
            }
        }
    }
}
