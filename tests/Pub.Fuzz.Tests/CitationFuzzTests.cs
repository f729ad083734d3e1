using Pub.Citations;
using Pub.Citations.Readers;
using Pub.Syntax;

namespace Pub.Fuzz.Tests;

/// <summary>Bibliography readers (BibTeX, CSL-JSON, CSL-YAML), CSL styles and locales, and the processor fed what they read.</summary>
public sealed class CitationFuzzTests
{
    private static readonly string[] BibTeXPieces =
    [
        "@article{", "@book{", "@string{", "@preamble{", "@comment{", "@incollection(", "key", ",", "\n", " ", "author = ", "title = ", "year = ",
        "date = ", "month = ", "crossref = ", "pages = ", "editor = ", "{", "}", "(", ")", "\"", "#", "=", "and ", "others", "Smith, John",
        "{\\\"u}", "\\'e", "\\emph{", "\\", "$", "%", "~", "--", "2010", "2010-13-45/..", "jan", "{{", "}}", "@", "\0", "\uD800", "\uFEFF", "\r",
    ];

    private static readonly string[] JsonPieces =
    [
        "[", "]", "{", "}", ",", ":", "\"id\"", "\"type\"", "\"book\"", "\"author\"", "\"family\"", "\"given\"", "\"issued\"", "\"date-parts\"",
        "\"literal\"", "\"raw\"", "2010", "-1", "1e400", "99999999999999999999", "null", "true", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"x",
        " ", "\n", "\uFEFF", "\"title\"", "\"page\"", "\"edition\"", "\"season\"", "\"circa\"", "\"accessed\"",
    ];

    private static readonly Lazy<IReadOnlyList<Reference>> SeriesReferences = new(() =>
        CslYamlReader.Read(new SourceText("papers/references.yaml", Seeds.CslYaml[0].Text)).References);

    private static readonly Lazy<Style> HouseStyle = new(() =>
        StyleParser.Parse(new SourceText(Seeds.Styles[0].Name, Seeds.Styles[0].Text), new DiagnosticBag())!);

    /// <summary>Renders a citation of every reference (the first twenty) and the bibliography: what a reader
    /// accepted must not break the processor either.</summary>
    private static void Render(Style style, IReadOnlyList<Reference> references, LocaleSet? locales = null)
    {
        var cited = references.DistinctBy(r => r.Id, StringComparer.Ordinal).Take(20).ToList();
        var clusters = cited.Select((r, i) => new CitationCluster("c" + i, [new CitationItem(r.Id) { Locator = i % 2 == 0 ? "3" : null }], i + 1)).ToList();
        var result = CslProcessor.Create(style, locales ?? LocaleSet.Builtin, cited).Process(clusters);
        Assert.Equal(clusters.Count, result.Citations.Count);
    }

    private static void ReadsToDiagnostics(string path, string text, Func<SourceText, (IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Diagnostics)> read)
    {
        var (references, diagnostics) = read(new SourceText(path, text));
        Properties.SpansInside(diagnostics);
        Assert.All(references, r => Assert.False(string.IsNullOrEmpty(r.Id), "a reference without an id"));
        Render(HouseStyle.Value, references);
    }

    [Fact]
    public void BibTeX_files_read_to_references_or_diagnostics() =>
        FuzzRun.Check(CsCheck.Gen.OneOf(Mutations.Text(Seeds.BibTeX).Select(m => m.Value), Mutations.Structure(BibTeXPieces, 150)),
            text => ReadsToDiagnostics("references.bib", text, BibTeXReader.Read), t => Mutations.Show(t), cases: 150);

    [Fact]
    public void Csl_json_files_read_to_references_or_diagnostics() =>
        FuzzRun.Check(CsCheck.Gen.OneOf(Mutations.Text(Seeds.CslJson, 5).Select(m => m.Value), Mutations.Structure(JsonPieces, 150)),
            text => ReadsToDiagnostics("references.json", text, s => { var r = CslJsonReader.Read(s); return (r.References, r.Diagnostics); }),
            t => Mutations.Show(t, 600), cases: 40);

    [Fact]
    public void Csl_yaml_files_read_to_references_or_diagnostics() =>
        FuzzRun.Check(Mutations.Text(Seeds.CslYaml, 6), m => ReadsToDiagnostics("references.yaml", m.Value, CslYamlReader.Read), m => Mutations.Show(m), cases: 30);

    [Fact]
    public void Csl_styles_parse_to_a_style_or_diagnostics() =>
        FuzzRun.Check(Mutations.Text(Seeds.Styles), m =>
        {
            var diagnostics = new DiagnosticBag();
            var style = StyleParser.Parse(new SourceText("style.csl", m.Value), diagnostics);
            Properties.SpansInside(diagnostics.Items);
            Properties.FailureExplained(style, diagnostics.Items, "style");
            if (style is not null)
                Render(style, SeriesReferences.Value);
        }, Mutations.Show, cases: 40);

    [Fact]
    public void Csl_locales_parse_to_a_locale_or_diagnostics() =>
        FuzzRun.Check(Mutations.Text(Seeds.Locales), m =>
        {
            var diagnostics = new DiagnosticBag();
            var source = new SourceText("locales-en-US.xml", m.Value);
            var locale = LocaleParser.Parse(source, diagnostics);
            Properties.SpansInside(diagnostics.Items);
            Properties.FailureExplained(locale, diagnostics.Items, "locale");
            // the same file as the locale every style falls back to
            Render(HouseStyle.Value, SeriesReferences.Value, new LocaleSet(tag => tag == "en-US" ? source : BuiltinLocales.Load(tag)));
        }, Mutations.Show, cases: 80);
}
