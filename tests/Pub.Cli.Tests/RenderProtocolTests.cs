// What a render worker answers must come back as the build's own rendering would have left it: files byte for
// byte, and diagnostics with their severity, code, message, hints (or none), path and span, so that they print
// with the same line, column and excerpt.
using Pub.Compiler;
using Pub.Syntax;
using Xunit;

namespace Pub.Cli.Tests;

public sealed class RenderProtocolTests
{
    [Fact]
    public void AReplyComesBackAsItWasSent()
    {
        var manuscript = new SourceText("papers/op-001/paper.md", "---\ntitle: A\n---\nAs the Court held [@rantsev2010].\n");
        var style = new SourceText("templates/csl/pub-note.csl", "<style/>\n");
        var sent = new RenderProtocol.Reply(Stopped: false, TimeSpan.FromMilliseconds(1234.5), Editions: 2, ["file:dist/op-001-en-ed1.pdf"],
            ["file:papers/references.yaml", "file:papers/op-001/paper.md"],
            [
                Diagnostic.Error(Codes.UnknownCitationKey, "unknown citation key 'rantsev2010'", manuscript.Span(34, 12), "did you mean 'rantsev-2010'?"),
                Diagnostic.Warning(Codes.UnknownCitationKey, "no hints, no span") with { Path = "papers/op-001/paper.md" },
                new Diagnostic(Severity.Info, "PUB0000", "a span in another file", style.Span(1, 5), Hints: []),
            ],
            [new Diagnostic(Severity.Warning, "PUB0302", "shared file", style.Span(0, 7))],
            [("op-001-en-ed1.pdf", [0x25, 0x50, 0x44, 0x46, 0, 255]), ("op-001-en-ed1.html", [])]);

        var body = RenderProtocol.Read(new MemoryStream(RenderProtocol.EncodeReply(sent)))!;
        var received = RenderProtocol.DecodeReply(body)!;

        Assert.Equal((sent.Stopped, sent.Elapsed, sent.Editions), (received.Stopped, received.Elapsed, received.Editions));
        Assert.Equal(sent.EarlierFiles, received.EarlierFiles);
        Assert.Equal(sent.Inputs, received.Inputs);
        Assert.Equal(sent.Files.Select(f => (f.Path, Convert.ToHexString(f.Content))), received.Files.Select(f => (f.Path, Convert.ToHexString(f.Content))));
        Assert.Equal(sent.Added.Select(Printed), received.Added.Select(Printed));
        Assert.Equal(sent.FileDiagnostics.Select(Printed), received.FileDiagnostics.Select(Printed));
        Assert.Null(received.Added[1].Hints);
        // Diagnostics pointing into the same file share its text, as they did where they were made.
        Assert.Same(received.Added[2].Span!.Value.Source, received.FileDiagnostics[0].Span!.Value.Source);
    }

    [Fact]
    public void TheSetupAndARequestComeBackAsTheyWereSent()
    {
        var options = new BuildOptions { Paths = ["papers/op-001", "/elsewhere/draft.md"], OutputFolder = "/tmp/out", Formats = OutputFormats.Pdf, Draft = true, Write = false };
        var setup = RenderProtocol.DecodeSetup(RenderProtocol.Read(new MemoryStream(RenderProtocol.EncodeSetup(RenderProtocol.Setup.Of(options))))!)!;

        Assert.Equal(options.Paths, setup.Paths);
        Assert.Equal((options.OutputFolder, options.Formats, options.Draft, options.LinkPdf, options.Write), (setup.OutputFolder, setup.Formats, setup.Draft, setup.LinkPdf, setup.Write));
        Assert.Equal("papers/op-002/paper.md", RenderProtocol.DecodeRequest(RenderProtocol.Read(new MemoryStream(RenderProtocol.EncodeRequest("papers/op-002/paper.md")))!));
        Assert.Null(RenderProtocol.DecodeReply(RenderProtocol.Read(new MemoryStream(RenderProtocol.EncodeNotRendered()))!));
    }

    [Fact]
    public void AStreamThatEndsOrSaysANegativeLengthIsNoFrame()
    {
        Assert.Null(RenderProtocol.Read(new MemoryStream()));
        Assert.Null(RenderProtocol.Read(new MemoryStream([1, 0])));
        Assert.Throws<InvalidDataException>(() => RenderProtocol.Read(new MemoryStream([0xff, 0xff, 0xff, 0xff, 1])));
        Assert.Throws<EndOfStreamException>(() => RenderProtocol.Read(new MemoryStream([9, 0, 0, 0, 1])));
    }

    private static string Printed(Diagnostic d) =>
        $"{d.Severity} {d.Code} {d.Message} [{string.Join("|", d.HintList)}] {d.Path} {d.Span?.ToString()} {d.Span?.Text} {d.Span?.Source.Text.Length}";
}
