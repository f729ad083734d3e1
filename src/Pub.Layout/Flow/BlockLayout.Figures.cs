using Pub.Layout.Images;
using Pub.Layout.Paged;
using Pub.Layout.Text;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Layout.Flow;

internal sealed partial class BlockLayout
{
    private static readonly Colour Placeholder = new(0xE6, 0xE6, 0xE6);

    /// <summary>
    /// A figure is sized as the comment on its width says, keeping its aspect ratio, unless that would make it taller
    /// than a page can hold with its caption; then it is scaled to that height. It is centred, and the caption follows.
    /// </summary>
    private void Figure(Figure figure, Frame frame)
    {
        string path = figure.ResolvedPath ?? figure.Path;
        var captionFrame = frame with { Size = frame.Size * 0.95, Alignment = Alignment.Justify };
        var spans = new List<Span>();
        if (figure.Number is { } number)
            spans.Add(new TextSpan($"{Labels.Figure} {number}" + (figure.Caption.Count > 0 ? Labels.CaptionSeparator : ""), captionFrame.Style with { Bold = true }));
        spans.AddRange(Collect(figure.Caption, captionFrame.Style));
        var captionLines = Aside(() => SetText(spans, captionFrame));
        double captionHeight = captionLines.Sum(b => b.Height) + frame.Size;

        double aspect = 0.5;
        var artwork = settings.Images.ContainsKey(path) ? Artwork(path, figure.Page ?? 1) : null;
        if (artwork is { } art)
            aspect = art.Height / art.Width;
        else if (settings.Images.ContainsKey(path))
            diagnostics.Add(Diagnostic.Warning(Codes.UnreadableImage, $"image '{path}' is not a PNG, JPEG, SVG or PDF file that can be read; a placeholder is set instead"));
        else
            diagnostics.Add(Diagnostic.Warning(Codes.MissingImageData, $"image '{path}' was not supplied to layout; a placeholder is set instead"));

        // A raster image fills the measure; a vector figure keeps the size it was drawn at unless that is wider than the
        // measure; a width attribute overrides both. Height always follows the proportions.
        double width = frame.Width;
        if (RequestedWidth(figure.Attributes["width"], frame.Width) is { } requested)
            width = Math.Min(requested, frame.Width);
        else if (artwork is { Vector: true } vector)
            width = Math.Min(vector.Width, frame.Width);
        double height = width * aspect;
        double maxHeight = settings.TextHeight - captionHeight - 2 * frame.Size;
        if (height > maxHeight)
        {
            height = maxHeight;
            width = height / aspect;
        }
        double x = frame.Indent + (frame.Width - width) / 2;

        Space(Gap(frame) * 1.8);
        var box = new FlowBox { Height = height, KeepWithNext = true };
        if (Listed(figure.Number, figure.Attributes.Id, figure.Caption, isTable: false) is { } id)
            box.Items.Add(new DestinationItem(id, frame.Indent, 0));
        string alt = !string.IsNullOrWhiteSpace(figure.AltText) ? figure.AltText
            : InlineCollector.Plain(figure.Caption) is { Length: > 0 } caption ? caption : path;
        Structure.Open(StructureRole.Figure, alt);
        if (artwork is { } placed)
            box.Items.Add(new ImageItem(path, x, 0, width, height, figure.AltText) { Page = placed.Page });
        else
        {
            box.Items.Add(new RectItem(x, 0, width, height, Placeholder));
            var label = measurer.Pieces("[" + path + "]", frame.Style).ToList();
            double lx = x + Math.Max(0, (width - label.Sum(p => p.Width)) / 2);
            foreach (var piece in label)
            {
                box.Items.Add(piece.ToRun(lx, height / 2));
                lx += piece.Width;
            }
        }
        Emit(box);
        Structure.Close();
        Space(frame.Size * 0.6);
        // A one-line caption is centred under the figure; a longer one is justified.
        if (captionLines.Count == 1)
            captionFrame = captionFrame with { Alignment = Alignment.Center };
        Structure.Open(StructureRole.Caption);
        var lines = SetText(spans, captionFrame);
        Structure.Close();
        for (int i = 0; i < lines.Count - 1; i++)
            lines[i].KeepWithNext = true;
        Space(Gap(frame) * 1.8);
    }

    /// <summary>Records a numbered figure or table for the lists after the contents and returns the destination at
    /// it: its label, or a generated name when it has none. An unnumbered one is not listed.</summary>
    private string? Listed(string? number, string? id, IReadOnlyList<Inline> caption, bool isTable)
    {
        if (number is null)
            return id;
        string kind = isTable ? Labels.Table : Labels.Figure;
        id ??= (isTable ? "table-" : "figure-") + number;
        string text = InlineCollector.Plain(caption);
        Floats.Add(new ListedFloat(isTable, $"{kind} {number}" + (text.Length > 0 ? Labels.CaptionSeparator + text : ""), id));
        return id;
    }
}
