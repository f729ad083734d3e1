// A person's family name is the last word of the name unless the front matter says otherwise: Spanish
// and Portuguese double surnames ("Lucía Ferrer Molina") and some compound names need `family:`, or the
// paper's own citation (suggested citation, .bib, .ris, CSL-JSON) files the author under the wrong name.
using Xunit;

namespace Pub.Cli.Tests;

public sealed class AuthorNameTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    private void Paper(string person) => _project.Write("papers/op-007-double/paper.md", $"""
        ---
        series: op
        number: 7
        title: "Behind Closed Doors"
        authors:
        {person}
          - name: "Nino Beridze"
        date: 2024-10-10
        language: en
        status: final
        ---

        # Introduction

        A paragraph.
        """);

    [Fact]
    public void AFamilyNameOfTwoWordsIsFiledUnderBoth()
    {
        Paper("""
              - name: "Lucía Ferrer Molina"
                family: "Ferrer Molina"
                affiliation: "OSCE Secretariat"
            """);

        var (exit, _, error) = _project.Run("build", "--format", "html", "--strict");

        Assert.True(exit == 0, error);
        var bib = _project.Read("dist/op-007-en-ed1.bib");
        Assert.Contains("Ferrer Molina, Lucía and Beridze, Nino", bib, StringComparison.Ordinal);
        var ris = _project.Read("dist/op-007-en-ed1.ris");
        Assert.Contains("AU  - Ferrer Molina, Lucía", ris, StringComparison.Ordinal);
        Assert.DoesNotContain("Molina, Lucía Ferrer", _project.Read("dist/op-007-en-ed1.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAFamilyNameTheLastWordIsTheFamilyName()
    {
        Paper("""
              - name: "Lucía Ferrer Molina"
            """);

        var (exit, _, error) = _project.Run("build", "--format", "html");

        Assert.True(exit == 0, error);
        Assert.Contains("AU  - Molina, Lucía Ferrer", _project.Read("dist/op-007-en-ed1.ris"), StringComparison.Ordinal);
    }

    [Fact]
    public void AFamilyNameThatDoesNotEndTheNameIsAnErrorAtItsValue()
    {
        Paper("""
              - name: "Lucía Ferrer Molina"
                family: "Ferrer"
            """);

        var (exit, _, error) = _project.Run("build", "--format", "html");

        Assert.Equal(1, exit);
        Assert.Contains("papers/op-007-double/paper.md(7,13): error PUB", error, StringComparison.Ordinal);
        Assert.Contains("'Ferrer' is not the end of the name 'Lucía Ferrer Molina'", error, StringComparison.Ordinal);
    }
}
