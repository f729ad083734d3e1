using System.Reflection;
using System.Text.RegularExpressions;
using Pub.Syntax;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>Keeps the parts of pub that describe each other in step: the dependency arrows between
/// stages, the diagnostic catalogue and its documentation, the command help and the README.</summary>
public sealed partial class ConsistencyTests
{
    private static readonly string[] Stages = ["Pub.Markdown", "Pub.Citations", "Pub.Resolve", "Pub.Layout", "Pub.Pdf", "Pub.Html", "Pub.Import"];

    private static HashSet<string> References(string assembly) =>
        [.. Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void DependencyArrowsPointOneWay()
    {
        // Only the compiler facade knows every stage; only the CLI knows the compiler.
        foreach (var stage in Stages)
        {
            Assert.Contains(stage, References("Pub.Compiler"));
            Assert.DoesNotContain("Pub.Compiler", References(stage));
            Assert.DoesNotContain("Pub.Cli", References(stage));
            Assert.DoesNotContain(stage, References("pub"));
        }
        Assert.Contains("Pub.Compiler", References("pub"));
        // HTML and layout do not know each other; the PDF writer knows only the layout's result.
        Assert.DoesNotContain("Pub.Layout", References("Pub.Html"));
        Assert.DoesNotContain("Pub.Html", References("Pub.Layout"));
        Assert.Empty(References("Pub.Pdf").Where(r => r.StartsWith("Pub.", StringComparison.Ordinal)).Except(["Pub.Layout", "Pub.Syntax"]));
        // Third-party libraries stay inside the stage that owns them.
        Assert.Contains("Markdig", References("Pub.Markdown"));
        Assert.Contains("PdfSharp", References("Pub.Pdf"));
        Assert.Contains(References("Pub.Html"), r => r.StartsWith("Scriban", StringComparison.Ordinal));
        foreach (var other in new[] { "Pub.Model", "Pub.Resolve", "Pub.Layout", "Pub.Html", "Pub.Compiler", "pub" })
        {
            Assert.DoesNotContain("Markdig", References(other));
            Assert.DoesNotContain("PdfSharp", References(other));
        }
        Assert.DoesNotContain(References("Pub.Compiler"), r => r.StartsWith("Scriban", StringComparison.Ordinal));
        // The Open XML SDK reads Word documents for the import and nothing else.
        Assert.Contains("DocumentFormat.OpenXml", References("Pub.Import"));
        foreach (var other in new[] { "Pub.Markdown", "Pub.Citations", "Pub.Compiler", "pub" })
        {
            Assert.DoesNotContain(References(other), r => r.StartsWith("DocumentFormat.OpenXml", StringComparison.Ordinal));
        }
        // The preview server goes through the compiler facade like any command; only the CLI knows it.
        Assert.Empty(References("Pub.Preview").Where(r => r.StartsWith("Pub.", StringComparison.Ordinal)).Except(["Pub.Compiler", "Pub.Syntax"]));
        Assert.Contains("Pub.Preview", References("pub"));
        Assert.DoesNotContain("Pub.Preview", References("Pub.Compiler"));
    }

    [Fact]
    public void EveryDiagnosticCodeIsDocumentedWithAnExample()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md"));
        var documented = DocHeading().Matches(docs).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Codes.All.Select(c => c.Id), documented);
        foreach (var code in Codes.All)
        {
            var section = docs[docs.IndexOf("### " + code.Id, StringComparison.Ordinal)..];
            var next = section.IndexOf("\n### ", 4, StringComparison.Ordinal);
            section = next < 0 ? section : section[..next];
            Assert.Contains(code.Id + ":", section);
        }
    }

    [Fact]
    public void CommandHelpAndReadmeAgree()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        foreach (var command in new[] { "build", "check", "list", "styles", "new paper", "import", "cite", "preview", "publish" })
        {
            var (exit, help, _) = TestProject.RunIn(RepoPaths.Root, [.. command.Split(' '), "--help"]);
            Assert.Equal(0, exit);
            Assert.Contains($"pub {command}", readme);
            foreach (Match option in HelpOption().Matches(help))
            {
                var name = option.Groups[1].Value;
                if (name is "--help")
                {
                    continue;
                }
                Assert.True(readme.Contains(name, StringComparison.Ordinal), $"README does not document {name} of 'pub {command}'");
            }
        }
        var (_, rootHelp, _) = TestProject.RunIn(RepoPaths.Root, "--help");
        foreach (var command in new[] { "build", "check", "list", "styles", "new", "cite", "preview", "publish" })
        {
            Assert.Contains(command, rootHelp);
        }
        var (versionExit, version, _) = TestProject.RunIn(RepoPaths.Root, "--version");
        Assert.Equal(0, versionExit);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Trim());
    }

    [Fact]
    public void ExitCodesAreDocumented()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        foreach (var code in Enum.GetValues<ExitCode>())
        {
            Assert.Contains($"| {(int)code} |", readme);
        }
    }

    [GeneratedRegex(@"^### (PUB\d{4})$", RegexOptions.Multiline)]
    private static partial Regex DocHeading();

    [GeneratedRegex(@"^\s+(--[a-z-]+)", RegexOptions.Multiline)]
    private static partial Regex HelpOption();
}
