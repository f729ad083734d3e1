using Pub.Layout.Vector;
using Pub.Model;
using Pub.Pdf;
using Pub.Resolve;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// Vector figures are checked before either edition is made, so both refuse the same files: an SVG that is unsafe
/// (a DOCTYPE, script, a reference to another file or a URL), unreadable or too large stops the manuscript, with
/// the figure's place in the manuscript and the line in the SVG; a part of it pub does not draw is a warning. A PDF
/// figure must be readable and have the page its figure asks for.
/// </summary>
internal static class VectorFigureChecks
{
    public static IEnumerable<Diagnostic> Check(Document document, Func<string, byte[]?> readBytes, Func<byte[], IReadOnlyList<(double Width, double Height)>?> pdfPages)
    {
        foreach (var figure in Figures.Of(document))
        {
            if (figure.ResolvedPath is not { } path || readBytes(path) is not { } bytes)
                continue;
            var found = ImageKind.IsPdf(bytes) ? CheckPdf(figure, pdfPages(bytes))
                : ImageKind.IsSvg(path, bytes) ? CheckSvg(figure, bytes)
                : [];
            foreach (var diagnostic in found)
                yield return diagnostic;
        }
    }

    private static IEnumerable<Diagnostic> CheckSvg(Figure figure, byte[] bytes)
    {
        foreach (var problem in SvgReader.Read(bytes).Problems)
        {
            var (code, message, hint) = Describe(problem, $"SVG figure '{figure.Path}'");
            yield return problem.Refused
                ? Diagnostic.Error(code, message, figure.Span, hint)
                : Diagnostic.Warning(code, message, figure.Span, hint);
        }
    }

    /// <summary>A problem the SVG reader found, as a diagnostic's code, message and hint; <paramref name="subject"/>
    /// names the file ("SVG figure 'figures/chart.svg'", "logo 'templates/assets/logo.svg'").</summary>
    public static (DiagnosticCode Code, string Message, string Hint) Describe(SvgProblem problem, string subject)
    {
        var (code, hint) = problem.Kind switch
        {
            SvgProblemKind.Doctype => (Codes.SvgDoctype, "remove the DOCTYPE and any entities; an SVG needs neither (charting tools can export without them)"),
            SvgProblemKind.Active => (Codes.SvgActiveContent, "export the figure as a plain drawing, without interactivity or embedded HTML"),
            SvgProblemKind.External => (Codes.SvgExternalReference, "draw everything in the file itself: embed no links, linked images, fonts or style sheets"),
            SvgProblemKind.TooLarge => (Codes.VectorFigureTooLarge, "give the <svg> element a viewBox and a size that a page can hold"),
            SvgProblemKind.NotDrawn => (Codes.SvgNotDrawn, "pub draws paths, basic shapes, groups with transforms and text with solid fills and strokes"),
            _ => (Codes.UnreadableSvg, "export the figure again as an SVG file with a viewBox"),
        };
        string at = problem.Line > 0 ? $" (line {problem.Line} of the SVG)" : "";
        string message = problem.Kind == SvgProblemKind.NotDrawn
            ? $"{subject} has {problem.Message}{at}, which pub leaves out"
            : $"{subject} {problem.Message}{at}";
        return (code, message, hint);
    }

    private static IEnumerable<Diagnostic> CheckPdf(Figure figure, IReadOnlyList<(double Width, double Height)>? pages)
    {
        if (pages is null)
        {
            yield return Diagnostic.Error(Codes.UnreadablePdfFigure, $"PDF figure '{figure.Path}' cannot be read: it is damaged or encrypted", figure.Span,
                "export it again without a password or restrictions");
            yield break;
        }
        if (figure.Page is not { } page || page > pages.Count)
        {
            yield return Diagnostic.Error(Codes.PdfFigurePage, $"PDF figure '{figure.Path}' has {pages.Count} page{(pages.Count == 1 ? "" : "s")}; page '{figure.Attributes["page"]}' does not exist",
                figure.Span, "page=N picks the page, counting from 1; without it the first page is drawn");
            yield break;
        }
        var (width, height) = pages[page - 1];
        if (width > SvgReader.MaxSide || height > SvgReader.MaxSide)
            yield return Diagnostic.Error(Codes.VectorFigureTooLarge,
                FormattableString.Invariant($"PDF figure '{figure.Path}' has a page of {width / 72:0.#} × {height / 72:0.#} inches; pub draws figures of at most {SvgReader.MaxSide / 72:0} inches a side"),
                figure.Span, "export the figure at the size it is printed");
    }
}

/// <summary>The figures of a document, its chapters and notes included.</summary>
internal static class Figures
{
    public static IEnumerable<Figure> Of(Document document) =>
        new[] { document }.Concat(document.Chapters)
            .SelectMany(d => Walk.Blocks(d.Blocks.Concat(d.Notes.SelectMany(n => n.Blocks))))
            .OfType<Figure>();
}
