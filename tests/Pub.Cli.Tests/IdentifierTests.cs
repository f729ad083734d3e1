using Pub.Compiler.Publishing;
using Xunit;

namespace Pub.Cli.Tests;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("978-92-9234-613-3")]
    [InlineData("9789292346133")]
    [InlineData("979-10-90636-07-1")]
    [InlineData("0-306-40615-2")]
    [InlineData("0-8044-2957-X")]
    [InlineData("0 8044 2957 x")]
    public void ValidIsbnsPass(string isbn) => Assert.Null(Identifiers.CheckIsbn(isbn));

    [Theory]
    [InlineData("978-92-9234-613-4", "check digit is 4")]
    [InlineData("977-92-9234-613-3", "978 or 979")]
    [InlineData("0-306-40615-3", "check character is 3")]
    [InlineData("978-92-9234", "13 digits")]
    [InlineData("97A-92-9234-613-3", "13 digits")]
    public void InvalidIsbnsAreExplained(string isbn, string expected) => Assert.Contains(expected, Identifiers.CheckIsbn(isbn), StringComparison.Ordinal);

    [Theory]
    [InlineData("2664-4932")]
    [InlineData("0317-8471")]
    [InlineData("2434-561X")]
    public void ValidIssnsPass(string issn) => Assert.Null(Identifiers.CheckIssn(issn));

    [Theory]
    [InlineData("2664-4933")]
    [InlineData("2664-493")]
    [InlineData("ABCD-4932")]
    public void InvalidIssnsFail(string issn) => Assert.NotNull(Identifiers.CheckIssn(issn));

    [Theory]
    [InlineData("10.1234/op.3", true)]
    [InlineData("10.5305/amerjintelaw.108.4.0609", true)]
    [InlineData("10.1000.10/abc", true)]
    [InlineData("https://doi.org/10.1234/op.3", false)]
    [InlineData("10.12/x", false)]
    [InlineData("10.1234/op 3", false)]
    [InlineData("11.1234/op", false)]
    public void DoisAreChecked(string doi, bool valid) => Assert.Equal(valid, Identifiers.CheckDoi(doi) is null);

    [Fact]
    public void WrongIsbnInFrontMatterIsReportedAtTheField()
    {
        using var project = new TestProject();
        project.AddPaper("op-001", 1, extraFrontMatter: "isbn: \"978-92-9234-613-4\"");
        var (exit, _, error) = project.Run("check");
        Assert.Equal(1, exit);
        Assert.Contains("paper.md(11,1): error PUB1101", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongIssnInPubYamlIsReportedAtTheValue()
    {
        using var project = new TestProject(TestProject.Config.Replace("    number-format:", "    issn: \"2664-4933\"\n    number-format:", StringComparison.Ordinal));
        project.AddPaper("op-001", 1);
        var (exit, _, error) = project.Run("check");
        Assert.Equal(2, exit);
        Assert.Contains("pub.yaml(7,11): error PUB1102", error, StringComparison.Ordinal);
    }
}
