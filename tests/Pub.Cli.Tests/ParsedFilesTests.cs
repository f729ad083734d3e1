using Pub.Compiler;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>
/// Builds that share parsed files (as the preview's builds do) parse a style or a bibliography again exactly when
/// a file its parse read has changed: the style itself, a dependent style's parent, the bibliography. What they
/// build is what a build of its own builds.
/// </summary>
public sealed class ParsedFilesTests : IDisposable
{
    private const string Bibliography = "papers/references.yaml";
    private const string Parent = "styles/house-author-date.csl";

    private readonly TestProject _project = new(TestProject.Config + "\nstyles: [styles, more-styles]\n");

    public ParsedFilesTests()
    {
        WriteBibliography("ILO Indicators of Forced Labour");
        _project.Write(Parent, File.ReadAllText(Path.Combine(RepoPaths.Root, "templates", "csl", "pub-author-date.csl"))
            .Replace("https://pubpipeline.example/styles/pub-author-date", "http://www.zotero.org/styles/house-author-date", StringComparison.Ordinal));
        _project.Write("more-styles/dependent/journal-of-testing.csl", StyleNameTests.Dependent("journal-of-testing", "Journal of Testing", "house-author-date"));
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliography: ../references.yaml\ncsl: journal-of-testing", body: "As the indicators show [@ilo-2012].");
    }

    public void Dispose() => _project.Dispose();

    private void WriteBibliography(string title) => _project.Write(Bibliography, $"""
        references:
          - id: ilo-2012
            type: report
            author: [{"{"}literal: International Labour Organization{"}"}]
            title: {title}
            publisher: ILO
            issued: {"{"}date-parts: [[2012]]{"}"}
        """);

    private string Build(ParsedFiles? parsed)
    {
        var result = PubCompiler.Build(new FileSystemWorld(_project.Root), new BuildOptions { Formats = OutputFormats.Html, Force = true, Parsed = parsed });
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        return _project.Read("dist/op-001-en-ed1.html");
    }

    private IReadOnlyList<Pub.Citations.Reference> Parsed(ParsedFiles parsed) =>
        parsed.Bibliography(Bibliography, File.ReadAllBytes(Path.Combine(_project.Root, Bibliography)))?.References
            ?? throw new InvalidOperationException("the bibliography was not kept");

    [Fact]
    public void AFileIsParsedAgainOnlyWhenItsBytesChanged()
    {
        var parsed = new ParsedFiles();
        var first = Build(parsed);
        Assert.Contains("International Labour Organization 2012</a>)", first, StringComparison.Ordinal);
        Assert.Contains("ILO Indicators of Forced Labour", first, StringComparison.Ordinal);
        var references = Parsed(parsed);

        Assert.Equal(first, Build(parsed));
        Assert.Same(references, Parsed(parsed));

        // The dependent style's parent changes: the citation's brackets follow it.
        _project.Write(Parent, _project.Read(Parent).Replace("<layout prefix=\"(\" suffix=\")\" delimiter=\"; \">", "<layout prefix=\"[\" suffix=\"]\" delimiter=\"; \">", StringComparison.Ordinal));
        var bracketed = Build(parsed);
        Assert.Contains("International Labour Organization 2012</a>]", bracketed, StringComparison.Ordinal);
        Assert.Same(references, Parsed(parsed));

        // The bibliography changes: the entry follows it.
        WriteBibliography("Indicators of Forced Labour, Second Edition");
        var retitled = Build(parsed);
        Assert.Contains("Indicators of Forced Labour, Second Edition", retitled, StringComparison.Ordinal);
        Assert.DoesNotContain("ILO Indicators of Forced Labour", retitled, StringComparison.Ordinal);
        Assert.NotSame(references, Parsed(parsed));

        Assert.Equal(retitled, Build(parsed: null));
    }
}
