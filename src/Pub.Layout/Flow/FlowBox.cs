using Pub.Layout.Paged;

namespace Pub.Layout.Flow;

/// <summary>A heading's bookmark, anchored inside a flow box.</summary>
internal sealed record OutlineMark(int Level, string Title, double Y, string? Destination = null);

/// <summary>
/// One unbreakable slice of the galley: a line of a paragraph, a table row, a figure. Items are relative to
/// the box (x from the left edge of the text area, y from the box's top); distribution only decides on which
/// page and at what height each box stands.
/// </summary>
internal sealed class FlowBox
{
    public double Height { get; set; }

    /// <summary>Baseline of the first line inside the box (list markers align to it).</summary>
    public double? FirstBaseline { get; set; }

    public List<PageItem> Items { get; } = [];

    public List<OutlineMark> Outline { get; } = [];

    /// <summary>Space above the box; dropped when the box opens a page.</summary>
    public double SpaceBefore { get; set; }

    /// <summary>The box must stand on the same page as the next one (headings, a paragraph's first line).</summary>
    public bool KeepWithNext { get; set; }

    public bool PageBreakBefore { get; set; }

    /// <summary>The page this box opens carries no running head (a chapter's first page).</summary>
    public bool OpensChapter { get; set; }

    /// <summary>From this box on, right pages carry this running head.</summary>
    public string? RunningTitle { get; set; }

    /// <summary>From this box on, left pages carry this running head instead of the series (a chapter's authors);
    /// a box that opens a chapter and has none puts the series back.</summary>
    public string? RunningVerso { get; set; }

    /// <summary>The page this box opens must be a right-hand page (a handbook chapter's opening).</summary>
    public bool OpensRecto { get; set; }

    /// <summary>For a table's body row: the header rows, repeated above it when it opens a page.</summary>
    public IReadOnlyList<FlowBox>? RepeatedHeader { get; set; }

    public void Add(PageItem item, double dx, double dy) => Items.Add(item.Translate(dx, dy));
}
