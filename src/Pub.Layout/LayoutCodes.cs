using Pub.Syntax;

namespace Pub.Layout;

/// <summary>Diagnostic codes raised by layout (the 09xx range of the catalogue).</summary>
public static class LayoutCodes
{
    public static readonly DiagnosticCode MissingGlyph = new("PUB0901", "no loaded font has a glyph for a character");
    public static readonly DiagnosticCode MissingImageData = new("PUB0902", "figure image was not supplied to layout");
    public static readonly DiagnosticCode UnreadableImage = new("PUB0903", "figure image is not a readable PNG or JPEG");
}
