using System.Globalization;
using System.Text;
using Pub.Syntax;

namespace Pub.Layout.Paged;

/// <summary>One page: its physical number (1 for the first; odd numbers are right-hand pages), its size in points
/// and what is placed on it, in drawing order. <see cref="Label"/> is the number printed on it and shown by viewers
/// ("iii" in the front matter, "1" on the first page of the body).</summary>
public sealed record Page(int Number, double Width, double Height, IReadOnlyList<PageItem> Items)
{
    public string Label { get; init; } = Number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A bookmark: a heading's level (1 = top), its plain title, where it stands, and the named destination
/// at the heading (links and the table of contents point there).</summary>
public sealed record OutlineEntry(int Level, string Title, int PageIndex, double Y, string? Destination = null);

/// <summary>A font face the pages use, with the bytes the writer embeds and, when layout measured with it, the
/// face itself (the writer reads its advance widths to place kerned glyphs).</summary>
public sealed record FaceData(string Id, string Family, bool Bold, bool Italic, byte[] Data)
{
    public Fonts.FontFace? Face { get; init; }
}

/// <summary>Document-level metadata for the PDF's Info dictionary and XMP.</summary>
public sealed record PagedMetadata(
    string Title,
    IReadOnlyList<string> Authors,
    string? Subject,
    IReadOnlyList<string> Keywords,
    string Language,
    DateTime? Created);

/// <summary>
/// The result of layout: positioned items on pages, with nothing of the PDF library in it. The PDF writer
/// serialises it; tests read it through <see cref="Dump"/>.
/// </summary>
public sealed record PagedDocument(
    IReadOnlyList<Page> Pages,
    IReadOnlyList<OutlineEntry> Outline,
    IReadOnlyList<FaceData> Faces,
    IReadOnlyDictionary<string, byte[]> Images,
    PagedMetadata Metadata,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>How pages are numbered, by range; empty means arabic from 1 on the first page.</summary>
    public IReadOnlyList<PageNumberRange> Numbering { get; init; } = [];
    /// <summary>The first and last page label of each chapter of a handbook, by chapter index.</summary>
    public IReadOnlyList<(string First, string Last)> ChapterPages { get; init; } = [];

    /// <summary>The SVG figures and logos, by path, as <see cref="ImageItem"/>s name them.</summary>
    public IReadOnlyDictionary<string, Vector.VectorDrawing> Drawings { get; init; } = new Dictionary<string, Vector.VectorDrawing>();

    /// <summary>The logical structure, in element id order (element 1 is the root); page items point into it.</summary>
    public IReadOnlyList<StructureElement> Structure { get; init; } = [];

    /// <summary>A stable text form: one line per page item, coordinates rounded to 0.01 point.</summary>
    public string Dump()
    {
        var text = new StringBuilder();
        var m = Metadata;
        text.Append(CultureInfo.InvariantCulture, $"title {m.Title}\n");
        text.Append(CultureInfo.InvariantCulture, $"authors {string.Join("; ", m.Authors)}\n");
        if (m.Subject is not null)
            text.Append(CultureInfo.InvariantCulture, $"subject {m.Subject}\n");
        if (m.Keywords.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"keywords {string.Join(", ", m.Keywords)}\n");
        text.Append(CultureInfo.InvariantCulture, $"language {m.Language}\n");
        if (m.Created is { } created)
            text.Append(CultureInfo.InvariantCulture, $"created {created:yyyy-MM-dd}\n");
        foreach (var page in Pages)
        {
            text.Append(CultureInfo.InvariantCulture, $"page {page.Number} {page.Width:0.00}x{page.Height:0.00} label {page.Label}\n");
            foreach (var item in page.Items)
                text.Append("  ").Append(item.DumpLine()).Append('\n');
        }
        foreach (var (path, drawing) in Drawings.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"drawing {Quote(path)} {drawing.Width:0.00}x{drawing.Height:0.00}\n");
            foreach (var line in drawing.DumpLines())
                text.Append("  ").Append(line).Append('\n');
        }
        DumpStructure(text);
        foreach (var entry in Outline)
            text.Append(CultureInfo.InvariantCulture, $"outline {entry.Level} p{entry.PageIndex + 1} {entry.Y:0.00} {entry.Title}\n");
        foreach (var d in Diagnostics)
            text.Append(CultureInfo.InvariantCulture, $"{d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}\n");
        return text.ToString();
    }

    /// <summary>The structure elements that hold content, each with its role, parent and the start of its own text.</summary>
    private void DumpStructure(StringBuilder text)
    {
        if (Structure.Count == 0)
            return;
        var own = new Dictionary<int, StringBuilder>();
        var used = new HashSet<int>();
        foreach (var item in Pages.SelectMany(p => p.Items))
        {
            if (item.Tag <= 0 || item.Tag > Structure.Count)
                continue;
            if (!own.TryGetValue(item.Tag, out var words))
                own[item.Tag] = words = new StringBuilder();
            if (item is TextRun run)
                words.Append(run.Text);
            else if (item is ImageItem image)
                words.Append('[').Append(image.Path).Append(']');
            for (int id = item.Tag; id > 0 && used.Add(id); id = Structure[id - 1].Parent)
            {
            }
        }
        foreach (var element in Structure.Where(e => used.Contains(e.Id)))
        {
            text.Append(CultureInfo.InvariantCulture, $"struct {element.Id} {element.Role} in {element.Parent}");
            if (element.Alt is { } alt)
                text.Append(" alt=").Append(Quote(alt));
            if (element.Follows is { } follows)
                text.Append(CultureInfo.InvariantCulture, $" follows {follows}");
            if (own.TryGetValue(element.Id, out var words) && words.Length > 0)
            {
                string start = words.ToString();
                text.Append(' ').Append(Quote(start.Length > 40 ? start[..40] + "…" : start));
            }
            text.Append('\n');
        }
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
