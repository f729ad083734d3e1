using System.Text.RegularExpressions;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>A build reads the manuscripts' front matter first and each text when it builds the manuscript, keeping
/// afterwards only what reading the text found; what spans the series must be the same as when every text is read at
/// the start: the site lists no paper whose text has an error, and an entry cited only in a text the build did not
/// reach (--fail-fast) is still cited.</summary>
public sealed class TextReadingTests
{
    private static TestProject Project()
    {
        var project = new TestProject();
        project.Write("papers/references.yaml", """
            - id: gallagher-2010
              type: book
              title: The International Law of Human Trafficking
              author: [{family: Gallagher, given: Anne T.}]
              issued: {date-parts: [[2010]]}
            - id: kara-2017
              type: book
              title: Modern Slavery
              author: [{family: Kara, given: Siddharth}]
              issued: {date-parts: [[2017]]}
            """);
        project.AddPaper("op-001-a", 1, title: "First Paper", extraFrontMatter: "bibliography: ../references.yaml", body: "Cited [@gallagher-2010].");
        project.AddPaper("op-002-b", 2, title: "Second Paper", extraFrontMatter: "bibliography: ../references.yaml",
            body: new string('>', 200) + " too deep\n");
        project.AddPaper("op-003-c", 3, title: "Third Paper", extraFrontMatter: "bibliography: ../references.yaml", body: "Cited here only [@kara-2017].");
        return project;
    }

    [Fact]
    public void TheSiteListsNoPaperWhoseTextHasAnError()
    {
        using var project = Project();
        project.AddPaper("op-002-b", 2, title: "Second Paper", extraFrontMatter: "bibliography: ../references.yaml", body: "Fine for now.");
        Assert.Equal(0, project.Run("build", "--jobs", "1").Exit);
        Assert.Contains("Second Paper", project.Read("dist/index.html"), StringComparison.Ordinal);

        // Its files from the first build are still there, but a paper whose text now has an error is not listed when
        // the site is written again (another paper changed).
        project.AddPaper("op-001-a", 1, title: "First Paper, Revised", extraFrontMatter: "bibliography: ../references.yaml", body: "Cited [@gallagher-2010].");
        project.AddPaper("op-002-b", 2, title: "Second Paper", extraFrontMatter: "bibliography: ../references.yaml", body: new string('>', 200) + " too deep\n");
        var (exit, _, error) = project.Run("build", "--jobs", "1");

        Assert.Equal(1, exit);
        Assert.Matches(@"papers/op-002-b/paper\.md\(\d+,\d+\): error PUB0320", error);
        Assert.True(project.Exists("dist/op-002-en-ed1.html"));
        var index = project.Read("dist/index.html");
        Assert.Contains("First Paper, Revised", index, StringComparison.Ordinal);
        Assert.Contains("Third Paper", index, StringComparison.Ordinal);
        Assert.DoesNotContain("Second Paper", index, StringComparison.Ordinal);
        Assert.DoesNotContain("is not cited", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntryCitedOnlyWhereFailFastStoppedIsStillCited()
    {
        using var project = Project();
        var (exit, _, error) = project.Run("build", "--jobs", "1", "--fail-fast");

        Assert.Equal(1, exit);
        Assert.Matches(@"papers/op-002-b/paper\.md\(\d+,\d+\): error PUB0320", error);
        Assert.DoesNotMatch(new Regex("entry '(kara-2017|gallagher-2010)' is not cited"), error);

        // Without either manuscript's citation the entry is reported: the check above could fail.
        project.AddPaper("op-003-c", 3, title: "Third Paper", extraFrontMatter: "bibliography: ../references.yaml", body: "No citation.");
        var (_, _, without) = project.Run("build", "--jobs", "1", "--fail-fast");
        Assert.Contains("entry 'kara-2017' is not cited by any manuscript", without, StringComparison.Ordinal);
    }
}
