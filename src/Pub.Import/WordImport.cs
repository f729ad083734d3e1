using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pub.Syntax;

namespace Pub.Import;

/// <summary>Reads a .docx. Tracked changes are looked for first: unless the caller says to accept or to reject
/// them, a document with any is refused with the list, because importing would silently decide for the author.</summary>
public static class WordImport
{
    /// <summary>The largest .docx read (a 300-page report with its pictures is about 20 MB).</summary>
    public const int MaxBytes = 100 * 1024 * 1024;

    /// <summary>The most characters one XML part may hold once unpacked: a small file that unpacks to gigabytes
    /// of XML is refused instead of filling the memory.</summary>
    public const long MaxCharactersInPart = 64L * 1024 * 1024;

    public static (ImportResult? Result, ImportFailure? Failure) Read(byte[] docx, string path, TrackedChanges changes, CitationLinker linker)
    {
        if (docx.Length > MaxBytes)
        {
            return (null, Unreadable(path, $"it is larger than {MaxBytes / (1024 * 1024)} MB"));
        }
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            if (document.MainDocumentPart is not { Document.Body: not null } main)
            {
                return (null, Unreadable(path, "it has no document body"));
            }
            var converter = new DocumentConverter(main, linker, changes, path);
            var revisions = Revisions(main, converter);
            if (revisions.Count > 0 && changes == TrackedChanges.Refuse)
            {
                var diagnostics = revisions.Select(r => Diagnostic.Error(Codes.TrackedChangesRefused, $"{r.Position}: {r.Kind} by {r.Author}", null,
                    "accept or reject the changes in Word, or import with --accept-changes or --reject-changes") with { Path = path }).ToList();
                return (null, new ImportFailure(diagnostics, revisions));
            }
            var result = converter.Convert(Comments(main, converter));
            return (result, converter.Diagnostics.Count == 0 ? null : new ImportFailure(converter.Diagnostics, []));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return (null, Unreadable(path, ex.Message));
        }
    }

    private static ImportFailure Unreadable(string path, string why) =>
        new([Diagnostic.Error(Codes.UnreadableWordDocument, $"cannot read the Word document: {why}", null, "save it from Word as a .docx (Word Document) and try again") with { Path = path }], []);

    /// <summary>Every insertion, deletion and move in the body and the notes, in reading order.</summary>
    private static List<Revision> Revisions(MainDocumentPart main, DocumentConverter converter)
    {
        var roots = new OpenXmlElement?[] { main.Document?.Body, main.FootnotesPart?.Footnotes, main.EndnotesPart?.Endnotes };
        var found = new List<Revision>();
        foreach (var root in roots.OfType<OpenXmlElement>())
        {
            foreach (var change in root.Descendants().Where(e => e is InsertedRun or DeletedRun or MoveFromRun or MoveToRun))
            {
                var author = change.GetAttributes().FirstOrDefault(a => a.LocalName == "author").Value ?? "unknown author";
                var kind = change switch
                {
                    InsertedRun => "insertion",
                    DeletedRun => "deletion",
                    _ => "move",
                };
                found.Add(new Revision(PositionIn(change, root, main, converter), kind, author));
            }
        }
        return found;
    }

    private static List<Revision> Comments(MainDocumentPart main, DocumentConverter converter)
    {
        var authors = (main.WordprocessingCommentsPart?.Comments?.Elements<Comment>() ?? [])
            .Where(c => c.Id?.Value is not null)
            .GroupBy(c => c.Id!.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Author: g.First().Author?.Value ?? "unknown author", Text: g.First().InnerText), StringComparer.Ordinal);
        var found = new List<Revision>();
        foreach (var reference in main.Document?.Body?.Descendants<CommentReference>() ?? [])
        {
            if (reference.Id?.Value is { } id && authors.TryGetValue(id, out var comment))
            {
                var text = comment.Text.Length > 60 ? comment.Text[..60] + "…" : comment.Text;
                found.Add(new Revision(PositionIn(reference, main.Document!.Body!, main, converter), $"comment \"{text}\"", comment.Author));
            }
        }
        return found;
    }

    private static DocumentPosition PositionIn(OpenXmlElement element, OpenXmlElement root, MainDocumentPart main, DocumentConverter converter)
    {
        var paragraph = element.Ancestors<Paragraph>().FirstOrDefault();
        if (paragraph is null)
        {
            return new DocumentPosition(0, "");
        }
        if (root is Body)
        {
            return converter.PositionOf(paragraph);
        }
        // In a note: the paragraph that refers to the note.
        var note = element.Ancestors().FirstOrDefault(a => a is Footnote or Endnote);
        var id = note switch
        {
            Footnote f => f.Id?.Value,
            Endnote e => e.Id?.Value,
            _ => null,
        };
        var referring = note is Footnote
            ? main.Document!.Body!.Descendants<FootnoteReference>().FirstOrDefault(r => r.Id?.Value == id)
            : (OpenXmlElement?)main.Document!.Body!.Descendants<EndnoteReference>().FirstOrDefault(r => r.Id?.Value == id);
        var position = referring?.Ancestors<Paragraph>().FirstOrDefault() is { } p ? converter.PositionOf(p) : new DocumentPosition(0, "");
        return position with { FirstWords = "note: " + converter.PositionOf(paragraph).FirstWords };
    }
}
