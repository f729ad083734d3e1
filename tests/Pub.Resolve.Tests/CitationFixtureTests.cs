using System.Text;
using Pub.Citations;
using Pub.Citations.Readers;
using Pub.Markdown;
using Pub.Model;
using Pub.Syntax;
using Pub.Testing;
using Xunit;

namespace Pub.Resolve.Tests;

/// <summary>
/// Golden tests of citations in manuscripts: each tests/fixtures/citations/&lt;case&gt;.md is parsed and
/// resolved with the house note style (or the style its front matter names under csl:) and the
/// fixture bibliography; the resolved tree and the diagnostics are compared with &lt;case&gt;.model.txt
/// and &lt;case&gt;.diag.txt.
/// </summary>
public sealed class CitationFixtureTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "fixtures", "citations");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Folder, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResolvedCitationsMatchTheGoldenFiles(string name)
    {
        var (document, diagnostics) = Resolve(name);
        Golden.Assert($"citations/{name}.model.txt", ModelDump.Dump(document));
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            text.Append(DiagnosticFormatter.Text(diagnostic));
        }
        Golden.Assert($"citations/{name}.diag.txt", text.ToString());
    }

    internal static (Document Document, IReadOnlyList<Diagnostic> Diagnostics) Resolve(string name)
    {
        var path = $"tests/fixtures/citations/{name}.md";
        var parsed = ManuscriptParser.Parse(new SourceText(path, File.ReadAllText(Path.Combine(RepoPaths.Root, path)).Replace("\r\n", "\n", StringComparison.Ordinal)));
        var document = parsed.Document!;
        var stylePath = document.Meta.Csl is { } csl ? Path.Combine(Folder, csl) : Path.Combine(RepoPaths.Root, "templates", "csl", "pub-note.csl");
        var styleBag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText(stylePath, File.ReadAllText(stylePath)), styleBag)!;
        Assert.Empty(styleBag.Items);
        var bibliography = Path.Combine(Folder, "references.yaml");
        var (references, readerDiagnostics) = CslYamlReader.Read(new SourceText("tests/fixtures/citations/references.yaml", File.ReadAllText(bibliography)));
        Assert.Empty(readerDiagnostics);
        var context = new ResolveContext(_ => true, _ => null)
        {
            Citations = new CitationSetup(style, LocaleSet.Builtin, references),
        };
        var resolved = Resolver.Resolve(document, context);
        return (resolved, [.. parsed.Diagnostics, .. context.Diagnostics.Items]);
    }
}
