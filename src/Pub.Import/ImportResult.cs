// Pub.Import: a Word document (.docx, read with the Open XML SDK) → the text of a pub manuscript, its
// figures, the bibliography items it cites that the project lacks, and a report of what an editor should
// look at. It writes nothing: the compiler decides where the files go.
using Pub.Citations;
using Pub.Syntax;

namespace Pub.Import;

/// <summary>What to do with tracked changes: refuse to import (the default), or take the document as it
/// would read with every change accepted, or with every change rejected.</summary>
public enum TrackedChanges
{
    Refuse,
    Accept,
    Reject,
}

/// <summary>A place in the Word document, as an editor finds it: the paragraph's number (every paragraph of
/// the body in reading order, table cells included, from 1) and its first words.</summary>
public sealed record DocumentPosition(int Paragraph, string FirstWords)
{
    public override string ToString() => $"paragraph {Paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture)} (\"{FirstWords}\")";
}

/// <summary>Something the import could not carry over faithfully, for an editor to look at.</summary>
public sealed record ReviewNote(DocumentPosition Position, string Message);

/// <summary>A tracked change or a comment, with who made it.</summary>
public sealed record Revision(DocumentPosition Position, string Kind, string Author);

/// <summary>The front matter the document yields; null or empty where it says nothing.</summary>
public sealed record ImportedFrontMatter(
    string? Title,
    string? Subtitle,
    IReadOnlyList<string> Authors,
    string? Language,
    IReadOnlyList<string> Keywords,
    string? Abstract);

/// <summary>An image taken out of the document, to be written below the manuscript's folder.</summary>
public sealed record ImportedFigure(string Path, byte[] Content);

/// <summary>How much of each kind was imported, for the report.</summary>
public sealed record ImportCounts(int Sections, int Footnotes, int Tables, int Figures, int Citations, int ReferencesMatched, int ReferencesAdded);

/// <summary>The imported manuscript. <see cref="Body"/> is Markdown without front matter; <see cref="AddedReferences"/>
/// are the cited items the project's bibliography lacks, under the keys the body uses.</summary>
public sealed record ImportResult(
    ImportedFrontMatter FrontMatter,
    string Body,
    IReadOnlyList<ImportedFigure> Figures,
    IReadOnlyList<Reference> AddedReferences,
    ImportCounts Counts,
    IReadOnlyList<ReviewNote> Review,
    IReadOnlyList<Revision> Comments);

/// <summary>A failed import: nothing to write, and why.</summary>
public sealed record ImportFailure(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Revision> Revisions);
