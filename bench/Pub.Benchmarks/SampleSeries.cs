using System.Text;
using System.Text.RegularExpressions;
using Pub.Citations;
using Pub.Citations.Readers;
using Pub.Compiler;
using Pub.Html.Edition;
using Pub.Layout;
using Pub.Layout.Fonts;
using Pub.Layout.Hyphenation;
using Pub.Markdown;
using Pub.Model;
using Pub.Resolve;
using Pub.Syntax;

namespace Pub.Benchmarks;

/// <summary>
/// The sample series in papers/ and the house templates, loaded once per benchmark process: the inputs
/// every benchmark derives its (deterministic) workload from. Long manuscripts are made by repeating the
/// body of real papers, each copy with its own labels and footnote names so that cross-references and
/// notes stay one-to-one.
/// </summary>
internal sealed partial class SampleSeries
{
    public const string HouseStyle = "templates/csl/pub-note.csl";
    public const string LabourPaper = "papers/op-001-labour-exploitation/paper.md";

    private static readonly Lazy<SampleSeries> Shared = new(() => new SampleSeries(FindRepository()));

    private SampleSeries(string root)
    {
        Root = root;
        World = new FileSystemWorld(root);
        Workspace = Workspace.Load(World);
        var bag = new DiagnosticBag();
        Style = StyleResolver.Load(Path.Combine(root, HouseStyle), bag)
            ?? throw new InvalidOperationException("the house style does not load");
        var bibliography = Path.Combine(root, "papers/references.yaml");
        References = BibliographyFile.Read(new SourceText("papers/references.yaml", File.ReadAllText(bibliography))).References;
        Fonts = FontSet.Load(Directory.EnumerateFiles(Path.Combine(root, "templates/fonts"), "*.ttf")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
        Hyphenation = Directory.EnumerateFiles(Path.Combine(root, "templates/hyphenation"), "*.dic")
            .Select(f => (Language: HyphenationFiles.LanguageOf(Path.GetFileName(f)), File: f))
            .Where(p => p.Language is not null)
            .ToDictionary(p => p.Language!, p => File.ReadAllBytes(p.File), StringComparer.OrdinalIgnoreCase);
    }

    public static SampleSeries Load() => Shared.Value;

    public string Root { get; }

    public FileSystemWorld World { get; }

    public Workspace Workspace { get; }

    public Style Style { get; }

    /// <summary>The entries of papers/references.yaml, in file order.</summary>
    public IReadOnlyList<Reference> References { get; }

    public FontSet Fonts { get; }

    public IReadOnlyDictionary<string, byte[]> Hyphenation { get; }

    public ITemplateSource Templates => new FolderTemplates(Path.Combine(Root, "templates"));

    /// <summary>What the compiler hands the citation pass for a manuscript of the series: the house style,
    /// the shipped locales, the shared bibliography and an entry for each numbered paper (<c>@op-1</c>).</summary>
    public CitationSetup Citations() => new(Style, LocaleSet.Builtin, [.. References, .. SeriesEntries()]);

    public ResolveContext Context(CitationSetup? citations) =>
        new(World.FileExists, World.ReadBytes) { Citations = citations };

    public Document Resolve(Document document, CitationSetup? citations)
    {
        var context = Context(citations);
        return Resolver.Resolve(document, context);
    }

    public Document Parse(string path, string text)
    {
        var result = ManuscriptParser.Parse(new SourceText(path, text));
        return result.Document ?? throw new InvalidOperationException(
            $"{path} does not parse: " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
    }

    /// <summary>The front matter of <paramref name="path"/> followed by <paramref name="copies"/> copies of the
    /// bodies of <paramref name="bodies"/>, in turn; parsed as if it were <paramref name="path"/>, so figure
    /// paths resolve against that paper's folder.</summary>
    public Document LongManuscript(string path, IReadOnlyList<string> bodies, int copies)
    {
        var (frontMatter, _) = Split(File.ReadAllText(Path.Combine(Root, path)));
        var text = new StringBuilder(frontMatter);
        for (var copy = 0; copy < copies; copy++)
        {
            var source = bodies[copy % bodies.Count];
            var (_, body) = Split(File.ReadAllText(Path.Combine(Root, source)));
            // Figures of other papers are referred to by their path from the manuscript's folder.
            var folder = Path.GetFileName(Path.GetDirectoryName(source))!;
            if (source != path)
            {
                body = FigurePath().Replace(body, m => $"](../{folder}/{m.Groups[1].Value}");
            }
            text.Append('\n').Append(Relabel(body, "c" + copy)).Append('\n');
        }
        return Parse(path, text.ToString());
    }

    public LayoutSettings LayoutSettings(Document resolved) => new()
    {
        SeriesTitle = "Occasional Papers on Trafficking in Human Beings in the OSCE Region",
        NumberLabel = "Occasional Paper No. 1",
        ShortTitle = resolved.Meta.ShortTitle,
        Publisher = "OSCE Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings",
        Year = resolved.Meta.Date?.Year,
        Images = Figures(resolved).ToDictionary(p => p, p => World.ReadBytes(p)!, StringComparer.Ordinal),
        Hyphenation = Hyphenation,
    };

    public static int CitationCount(Document document) =>
        new[] { document }.Concat(document.Chapters)
            .SelectMany(d => Walk.AllInlines(d.Blocks.Concat(d.Notes.SelectMany(n => n.Blocks))))
            .OfType<Cite>()
            .Sum(c => c.Items.Count);

    public static IEnumerable<string> Figures(Document document) =>
        new[] { document }.Concat(document.Chapters)
            .SelectMany(d => Walk.Blocks(d.Blocks.Concat(d.Notes.SelectMany(n => n.Blocks))))
            .OfType<Figure>()
            .Select(f => f.ResolvedPath)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    /// <summary>Gives every label, cross-reference and footnote name of one copy a suffix of its own.</summary>
    private static string Relabel(string body, string suffix)
    {
        body = Footnote().Replace(body, m => $"[^{m.Groups[1].Value}-{suffix}]");
        body = LabelDefinition().Replace(body, m => $"{{#{m.Groups[1].Value}-{suffix}");
        return CrossReference().Replace(body, m => $"@{m.Groups[1].Value}-{suffix}");
    }

    private static (string FrontMatter, string Body) Split(string manuscript)
    {
        var end = manuscript.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return (manuscript[..(end + 5)], manuscript[(end + 5)..]);
    }

    /// <summary>Stand-ins for the entries the compiler generates for the series' numbered papers.</summary>
    private IEnumerable<Reference> SeriesEntries() =>
        Workspace.Manuscripts
            .Select(m => m.Document?.Meta)
            .Where(m => m is { Number: not null, Series: not null })
            .GroupBy(m => $"{m!.Series}-{m.Number}")
            .Select(g => new Reference
            {
                Id = g.Key,
                Type = "report",
                Variables = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["title"] = g.First()!.Title,
                    ["collection-title"] = "Occasional Papers on Trafficking in Human Beings in the OSCE Region",
                    ["collection-number"] = g.First()!.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["publisher"] = "OSCE",
                    ["publisher-place"] = "Vienna",
                },
            });

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PubPipeline.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PubPipeline.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\[\^([^\]\s]+)\]")]
    private static partial Regex Footnote();

    [GeneratedRegex(@"\{#((?:sec|fig|tbl)-[A-Za-z0-9_-]+)")]
    private static partial Regex LabelDefinition();

    [GeneratedRegex(@"@((?:sec|fig|tbl)-[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)")]
    private static partial Regex CrossReference();

    [GeneratedRegex(@"\]\((figures/[^)\s]+)")]
    private static partial Regex FigurePath();

    /// <summary>Templates read from the templates folder, as the compiler reads them through its world.</summary>
    private sealed class FolderTemplates(string root) : ITemplateSource
    {
        public string? Read(string relativePath)
        {
            var path = Path.Combine(root, relativePath);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
    }
}
