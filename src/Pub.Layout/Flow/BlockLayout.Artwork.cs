using System.Globalization;
using Pub.Layout.Fonts;
using Pub.Layout.Images;
using Pub.Layout.Paged;
using Pub.Layout.Text;
using Pub.Layout.Vector;

namespace Pub.Layout.Flow;

/// <summary>What a figure or logo draws and its natural size in points. A raster image has no printed size of its
/// own worth keeping (its resolution is often a default), so <see cref="Vector"/> tells whether the size is meant.</summary>
internal readonly record struct Artwork(double Width, double Height, bool Vector, int Page);

internal sealed partial class BlockLayout
{
    /// <summary>SVG figures drawn so far, by path; each is measured once and drawn into one form however often it appears.</summary>
    public Dictionary<string, VectorDrawing> Drawings { get; } = new(StringComparer.Ordinal);

    /// <summary>The artwork at <paramref name="path"/>, recorded for the writer; null when layout was not given it or
    /// cannot read it (the compiler reported why before layout).</summary>
    public Artwork? Artwork(string path, int page)
    {
        if (!settings.Images.TryGetValue(path, out var bytes))
            return null;
        if (ImageHeader.Read(bytes) is { } header)
        {
            UsedImages[path] = bytes;
            return new Artwork(header.WidthPoints, header.HeightPoints, Vector: false, 1);
        }
        if (settings.PdfPages.TryGetValue(path, out var pages))
        {
            if (page < 1 || page > pages.Count)
                return null;
            UsedImages[path] = bytes;
            return new Artwork(pages[page - 1].Width, pages[page - 1].Height, Vector: true, page);
        }
        if (!Drawings.TryGetValue(path, out var drawing))
        {
            var svg = SvgReader.Read(bytes);
            if (!svg.Drawable)
                return null;
            Drawings[path] = drawing = Drawing(svg);
        }
        return new Artwork(drawing.Width, drawing.Height, Vector: true, 1);
    }

    /// <summary>The SVG's text set in the edition's faces: the sans (or the serif when the SVG asks for one), bold when
    /// the SVG says so, at the size the SVG's transforms give it, and anchored as the SVG anchors it. A turned
    /// label (an axis title) keeps its angle.</summary>
    private VectorDrawing Drawing(SvgFigure svg)
    {
        var marks = new List<VectorMark>();
        var line = new List<SvgText>();
        foreach (var mark in svg.Marks)
        {
            if (mark is SvgText { Continues: true } more && line.Count > 0)
            {
                line.Add(more);
                continue;
            }
            SetLine(line, marks);
            if (mark is SvgText text)
                line.Add(text);
            else
                marks.Add(mark);
        }
        SetLine(line, marks);
        return new VectorDrawing(svg.Width, svg.Height, marks);
    }

    /// <summary>Sets a line of SVG text (the pieces of one chunk, each in its own style, one after the other) from the
    /// first piece's anchor point, along the direction its transform turns the x axis.</summary>
    private void SetLine(List<SvgText> line, List<VectorMark> marks)
    {
        if (line.Count == 0)
            return;
        var first = line[0];
        var pieces = new List<(Piece Piece, Colour Fill)>();
        foreach (var text in line)
        {
            double size = text.Size * text.Transform.Scale;
            if (size < 0.5)
                continue;
            var style = new TextStyle(text.Serif ? FontRole.Text : FontRole.Heading, text.Bold, false, size, Colour: text.Fill, Hyphenate: false);
            pieces.AddRange(measurer.Pieces(text.Text, style).Select(p => (p, text.Fill)));
        }
        line.Clear();
        double width = pieces.Sum(p => p.Piece.Width);
        double along = first.Anchor switch { TextAnchor.Middle => -width / 2, TextAnchor.End => -width, _ => 0 };
        var origin = first.Transform.Apply(first.X, first.Y);
        double angle = Math.Atan2(first.Transform.B, first.Transform.A);
        double ux = Math.Cos(angle), uy = Math.Sin(angle);
        foreach (var (piece, fill) in pieces)
        {
            var run = piece.ToRun(origin.X + ux * along, origin.Y + uy * along, fill);
            // The run's rotation turns counterclockwise as seen on the page; y grows downward here.
            marks.Add(new VectorText(angle == 0 ? run : run with { Rotation = -angle * 180 / Math.PI }));
            along += piece.Width;
        }
    }

    /// <summary>A figure's width attribute as a width on the page: a percentage of the measure, or a length in cm,
    /// mm, in, pt or px; null when absent or unreadable.</summary>
    private static double? RequestedWidth(string? value, double measure)
    {
        if (value is null)
            return null;
        value = value.Trim();
        if (value.EndsWith('%'))
            return double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent > 0
                ? measure * Math.Min(percent, 100) / 100 : null;
        return value.Length > 2 && char.IsLetter(value[^1]) && SvgReader.Length(value) is { } points and > 0 ? points : null;
    }
}
