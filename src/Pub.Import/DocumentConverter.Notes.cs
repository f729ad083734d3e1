using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Drawing = DocumentFormat.OpenXml.Wordprocessing.Drawing;

namespace Pub.Import;

/// <summary>Footnotes, endnotes and pictures met in the text. A note is read where it is referred to, with its
/// own field stack, and numbered in order of reference (endnotes among the footnotes); a picture is copied
/// out of the package under the next figure number.</summary>
internal sealed partial class DocumentConverter
{
    private void NoteReference(OpenXmlPart? part, OpenXmlCompositeElement? note)
    {
        if (part is null || note is null)
        {
            Note("a note reference points at no note");
            return;
        }
        // A note's paragraphs are read with their own field stack and sinks, then the paragraph resumes.
        var (fields, sinks, output, position, owner) = (_fields, _sinks, _output, _position, _part);
        _fields = new();
        _sinks = new();
        _part = part;
        _inNote = true;
        var paragraphs = new List<List<Segment>>();
        foreach (var paragraph in note.Descendants<Paragraph>())
        {
            _output = [];
            Walk(paragraph);
            paragraphs.Add(_output);
        }
        (_fields, _sinks, _output, _position, _part) = (fields, sinks, output, position, owner);
        _inNote = false;
        var nonEmpty = paragraphs.Where(p => SegmentText.Plain(p).Trim().Length > 0 || p.Any(s => s is not Segment.Text)).ToList();
        // A note that holds only citations (as Zotero writes them for a note style) becomes the citation: pub's
        // note styles make the note again, numbered with the others.
        var segments = nonEmpty.SelectMany(p => p).ToList();
        var cites = segments.OfType<Segment.Citation>().ToList();
        if (cites.Count > 0 && segments.All(s => s is Segment.Citation || (s is Segment.Text t && t.Value.Trim(' ', '.', ',', ';', '\u00A0').Length == 0)))
        {
            Emit(new Segment.Citation(string.Join("; ", cites.Select(c => c.Inner))));
            return;
        }
        var text = nonEmpty.Select(p => MarkdownText.AtLineStart(SegmentText.Render(p, _linker.Knows).Trim()));
        _notes.Add(string.Join("\n\n    ", text));
        Emit(new Segment.Markdown("[^" + _notes.Count.ToString(CultureInfo.InvariantCulture) + "]"));
    }

    private const string SvgPictureNamespace = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private void Image(Drawing drawing)
    {
        var blip = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().FirstOrDefault();
        var properties = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().FirstOrDefault();
        // Word (and Pandoc) keep an SVG picture as the drawing itself, with a PNG for older readers or none:
        // the SVG is what the author drew, and pub sets it as vectors.
        var svg = drawing.Descendants().FirstOrDefault(e => e.LocalName == "svgBlip" && e.NamespaceUri == SvgPictureNamespace)
            ?.GetAttributes().FirstOrDefault(a => a.LocalName == "embed" && a.NamespaceUri == RelationshipNamespace).Value;
        if ((svg ?? blip?.Embed?.Value) is not { } id || !_part.TryGetPartById(id, out var found) || found is not ImagePart part)
        {
            Note("a drawing that is not a picture (a chart or shape) was not imported");
            return;
        }
        var extension = part.ContentType switch
        {
            "image/png" => ".png",
            "image/jpeg" or "image/jpg" => ".jpg",
            "image/gif" => ".gif",
            "image/tiff" => ".tif",
            "image/x-emf" or "image/emf" => ".emf",
            "image/x-wmf" or "image/wmf" => ".wmf",
            "image/svg+xml" => ".svg",
            _ => ".bin",
        };
        var path = $"figures/figure-{(_figures.Count + 1).ToString(CultureInfo.InvariantCulture)}{extension}";
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _figures.Add(new ImportedFigure(path, copy.ToArray()));
        if (extension is not ".png" and not ".jpg" and not ".svg")
        {
            Note($"{path} is not a PNG, JPEG or SVG picture, which pub sets; convert it");
        }
        var description = properties?.Description?.Value;
        Emit(new Segment.Image(path, string.IsNullOrWhiteSpace(description) ? null : description.Trim()));
    }
}
