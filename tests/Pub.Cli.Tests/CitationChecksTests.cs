using Xunit;

namespace Pub.Cli.Tests;

/// <summary>Consistency checks over the bibliographies a build uses, each reported at its position.</summary>
public sealed class CitationChecksTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    private const string Shared = """
        references:
          - id: gallagher-2010
            type: book
            author: [{family: Gallagher, given: Anne T.}]
            title: The International Law of Human Trafficking
            publisher: Cambridge University Press
            publisher-place: Cambridge
            issued: {date-parts: [[2010]]}
          - id: gallagher-book
            type: book
            author: [{family: Gallagher, given: A.}]
            title: "The international law of human trafficking"
            publisher: CUP
            issued: {date-parts: [[2010]]}
          - id: ilo-2012
            type: report
            author: [{literal: International Labour Organization}]
            title: ILO Indicators of Forced Labour
            issued: {date-parts: [[2012]]}
          - id: never-cited
            type: book
            author: [{family: Nobody, given: Ann}]
            title: Uncited
            publisher: P
            issued: {date-parts: [[2001]]}
        """;

    private const string Own = """
        references:
          - id: ilo-2012
            type: report
            author: [{literal: ILO}]
            title: Own copy of the indicators
            publisher: ILO
            issued: {date-parts: [[2012]]}
        """;

    [Fact]
    public void EachCheckIsReportedAtTheEntry()
    {
        _project.Write("papers/references.yaml", Shared).Write("papers/op-001-a/own.yaml", Own);
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliography: [own.yaml, ../references.yaml]",
            body: "Cited [@gallagher-2010, p. 3; @gallagher-book] and [@ilo-2012].");
        _project.AddPaper("op-002-b", 2, extraFrontMatter: "bibliography: ../references.yaml", body: "Cited [@ilo-2012] and the first paper [@op-1].");
        var (exit, _, error) = _project.Run("check");
        Assert.True(exit == 0, error);
        Assert.Contains("papers/references.yaml(9,5): warning PUB0206: 'gallagher-book' is the same work as 'gallagher-2010' at papers/references.yaml(2,5)", error);
        Assert.Contains("papers/references.yaml(15,5): warning PUB0208: key 'ilo-2012' is also defined at papers/op-001-a/own.yaml(2,5); that entry wins, this one is not used", error);
        Assert.True(error.Contains("warning PUB0207: entry 'ilo-2012' (report) has no publisher", StringComparison.Ordinal), error);
        Assert.Contains("papers/references.yaml(20,5): info PUB0205: entry 'never-cited' is not cited by any manuscript", error);
        Assert.DoesNotContain("'op-1'", error);
    }

    [Fact]
    public void AnIdRepeatedInACslJsonFileIsReportedOnceAtTheRepeat()
    {
        // Within one file a repeated id is the file's own problem (PUB0802), not a key shadowed by
        // another bibliography of the manuscript (PUB0208).
        _project.Write("papers/references.json", """
            [
              {"id": "ilo-2012", "type": "report", "title": "ILO Indicators of Forced Labour", "publisher": "ILO", "issued": {"date-parts": [[2012]]}},
              {"id": "ilo-2012", "type": "report", "title": "A second copy", "publisher": "ILO", "issued": {"date-parts": [[2012]]}}
            ]
            """);
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliography: ../references.json", body: "Cited [@ilo-2012].");
        var (exit, _, error) = _project.Run("check");
        Assert.True(exit == 0, error);
        Assert.Contains("papers/references.json(3,10): warning PUB0802: item id 'ilo-2012' is already used at line 2; this item is ignored", error);
        Assert.DoesNotContain("PUB0208", error);
    }

    [Fact]
    public void ABuildSumsUpAFileOfManyUncitedEntriesAndCheckListsEachOfThem()
    {
        var entries = string.Join("", Enumerable.Range(1, 7).Select(i => $"""
              - id: unused-{i}
                type: book
                title: Unused {i}
                publisher: P
                issued: {"{"}date-parts: [[200{i}]]{"}"}

            """));
        _project.Write("papers/references.yaml", Shared).Write("papers/more.yaml", "references:\n" + entries);
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliography: [../references.yaml, ../more.yaml]", body: "Cited [@gallagher-2010] and [@ilo-2012].");

        var (exit, _, built) = _project.Run("build", "--format", "html");
        Assert.True(exit == 0, built);
        Assert.Contains("papers/more.yaml(2,5): info PUB0205: 7 entries of this file are not cited by any manuscript: 'unused-1', 'unused-2', 'unused-3' and 4 more", built);
        Assert.Contains("hint: 'pub check' lists each of them at its entry", built);
        Assert.DoesNotContain("entry 'unused-4' is not cited", built);
        // Two uncited entries in the shared file are few enough to be named one by one.
        Assert.Contains("info PUB0205: entry 'gallagher-book' is not cited by any manuscript", built);
        Assert.Contains("info PUB0205: entry 'never-cited' is not cited by any manuscript", built);

        var (checkExit, _, checkedText) = _project.Run("check");
        Assert.True(checkExit == 0, checkedText);
        for (var i = 1; i <= 7; i++)
        {
            Assert.Contains($"info PUB0205: entry 'unused-{i}' is not cited by any manuscript", checkedText);
        }
        Assert.DoesNotContain("entries of this file", checkedText);
    }

    [Fact]
    public void SeriesPapersAreCitableByTheirGeneratedKey()
    {
        _project.Write("papers/references.yaml", Shared);
        _project.AddPaper("op-001-a", 1, "The First Paper", extraFrontMatter: "bibliography: ../references.yaml");
        _project.AddPaper("op-002-b", 2, extraFrontMatter: "bibliography: ../references.yaml", body: "As the first paper showed [@op-1, p. 4].");
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.True(exit == 0, error);
        var html = _project.Read("dist/op-002-en-ed1.html");
        Assert.True(html.Contains("<a href=\"#ref-op-1\" role=\"doc-biblioref\">Ada Author, <em>The First Paper</em>, Occasional Papers on Testing, no. 1 (Vienna: Test Publisher, 2024), p. 4</a>.", StringComparison.Ordinal), html);
        Assert.Contains("Occasional Papers on Testing", html);
    }

    [Fact]
    public void ALanguageWithoutACitationLocaleIsReportedAtItsField()
    {
        _project.Write("papers/references.yaml", Shared);
        _project.AddPaper("op-001-a", 1, language: "es", extraFrontMatter: "bibliography: ../references.yaml", body: "Citado [@gallagher-2010].");
        _project.AddPaper("op-002-b", 2, language: "ru", extraFrontMatter: "bibliography: ../references.yaml", body: "Ссылка [@gallagher-2010].");
        var (exit, _, error) = _project.Run("check");
        Assert.True(exit == 0, error);
        // Line 9 of the generated front matter is "language: es".
        Assert.Contains("papers/op-001-a/paper.md(9,1): warning PUB0706: no citation locale for 'es'; citations use the terms and dates of en-US", error);
        Assert.DoesNotContain("'ru'", error);
    }

    [Fact]
    public void AnUnknownKeyFailsOnlyItsManuscript()
    {
        _project.Write("papers/references.yaml", Shared);
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliography: ../references.yaml", body: "A typo [@galagher-2010].");
        _project.AddPaper("op-002-b", 2, extraFrontMatter: "bibliography: ../references.yaml", body: "Fine [@gallagher-2010].");
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.Equal(1, exit);
        Assert.Matches(@"papers/op-001-a/paper\.md\(\d+,\d+\): error PUB0201: unknown citation key 'galagher-2010'", error);
        Assert.Contains("hint: did you mean 'gallagher-2010'?", error);
        Assert.True(_project.Exists("dist/op-002-en-ed1.html"));
        Assert.False(_project.Exists("dist/op-001-en-ed1.html"));
    }
}

