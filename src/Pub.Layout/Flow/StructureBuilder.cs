using Pub.Layout.Paged;

namespace Pub.Layout.Flow;

/// <summary>
/// Builds the logical structure while blocks are set. Block layout opens an element around each block (a
/// paragraph, a list item, a table cell) and every text run or image emitted meanwhile belongs to it. Inline
/// elements (links, footnote references) are created when their inlines are collected, before it is known which
/// block their text will be set in; they float until their text is emitted and then hang under the element
/// open at that moment. Text that is set only to be measured creates elements that never get content; the PDF
/// writer leaves those out, because it builds the tree from the content it draws.
/// </summary>
internal sealed class StructureBuilder
{
    private readonly List<StructureElement> _elements = [new(1, StructureRole.Document, 0)];
    private readonly List<int> _open = [1];
    private readonly Dictionary<string, int> _noteReferences = new(StringComparer.Ordinal);

    public IReadOnlyList<StructureElement> Elements => _elements;

    /// <summary>The element that text emitted now belongs to.</summary>
    public int Current => _open[^1];

    public int Open(StructureRole role, string? alt = null, int? follows = null)
    {
        int id = Add(role, Current, alt, follows);
        _open.Add(id);
        return id;
    }

    public void Close()
    {
        if (_open.Count > 1)
            _open.RemoveAt(_open.Count - 1);
    }

    /// <summary>Runs <paramref name="body"/> inside a new element.</summary>
    public void Within(StructureRole role, Action body, string? alt = null)
    {
        Open(role, alt);
        try
        {
            body();
        }
        finally
        {
            Close();
        }
    }

    /// <summary>An element that is not opened; a parent of -1 makes it float (inline elements).</summary>
    public int Add(StructureRole role, int parent, string? alt = null, int? follows = null)
    {
        int id = _elements.Count + 1;
        _elements.Add(new StructureElement(id, role, parent, alt, follows));
        return id;
    }

    /// <summary>A footnote reference: a Reference element holding the Link to the note.</summary>
    public int NoteReference(string anchor, int parent)
    {
        int reference = Add(StructureRole.Reference, parent);
        _noteReferences[anchor] = reference;
        return Add(StructureRole.Link, reference);
    }

    /// <summary>The Reference element of a footnote reference anchor, if one was collected.</summary>
    public int? ReferenceOf(string anchor) => _noteReferences.TryGetValue(anchor, out var id) ? id : null;

    public StructureElement this[int id] => _elements[id - 1];

    /// <summary>Gives emitted items their element: untagged text and images take the open element; a floating
    /// inline element is attached to it. Rules, rectangles and other decoration stay artifacts.</summary>
    public PageItem Claim(PageItem item)
    {
        switch (item)
        {
            case TextRun or ImageItem when item.Tag == 0:
                return item with { Tag = Current };
            case LinkItem when item.Tag == 0:
                return item with { Tag = Add(StructureRole.Link, Current) };
            case TextRun or LinkItem or ImageItem:
                Attach(item.Tag);
                return item;
            default:
                return item;
        }
    }

    /// <summary>Hangs the outermost inline element above <paramref name="id"/> under the open element, unless
    /// it already hangs under a block. The last emission wins: text measured aside first and set for real later
    /// ends up where it is set.</summary>
    private void Attach(int id)
    {
        int at = id;
        while (this[at].IsInline && this[at].Parent is var parent && parent > 0 && this[parent].IsInline)
            at = parent;
        var element = this[at];
        if (element.IsInline && element.Parent != Current && !_open.Contains(at))
            _elements[at - 1] = element with { Parent = Current };
    }
}
