using Pub.Model;
using Pub.Syntax;

namespace Pub.Resolve;

/// <summary>Resolves figure paths against the manuscript's folder and checks that each image exists and is
/// a PNG, JPEG, SVG or PDF file (the formats both editions can show; the HTML edition shows a PDF figure as a
/// picture made at build time), and that it has alternative text: screen readers
/// read it in place of the image in both editions (the tagged PDF's Figure /Alt, the HTML img alt).</summary>
public sealed class AssetPass : IDocumentPass
{
    public Document Run(Document document, ResolveContext context)
    {
        var folder = ProjectPath.Folder(document.Path);
        var rewriter = new FigureResolver(folder, context);
        var result = rewriter.Rewrite(document with { Chapters = [] });
        return result with { Chapters = [.. document.Chapters.Select(c => Run(c, context))] };
    }

    private sealed class FigureResolver(string folder, ResolveContext context) : Rewriter
    {
        protected override Block RewriteBlock(Block block)
        {
            if (block is not Figure figure)
            {
                return block;
            }
            if (string.IsNullOrWhiteSpace(figure.AltText))
            {
                context.Diagnostics.Add(Diagnostic.Warning(Codes.MissingAltText, $"figure '{figure.Path}' has no alternative text", figure.Span,
                    "describe what the image shows for readers who cannot see it: ![Caption](path){alt=\"...\"}; the caption stands in until then"));
            }
            if (Uri.TryCreate(figure.Path, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                context.Diagnostics.Add(Diagnostic.Error(Codes.MissingImage, $"image '{figure.Path}' is on another host",
                    figure.Span, "editions may not load anything from the network; put the image beside the manuscript"));
                return figure;
            }
            var path = ProjectPath.Combine(folder, Uri.UnescapeDataString(figure.Path));
            if (context.IsOutside(path))
            {
                context.Diagnostics.Add(Diagnostic.Error(Codes.OutsideProject, $"image '{figure.Path}' leads outside the project and is refused", figure.Span,
                    ProjectPath.OutsideHint(path)));
                return figure;
            }
            if (!context.FileExists(path))
            {
                context.Diagnostics.Add(Diagnostic.Error(Codes.MissingImage, $"image '{figure.Path}' does not exist", figure.Span,
                    $"looked for {path}; image paths are relative to the manuscript's folder"));
                return figure;
            }
            var bytes = context.ReadBytes(path) ?? [];
            if (!ImageKind.IsPng(bytes) && !ImageKind.IsJpeg(bytes) && !ImageKind.IsSvg(path, bytes) && !ImageKind.IsPdf(path, bytes))
            {
                var (what, hint) = ImageKind.IsPdf(bytes) ? ("is a PDF file without the .pdf extension", "name it .pdf: the HTML edition names the picture of its page after it")
                    : ImageKind.LooksLikeSvg(bytes) ? ("is not named .svg, which an SVG file must be", "name it .svg: browsers show an SVG only under that name")
                    : ("is not a PNG, JPEG, SVG or PDF file", "charts and diagrams are sharpest as SVG or PDF; convert photographs to JPEG and other pictures to PNG");
                context.Diagnostics.Add(Diagnostic.Error(Codes.UnsupportedImage, $"image '{figure.Path}' {what}", figure.Span, hint));
                return figure;
            }
            return figure with { ResolvedPath = path };
        }
    }
}

public static class ImageKind
{
    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    public static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    /// <summary>A PDF figure is known by its content and must also be named .pdf: the HTML edition names the picture
    /// of its page after it.</summary>
    public static bool IsPdf(string path, ReadOnlySpan<byte> bytes) => IsPdf(bytes) && path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>An SVG file is XML, which has no signature: it is known by its name, and its first character (after a
    /// byte-order mark and white space) must open markup.</summary>
    /// <summary>Content that opens an svg element early on, whatever the file is called.</summary>
    public static bool LooksLikeSvg(ReadOnlySpan<byte> bytes) => IsSvg(".svg", bytes) && bytes[..Math.Min(bytes.Length, 4096)].IndexOf("<svg"u8) >= 0;

    public static bool IsSvg(string path, ReadOnlySpan<byte> bytes)
    {
        if (!path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            return false;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        bytes = bytes.TrimStart(" \t\r\n"u8);
        return bytes.Length > 0 && bytes[0] == (byte)'<';
    }
}
