using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Pub.Layout.Paged;

namespace Pub.Layout.Vector;

/// <summary>
/// Reads the part of SVG that charts, diagrams and logos are drawn with: shapes (path, rect, circle, ellipse, line,
/// polyline, polygon), groups with transforms, use of elements and symbols of the file, text with tspans, solid fills
/// and strokes, and the root's size and viewBox. Everything else is left out with a note.
/// The reader is also the gate for unsafe files. It never follows a reference: a DOCTYPE or entity declaration,
/// script, event handlers, foreign content and any href that is not a fragment of the file itself refuse the
/// figure, as do dimensions no page can hold. Each problem carries its line in the SVG.
/// </summary>
public static class SvgReader
{
    /// <summary>The largest side a figure may declare, in points: 200 inches, the largest page PDF allows.</summary>
    public const double MaxSide = 14_400;

    /// <summary>More elements than any chart needs; a file with more is refused before it takes the time to draw.</summary>
    public const int MaxElements = 100_000;

    public const int MaxDepth = 64;

    private const double PointsPerPixel = 0.75;

    public static SvgFigure Read(ReadOnlySpan<byte> data)
    {
        // A DOCTYPE is refused before any XML is parsed: an entity can expand without bound or name another file.
        string text = Encoding.UTF8.GetString(data);
        foreach (var marker in new[] { "<!DOCTYPE", "<!ENTITY" })
        {
            int at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
                return Refused(SvgProblemKind.Doctype, LineOf(text, at), "declares a DOCTYPE or entities, which pub does not read");
        }
        XDocument document;
        try
        {
            using var xml = XmlReader.Create(new StringReader(text), Settings);
            document = XDocument.Load(xml, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            return Refused(SvgProblemKind.Unreadable, e.LineNumber, "is not well-formed XML: " + FirstSentence(e.Message));
        }
        return new SvgReading().Run(document);
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 16 * 1024 * 1024,
        MaxCharactersFromEntities = 1024,
    };

    private static SvgFigure Refused(SvgProblemKind kind, int line, string message) => new(0, 0, [], [new SvgProblem(kind, line, message)]);

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    internal static double? Length(string? value)
    {
        if (value is null)
            return null;
        value = value.Trim();
        (string unit, double factor) = value switch
        {
            _ when value.EndsWith("px", StringComparison.Ordinal) => ("px", PointsPerPixel),
            _ when value.EndsWith("pt", StringComparison.Ordinal) => ("pt", 1),
            _ when value.EndsWith("pc", StringComparison.Ordinal) => ("pc", 12),
            _ when value.EndsWith("mm", StringComparison.Ordinal) => ("mm", 72 / 25.4),
            _ when value.EndsWith("cm", StringComparison.Ordinal) => ("cm", 72 / 2.54),
            _ when value.EndsWith("in", StringComparison.Ordinal) => ("in", 72),
            _ => ("", PointsPerPixel),
        };
        return double.TryParse(value[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number * factor : null;
    }

    internal static double Number(string? value, double fallback = 0) =>
        value is not null && double.TryParse(value.Trim().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "",
            NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : fallback;
}
