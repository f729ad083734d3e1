using Pub.Syntax;
using System.Globalization;
using System.Text;

namespace Pub.Import;

/// <summary>The imported manuscript's paper.md: front matter, then the body. A field the document did not
/// give is written as a commented placeholder, so the editor sees where it goes and <c>pub check</c> says it
/// is missing (title and authors are required).</summary>
public static class ManuscriptText
{
    public static string Compose(ImportResult result, string series, string? title, string? language, IReadOnlyList<string> bibliographies)
    {
        var meta = result.FrontMatter;
        var yaml = new StringBuilder("---\n");
        yaml.Append("series: ").Append(series).Append('\n');
        if ((title ?? meta.Title) is { Length: > 0 } chosen)
        {
            yaml.Append("title: ").Append(YamlText.Quote(chosen)).Append('\n');
        }
        else
        {
            yaml.Append("# title: \"…\"   (not found in the document: no Title style, no heading first)\n");
        }
        if (meta.Subtitle is { Length: > 0 } subtitle)
        {
            yaml.Append("subtitle: ").Append(YamlText.Quote(subtitle)).Append('\n');
        }
        if (meta.Authors.Count > 0)
        {
            yaml.Append("authors:\n");
            foreach (var author in meta.Authors)
            {
                yaml.Append("  - name: ").Append(YamlText.Quote(author)).Append('\n');
            }
        }
        else
        {
            yaml.Append("# authors:   (not found in the document: no Author paragraph, no author in its properties)\n");
            yaml.Append("#   - name: \"…\"\n#     affiliation: \"…\"\n");
        }
        yaml.Append("language: ").Append(language ?? meta.Language ?? "en").Append('\n');
        yaml.Append("status: draft\n");
        if (meta.Abstract is { Length: > 0 } summary)
        {
            yaml.Append("abstract: |\n");
            foreach (var line in summary.Split('\n'))
            {
                yaml.Append(line.Length == 0 ? "" : "  " + line).Append('\n');
            }
        }
        else
        {
            yaml.Append("# abstract: |   (not found in the document)\n#   …\n");
        }
        if (meta.Keywords.Count > 0)
        {
            yaml.Append("keywords: [").Append(string.Join(", ", meta.Keywords.Select(YamlText.Quote))).Append("]\n");
        }
        else
        {
            yaml.Append("# keywords: []   (not found in the document's properties)\n");
        }
        if (bibliographies.Count == 1)
        {
            yaml.Append("bibliography: ").Append(bibliographies[0]).Append('\n');
        }
        else if (bibliographies.Count > 1)
        {
            yaml.Append("bibliography:\n");
            foreach (var file in bibliographies)
            {
                yaml.Append("  - ").Append(file).Append('\n');
            }
        }
        yaml.Append("---\n\n");
        return yaml.Append(result.Body).ToString();
    }

    /// <summary>The report printed after an import: what was imported, then each thing to look at with its place.</summary>
    public static string Report(ImportResult result, string folder)
    {
        var c = result.Counts;
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("imported into ").Append(folder).Append('\n');
        string Count(int n, string what) => N(n) + " " + what + (n == 1 ? "" : "s");
        text.Append("  ").Append(string.Join(", ", Count(c.Sections, "section"), Count(c.Footnotes, "footnote"), Count(c.Tables, "table"),
            Count(c.Figures, "figure"), Count(c.Citations, "citation"))).Append('\n');
        text.Append("  references: ").Append(N(c.ReferencesMatched)).Append(" found in the bibliography, ").Append(N(c.ReferencesAdded)).Append(" added to ")
            .Append(folder).Append("/references.yaml\n");
        foreach (var added in result.AddedReferences)
        {
            text.Append("    added ").Append(added.Id).Append(": ").Append(added.Variables.GetValueOrDefault("title", "(no title)")).Append('\n');
        }
        var notes = result.Review.Select(r => (r.Position, r.Message)).Concat(result.Comments.Select(r => (r.Position, $"{r.Kind} by {r.Author} (not imported)"))).ToList();
        if (notes.Count == 0)
        {
            text.Append("nothing needs an editor's look\n");
            return text.ToString();
        }
        text.Append("for an editor to look at:\n");
        foreach (var (position, message) in notes.OrderBy(n => n.Position.Paragraph))
        {
            text.Append("  ").Append(position.Paragraph > 0 ? position.ToString() : "document").Append(": ").Append(message).Append('\n');
        }
        return text.ToString();
    }
}
