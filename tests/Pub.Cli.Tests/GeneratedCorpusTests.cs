// The generated corpus of the performance comparison (bench/Pub.Corpus) is ordinary work nobody here wrote
// by hand: five papers of 30-odd pages, each with about 80 citations and 28 footnotes. It must build to PDF
// and HTML without a single warning, and the generator must write the same corpus for the same seed.
using System.Security.Cryptography;
using Pub.Corpus;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

public sealed class GeneratedCorpusTests : IDisposable
{
    private readonly TestProject _project = new(withTemplates: false);

    public void Dispose() => _project.Dispose();

    private static CorpusOptions Options(string output, int papers) => new(
        Output: output,
        Papers: papers,
        References: 300,
        Seed: 1,
        StyleFile: Path.Combine(RepoPaths.Root, "..", "shared", "csl", "styles", "chicago-author-date.csl"),
        Templates: Path.Combine(RepoPaths.Root, "templates"));

    [Fact]
    public void FiveGeneratedPapersBuildWithoutAWarning()
    {
        var manuscripts = CorpusWriter.Write(Options(_project.Root, 5));

        var (exit, _, error) = _project.Run("build", "--strict");

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("warning PUB", error, StringComparison.Ordinal);
        Assert.Contains("5 manuscript(s) built, 0 failed", error, StringComparison.Ordinal);
        foreach (var number in Enumerable.Range(1, 5))
        {
            var pdf = File.ReadAllBytes(Path.Combine(_project.Dist, $"op-{number:000}-en-ed1.pdf"));
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            Assert.InRange(document.NumberOfPages, 28, 48);
        }
        // What the corpus promises: about 80 citations and 20–30 notes per paper.
        Assert.All(manuscripts, m =>
        {
            var inlines = m.Body.SelectMany(Inlines).ToList();
            var notes = inlines.OfType<Note>().ToList();
            var citations = inlines.Concat(notes.SelectMany(n => n.Content)).OfType<Citation>().ToList();
            Assert.InRange(citations.Count, 70, 95);
            Assert.InRange(notes.Count, 20, 30);
            Assert.Contains(citations, c => c.Form == CitationForm.Narrative);
            Assert.Contains(citations, c => c.Form == CitationForm.SuppressAuthor);
            Assert.Contains(citations, c => c.Works.Count > 1);
            Assert.Contains(m.Body, b => b is Table);
        });
    }

    [Fact]
    public void TheSameSeedWritesTheSameCorpus()
    {
        using var other = new TestProject(withTemplates: false);
        CorpusWriter.Write(Options(_project.Root, 2));
        CorpusWriter.Write(Options(other.Root, 2));

        static string Digest(string root) => string.Join('\n', Directory.EnumerateFiles(Path.Combine(root, "papers"), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(root, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
        Assert.Equal(Digest(_project.Root), Digest(other.Root));
        Assert.Contains("@", File.ReadAllText(Path.Combine(_project.Root, "papers", "op-001-generated", "paper.md")), StringComparison.Ordinal);
        Assert.Contains("#cite(<", File.ReadAllText(Path.Combine(_project.Root, "papers", "op-001-generated", "paper.typ")), StringComparison.Ordinal);
    }

    private static IEnumerable<Inline> Inlines(Block block) => block switch
    {
        Paragraph p => p.Content,
        ListBlock l => l.Items.SelectMany(i => i),
        Quotation q => q.Content,
        _ => [],
    };
}
