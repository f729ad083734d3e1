namespace Pub.Layout.Paged;

/// <summary>Standard structure types of tagged PDF (ISO 32000-1, 14.8.4) that layout produces.</summary>
public enum StructureRole
{
    Document,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    Figure,
    Caption,
    Note,
    Link,
    Reference,
    BlockQuote,
    Code,
    TOC,
    TOCI,
}

/// <summary>
/// One element of the document's logical structure. Page items point at the element they belong to
/// (<see cref="PageItem.Tag"/>); an item with tag 0 is an artifact (running heads, folios, rules, backgrounds,
/// the draft watermark). <see cref="Id"/> is the element's index in <see cref="PagedDocument.Structure"/> plus
/// one; element 1 is the <see cref="StructureRole.Document"/> root, whose <see cref="Parent"/> is 0.
/// </summary>
/// <param name="Alt">Alternative text (figures).</param>
/// <param name="Follows">For a footnote: the <see cref="StructureRole.Reference"/> that calls it. The note is
/// read right after the block that holds that reference, not where it is printed at the page foot.</param>
public sealed record StructureElement(int Id, StructureRole Role, int Parent, string? Alt = null, int? Follows = null)
{
    /// <summary>Inline elements (links, note references) belong to whichever block their text is set in.</summary>
    public bool IsInline => Role is StructureRole.Link or StructureRole.Reference;
}
