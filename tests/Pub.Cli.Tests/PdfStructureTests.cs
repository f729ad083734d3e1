using static Pub.Cli.Tests.PdfTools;
// PDF/UA asks for a structure tree a reader can trust; pub's own writer tests cannot vouch for it, so these
// tests read every sample PDF with independent readers: poppler (`pdfinfo -struct-text`, the structure tree
// with the text of each element, in tree order) and qpdf (`qpdf --json`, every object as parsed). They
// check what an assistive technology relies on: headings that nest without skipping a level, alternative
// text on every figure, header cells in every table, every link annotation in the tree, running heads and
// folios outside it, and the manuscript's reading order (each footnote after the paragraph that calls it).
// poppler needs seconds per document to extract the text of each element, so the checks of text run on an
// English and the Russian paper; the others run on every sample PDF.
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

public sealed class SampleSeriesPdfs : IDisposable
{
    public SampleSeriesPdfs()
    {
        Project = TestProject.CopyOfRepository();
        var (exit, _, error) = Project.Run("build", "--format", "pdf");
        Assert.True(exit == 0, error);
    }

    public TestProject Project { get; }

    /// <summary>What a tool printed for one file, run once per tool, arguments and file.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);

    public void Dispose() => Project.Dispose();
}

public sealed partial class PdfStructureTests(SampleSeriesPdfs samples) : IClassFixture<SampleSeriesPdfs>
{
    public static TheoryData<string> Editions => ["op-001-en-ed1", "op-001-ru-ed1", "op-002-en-ed2", "op-003-en-ed1", "hb-001-en-ed1"];

