using System.ComponentModel;
using System.Diagnostics;
using Pub.Model;
using Pub.Pdf;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// The HTML edition shows a PDF figure as a PNG picture of its page, made at build time by poppler's pdftoppm
/// (browsers show no PDF in an img element). The PDF goes in on standard input and the PNG comes out on standard
/// output, so no file is written or read outside the output; the same PDF and poppler give the same bytes.
/// </summary>
internal static class PdfFigurePictures
{
    /// <summary>150 pixels per inch: sharp on ordinary screens at the figure's printed size, and small.</summary>
    private const int Resolution = 150;

    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    /// <summary>A picture for each PDF figure of the document, by its <see cref="Figure.PicturePath"/>, with a
    /// diagnostic for each figure that could not be rendered.</summary>
    public static (List<(string Path, byte[] Png)> Pictures, List<Diagnostic> Problems) Render(IEnumerable<Figure> figures, Func<string, byte[]?> readBytes)
    {
        var pictures = new List<(string, byte[])>();
        var problems = new List<Diagnostic>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var figure in figures)
        {
            if (figure.ResolvedPath is not { } path || figure.PicturePath is not { } picture || picture == path
                || !done.Add(picture) || readBytes(path) is not { } bytes || !PdfFigure.Is(bytes))
                continue;
            var (png, error) = Page(bytes, figure.Page ?? 1);
            if (png is not null)
                pictures.Add((picture, png));
            else
                problems.Add(Diagnostic.Error(Codes.PdfFigurePicture, $"PDF figure '{figure.Path}' could not be rendered for the HTML edition: {error}", figure.Span,
                    "pub renders PDF figures for web pages with pdftoppm from poppler-utils (apt-get install poppler-utils); or use an SVG figure, which both editions show as it is"));
        }
        return (pictures, problems);
    }

    private static (byte[]? Png, string? Error) Page(byte[] pdf, int page)
    {
        var start = new ProcessStartInfo("pdftoppm")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-png", "-r", Resolution.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", "-" })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("pdftoppm did not start");
        }
        catch (Win32Exception)
        {
            return (null, "pdftoppm is not installed");
        }
        using (process)
        {
            var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                process.StandardInput.BaseStream.Write(pdf);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // pdftoppm stopped reading (a damaged file); its exit code and message say why.
            }
            if (!process.WaitForExit(TimeLimit))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"pdftoppm took more than {TimeLimit.TotalSeconds:0} seconds");
            }
            reading.Wait();
            return process.ExitCode == 0 && output.Length > 8
                ? (output.ToArray(), null)
                : (null, $"pdftoppm failed ({errors.Result.Trim().Split('\n')[0]})");
        }
    }
}