/// <summary>A manuscript that names no bibliography (here because the field is misspelt) gets one error for
/// all its citations, after the warning about the field that causes it, not one error per key whose hint
/// talks about bibliography files that are not there.</summary>
public sealed class MissingBibliographyTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void CitationsWithoutABibliographyAreOneErrorAfterItsCause()
    {
        _project.Write("papers/references.yaml", "references:\n  - id: a-2020\n    type: book\n    title: A\n    issued: {date-parts: [[2020]]}\n");
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliograpy: ../references.yaml",
            body: "See [@a-2020, p. 3], [@b-2021] and [@a-2020; @c-2022].");

        var (exit, _, error) = _project.Run("check");

        Assert.Equal(1, exit);
        var warning = error.IndexOf("warning PUB0104: unknown front-matter field 'bibliograpy'", StringComparison.Ordinal);
        var single = error.IndexOf("error PUB0201: no bibliography is named, so 4 citations cannot be resolved ('a-2020', 'b-2021', 'c-2022')", StringComparison.Ordinal);
        Assert.True(warning >= 0 && single > warning, error);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(error, "error PUB0201"));
        Assert.DoesNotContain("bibliography files named in the front matter", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenBibliographyEntryIsReportedBeforeTheKeysItLeavesUnknown()
    {
        _project.Write("papers/refs.bib", "@book{alpha-2001,\n  author = {Alpha, Ann},\n  title = {A {Study of Things},\n  year = {2001}\n}\n\n@book{beta-2002,\n  author = {Beta, Bob},\n  title = {Another},\n  year = {2002}\n}\n");
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliography: ../refs.bib", body: "See [@alpha-2001] and [@beta-2002].");

        var (exit, _, error) = _project.Run("check");

        Assert.Equal(1, exit);
        var cause = error.IndexOf("papers/refs.bib(3,3): error PUB0801: entry 'alpha-2001' is not closed: the braces of field 'title' do not balance", StringComparison.Ordinal);
        var consequence = error.IndexOf("error PUB0201: unknown citation key 'alpha-2001'", StringComparison.Ordinal);
        Assert.True(cause >= 0 && consequence > cause, error);
        Assert.DoesNotContain("unknown citation key 'beta-2002'", error, StringComparison.Ordinal);
    }
    [Fact]
    public void StyleAndBibliographyProblemsAreReportedInManuscriptOrder()
    {
        // The style and bibliographies the first manuscripts name are read while the manuscripts are parsed; what
        // they report still comes in the order the manuscripts ask for them, with one job or two.
        var style = File.ReadAllText(Path.Combine(_project.Root, "templates/csl/pub-author-date.csl"))
            .Replace("font-style=\"italic\"", "font-style=\"italc\"", StringComparison.Ordinal);
        _project.Write("styles/first.csl", style).Write("styles/second.csl", style)
            .Write("papers/first.json", "[{\"id\": \"a\", \"type\": \"book\",\n")
            .Write("papers/second.json", "[{\"id\": \"b\", \"type\": \"book\",\n");
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliography: ../first.json\ncsl: ../../styles/first.csl", body: "Cited [@a].");
        _project.AddPaper("op-002-b", 2, extraFrontMatter: "bibliography: ../second.json\ncsl: ../../styles/second.csl", body: "Cited [@b].");
        foreach (var jobs in new[] { "1", "2" })
        {
            var (exit, _, error) = _project.Run("check", "--jobs", jobs);
            Assert.True(exit != 0, error);
            int At(string reported)
            {
                var at = error.IndexOf(reported, StringComparison.Ordinal);
                Assert.True(at >= 0, reported + " is not reported:\n" + error);
                return at;
            }
            // Errors (the bibliographies) come before the manuscripts' own problems, warnings (the styles) after.
            Assert.True(At("papers/first.json(") < At("papers/second.json("), error);
            Assert.True(At("styles/first.csl(") < At("styles/second.csl("), error);
            Assert.True(At("papers/second.json(") < At("styles/first.csl("), error);
        }
    }
}
