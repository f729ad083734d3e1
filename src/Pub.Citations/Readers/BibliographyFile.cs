using Pub.Syntax;

namespace Pub.Citations.Readers;

/// <summary>Reads a bibliography file in the format its extension names: <c>.json</c> CSL-JSON,
/// <c>.bib</c> BibTeX/BibLaTeX, anything else CSL-YAML.</summary>
public static class BibliographyFile
{
    public static (IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Diagnostics) Read(SourceText source)
    {
        var extension = Path.GetExtension(source.Path).ToLowerInvariant();
        switch (extension)
        {
            case ".json":
                var json = CslJsonReader.Read(source);
                return (json.References, json.Diagnostics);
            case ".bib" or ".bibtex" or ".biblatex":
                return BibTeXReader.Read(source);
            default:
                return CslYamlReader.Read(source);
        }
    }
}
