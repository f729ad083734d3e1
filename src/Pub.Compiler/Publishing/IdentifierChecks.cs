using Pub.Syntax;

namespace Pub.Compiler.Publishing;

/// <summary>Checks a manuscript's <c>isbn</c> and <c>doi</c> fields, reporting at the field. A DOI the
/// front-matter reader has already rejected is not reported twice.</summary>
internal static class IdentifierChecks
{
    public static Manuscript Apply(Manuscript manuscript)
    {
        if (manuscript.Document is not { } document)
        {
            return manuscript;
        }
        var found = new List<Diagnostic>();
        if (document.Meta.Isbn is { } isbn && Identifiers.CheckIsbn(isbn) is { } isbnProblem)
        {
            found.Add(Diagnostic.Error(Codes.InvalidIsbn, $"'{isbn}' is not a valid ISBN: {isbnProblem}", ManuscriptLoader.FieldValueSpan(document, "isbn"),
                "copy the ISBN from the agency's assignment; a wrong check digit usually means a mistyped digit"));
        }
        if (document.Meta.Doi is { } doi && Identifiers.CheckDoi(doi) is { } doiProblem
            && !manuscript.Diagnostics.Any(d => d.Span is { } s && s.Source == document.Source && ManuscriptLoader.FieldValueSpan(document, "doi") is { } field && s.Line == field.Line))
        {
            found.Add(Diagnostic.Error(Codes.InvalidDoi, $"'{doi}' is not a valid DOI: {doiProblem}", ManuscriptLoader.FieldValueSpan(document, "doi"),
                "a DOI looks like 10.1234/op.3"));
        }
        return found.Count == 0 ? manuscript : manuscript with { Diagnostics = [.. manuscript.Diagnostics, .. found] };
    }
}
