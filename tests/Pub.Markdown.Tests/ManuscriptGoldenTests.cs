using Pub.Model;
using Pub.Syntax;
using Pub.Testing;
using Xunit;

namespace Pub.Markdown.Tests;

/// <summary>
/// Every tests/fixtures/markdown/&lt;case&gt;.md is parsed; its model dump must equal &lt;case&gt;.model.txt and
/// its diagnostics, in text form, &lt;case&gt;.diag.txt (empty when there are none). The manuscripts in
/// tests/fixtures/diagnostics are broken on purpose; only their diagnostics are pinned. A case whose name
/// starts with "chapter-" is parsed as a handbook chapter.
/// </summary>
public sealed class ManuscriptGoldenTests
{
    public static TheoryData<string> MarkdownCases() => [.. Fixtures.Cases("markdown")];

    public static TheoryData<string> DiagnosticCases() => [.. Fixtures.Cases("diagnostics")];

    [Theory]
    [MemberData(nameof(MarkdownCases))]
    public void Model_and_diagnostics_match_the_golden_files(string name)
    {
        var result = Fixtures.Parse("markdown", name);

        var model = result.Document is { } document ? ModelDump.Dump(document) : "no document\n";
        Golden.Assert($"markdown/{name}.model.txt", model);
        Golden.Assert($"markdown/{name}.diag.txt", Fixtures.Text(result.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(DiagnosticCases))]
    public void Diagnostics_of_broken_manuscripts_match_the_golden_files(string name)
    {
        var result = Fixtures.Parse("diagnostics", name);

        Assert.NotEmpty(result.Diagnostics);
        Golden.Assert($"diagnostics/{name}.diag.txt", Fixtures.Text(result.Diagnostics));
    }
}

internal static class Fixtures
{
    public static string Folder(string feature) => Path.Combine(RepoPaths.Root, "tests", "fixtures", feature);

    public static IReadOnlyList<string> Cases(string feature) =>
        [.. Directory.GetFiles(Folder(feature), "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    public static SourceText Source(string feature, string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder(feature), name + ".md"));
        var text = TextDecoding.Decode(bytes, out var reason) ?? throw new InvalidOperationException(reason);
        return new SourceText($"{feature}/{name}.md", text);
    }

    public static ParseResult Parse(string feature, string name) =>
        ManuscriptParser.Parse(Source(feature, name), name.StartsWith("chapter-", StringComparison.Ordinal) ? ManuscriptKind.Chapter : ManuscriptKind.Paper);

    public static string Text(IEnumerable<Diagnostic> diagnostics) => string.Concat(diagnostics.Select(DiagnosticFormatter.Text));
}