    /// <summary>One element of the structure tree as poppler prints it: its type, its text lines, the
    /// objects (annotations) it references and its children, in order.</summary>
    private sealed record Element(string Type, List<string> Text, List<string> Objects, List<Element> Children)
    {
        public IEnumerable<Element> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));

        /// <summary>All text below this element, in tree order.</summary>
        public IEnumerable<string> AllText() => Text.Concat(Children.SelectMany(c => c.AllText()));
    }

    private string Pdf(string edition) => Path.Combine(samples.Project.Dist, edition + ".pdf");

    [Theory]
    [MemberData(nameof(Editions))]
    public void HeadingsNestWithoutSkippingALevel(string edition)
    {
        var headings = Tree(edition).Descendants().Select(e => HeadingLevel().Match(e.Type)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(headings.Count > 3, $"{edition}: only {headings.Count} headings in the structure tree");
        Assert.Equal(1, headings[0]);
        for (var i = 1; i < headings.Count; i++)
        {
            Assert.True(headings[i] <= headings[i - 1] + 1, $"{edition}: H{headings[i]} follows H{headings[i - 1]} (heading {i + 1})");
        }
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void EveryTableHasHeaderCellsAndEveryLinkAnnotationIsInTheTree(string edition)
    {
        var tree = Tree(edition);
        foreach (var table in tree.Descendants().Where(e => e.Type == "Table"))
        {
            Assert.Contains(table.Descendants(), e => e.Type == "TH");
        }
        var links = tree.Descendants().Where(e => e.Type == "Link").ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.NotEmpty(link.Objects));
        var referenced = links.SelectMany(l => l.Objects).ToHashSet(StringComparer.Ordinal);
        var annotations = Objects(edition).Where(o => o.Value.TryGetProperty("/Subtype", out var s) && s.GetString() == "/Link")
            .Select(o => o.Id).ToList();
        Assert.NotEmpty(annotations);
        Assert.All(annotations, id => Assert.Contains(id, referenced));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void EveryFigureHasAlternativeText(string edition)
    {
        var figures = Objects(edition).Where(o => o.Value.TryGetProperty("/S", out var s) && s.GetString() == "/Figure").ToList();
        Assert.All(figures, f =>
        {
            Assert.True(f.Value.TryGetProperty("/Alt", out var alt), $"{edition}: figure {f.Id} has no /Alt");
            Assert.True(alt.GetString()!.Length > "u:".Length + 10, $"{edition}: figure {f.Id} has the alternative text '{alt.GetString()}'");
        });
        if (edition == "op-002-en-ed2")
        {
            Assert.NotEmpty(figures);
        }
    }

    [Theory]
    [InlineData("op-003-en-ed1")]
    [InlineData("op-001-ru-ed1")]
    public void RunningHeadsAndFoliosAreNotInTheTree(string edition)
    {
        var tree = Tree(edition, withText: true);
        var text = tree.AllText().ToList();
        // The running head of the even pages: "<series title> · <number>".
        Assert.DoesNotContain(text, line => line.Contains(" · Occasional Paper No.", StringComparison.Ordinal)
                                            || line.Contains(" · Handbook No.", StringComparison.Ordinal)
                                            || line.Contains(" · Выпуск", StringComparison.Ordinal));
        // A folio would be a paragraph of its own holding only a page number.
        var paragraphs = tree.Descendants().Where(e => e.Type == "P" && e.Children.Count == 0 && e.Text.Count == 1);
        Assert.DoesNotContain(paragraphs, p => FolioText().IsMatch(p.Text[0]));
    }

    /// <summary>The text of the tree follows the manuscript: the opening words of each paragraph of the body
    /// in order, and those of each footnote after the paragraph that calls it and before the next one.</summary>
    [Theory]
    [InlineData("op-003-en-ed1", "op-003-domestic-servitude")]
    [InlineData("op-001-ru-ed1", "op-001-labour-exploitation-ru")]
    public void TheTreeReadsInTheManuscriptsOrder(string edition, string folder)
    {
        var stream = Letters(string.Concat(Tree(edition, withText: true).AllText()));
        var expected = ReadingOrder(File.ReadAllText(Path.Combine(RepoPaths.Root, "papers", folder, "paper.md")));
        Assert.True(expected.Count > 25, $"{folder}: only {expected.Count} paragraphs and notes found in the manuscript");
        var at = 0;
        foreach (var (what, opening) in expected)
        {
            var found = stream.IndexOf(Letters(opening), at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{edition}: the {what} opening '{opening}' is not in the structure tree after position {at} (tree text there: '{stream[at..Math.Min(stream.Length, at + 120)]}')");
            at = found + 1;
        }
    }

    /// <summary>Paragraphs of the manuscript's body and its footnotes in reading order, each by its first
    /// words up to the first markup (a citation, emphasis, a note call).</summary>
    private static List<(string What, string Opening)> ReadingOrder(string markdown)
    {
        var body = markdown[(markdown.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..].Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            if (NoteDefinition().Match(block) is { Success: true } m)
            {
                notes[m.Groups[1].Value] = m.Groups[2].Value;
            }
        }
        var order = new List<(string, string)>();
        foreach (var block in blocks)
        {
            if (!char.IsLetter(block[0]) || block.StartsWith("Table:", StringComparison.Ordinal) || block.Split('\n').Any(l => l.StartsWith('|') || l.StartsWith(':')))
            {
                continue; // headings, lists, tables and their captions, quotations, figures, note definitions, definition lists
            }
            if (Opening(block) is { } opening)
            {
                order.Add(("paragraph", opening));
            }
            foreach (Match call in NoteCall().Matches(block))
            {
                if (notes.TryGetValue(call.Groups[1].Value, out var note) && Opening(note) is { } noteOpening)
                {
                    order.Add(($"note [^{call.Groups[1].Value}]", noteOpening));
                }
            }
        }
        return order;
    }

    /// <summary>The words before the first markup character, if there are at least four of them (at most
    /// six are kept).</summary>
    private static string? Opening(string text)
    {
        var plain = text.Replace('\n', ' ');
        var end = plain.IndexOfAny(['[', '*', '_', '@', '`', '<', '{', '\\', '^', '$']);
        var words = (end < 0 ? plain : plain[..end]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The last word may be cut by the markup that follows it.
        var kept = words.Take(Math.Min(words.Length - 1, 6)).ToArray();
        return kept.Length >= 4 ? string.Join(' ', kept) : null;
    }

    /// <summary>Letters and digits only, lower-case, compatibility-decomposed: line breaks, hyphens,
    /// quotation marks, dashes and ligatures do not count.</summary>
    private static string Letters(string text) =>
        new([.. text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    /// <summary>The structure tree; with its text only when <paramref name="withText"/> (poppler extracts the
    /// text of every element from its pages, which takes seconds per document).</summary>
    private Element Tree(string edition, bool withText = false)
    {
        var option = withText ? "-struct-text" : "-struct";
        var output = samples.Outputs.GetOrAdd($"pdfinfo {option} {edition}", _ => Tool("pdfinfo", option, Pdf(edition)));
        var root = new Element("(root)", [], [], []);
        var stack = new List<(int Indent, Element Element)> { (-1, root) };
        foreach (var raw in output.Split('\n'))
        {
            if (raw.Trim().Length == 0)
            {
                continue;
            }
            var indent = raw.Length - raw.TrimStart(' ').Length;
            var line = raw.Trim();
            while (stack[^1].Indent >= indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }
            var parent = stack[^1].Element;
            if (line.StartsWith('"'))
            {
                parent.Text.Add(line.Trim('"'));
            }
            else if (ObjectReference().Match(line) is { Success: true } reference)
            {
                parent.Objects.Add($"obj:{reference.Groups[1].Value} {reference.Groups[2].Value} R");
            }
            else if (!line.StartsWith('/'))
            {
                var element = new Element(line.Split(' ', ':')[0], [], [], []);
                parent.Children.Add(element);
                stack.Add((indent, element));
            }
        }
        return root;
    }

    private IEnumerable<(string Id, JsonElement Value)> Objects(string edition)
    {
        var json = JsonDocument.Parse(samples.Outputs.GetOrAdd("qpdf " + edition, _ => Tool("qpdf", "--json", Pdf(edition))));
        foreach (var entry in json.RootElement.GetProperty("qpdf")[1].EnumerateObject())
        {
            if (entry.Value.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
            {
                yield return (entry.Name, value);
            }
        }
    }

    [GeneratedRegex(@"^H([1-6])$")]
    private static partial Regex HeadingLevel();

    [GeneratedRegex(@"^(?:\d+|[ivxlc]+)$")]
    private static partial Regex FolioText();

    [GeneratedRegex(@"^Object (\d+) (\d+)$")]
    private static partial Regex ObjectReference();

    [GeneratedRegex(@"^\[\^([^\]]+)\]:\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex NoteDefinition();

    [GeneratedRegex(@"\[\^([^\]]+)\](?!:)")]
    private static partial Regex NoteCall();
}
