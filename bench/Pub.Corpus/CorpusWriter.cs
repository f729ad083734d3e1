// Writes a whole corpus as a pub project that Pandoc and Typst read as well:
//   pub.yaml, templates/ (a copy of pub's), styles/<style>.csl,
//   papers/references.json (CSL-JSON: pub, Pandoc), papers/references.bib (BibTeX: Typst),
//   papers/op-NNN-generated/paper.md (pub, Pandoc; bibliography and csl in its front matter are relative
//   to the manuscript's folder) and paper.typ (Typst, compiled with the corpus folder as its root).
namespace Pub.Corpus;

public sealed record CorpusOptions(string Output, int Papers, int References, ulong Seed, string StyleFile, string Templates);

public static class CorpusWriter
{
    /// <summary>Styles Typst carries under the same name as the official CSL repository; any other style is
    /// given to Typst as the CSL file.</summary>
    private static readonly HashSet<string> TypstBuiltInStyles = new(StringComparer.Ordinal)
    {
        "chicago-author-date", "chicago-notes", "ieee", "apa", "modern-language-association", "harvard-cite-them-right", "nature",
    };

    public static IReadOnlyList<Manuscript> Write(CorpusOptions options)
    {
        var random = new Seeded(options.Seed);
        var references = BibliographyGenerator.Generate(random, options.References);
        var generator = new ManuscriptGenerator(random, references);
        var manuscripts = Enumerable.Range(1, options.Papers).Select(generator.Generate).ToList();

        var styleName = Path.GetFileNameWithoutExtension(options.StyleFile);
        Directory.CreateDirectory(Path.Combine(options.Output, "papers"));
        Directory.CreateDirectory(Path.Combine(options.Output, "styles"));
        File.WriteAllText(Path.Combine(options.Output, "pub.yaml"), ProjectFile());
        File.Copy(options.StyleFile, Path.Combine(options.Output, "styles", styleName + ".csl"), overwrite: true);
        CopyFolder(options.Templates, Path.Combine(options.Output, "templates"));
        File.WriteAllText(Path.Combine(options.Output, "papers", "references.json"), BibliographyWriter.CslJson(references));
        File.WriteAllText(Path.Combine(options.Output, "papers", "references.bib"), BibliographyWriter.BibTeX(references));
        var typstStyle = TypstBuiltInStyles.Contains(styleName) ? styleName : $"/styles/{styleName}.csl";
        foreach (var manuscript in manuscripts)
        {
            var folder = Path.Combine(options.Output, "papers", manuscript.Folder);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "paper.md"), MarkdownWriter.Write(manuscript, "../references.json", $"../../styles/{styleName}.csl"));
            File.WriteAllText(Path.Combine(folder, "paper.typ"), TypstWriter.Write(manuscript, "/papers/references.bib", typstStyle));
        }
        return manuscripts;
    }

    private static string ProjectFile() => """
        # A generated corpus for whole-process comparisons (bench/Pub.Corpus).
        publisher:
          name: "OSCE Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings"
          place: Vienna
        series:
          - id: op
            title: "Occasional Papers on Trafficking in Human Beings in the OSCE Region"
            short-title: "Occasional Papers on THB"
            number-format: "Occasional Paper No. {number}"
            file-pattern: "op-{number:000}-{lang}-ed{edition}"
        language: en
        templates: templates
        output: dist
        fonts: []

        """;

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
