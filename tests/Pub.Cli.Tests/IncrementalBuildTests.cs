using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>`pub build` skips editions whose inputs and outputs are unchanged, and never trusts a cache entry
/// it cannot verify.</summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private static readonly DateTime Old = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    private readonly TestProject _project = new();

    public IncrementalBuildTests()
    {
        _project.Write("papers/references.yaml", """
            references:
              - id: ilo-2012
                type: report
                author: [{literal: International Labour Organization}]
                title: ILO Indicators of Forced Labour
                publisher: ILO
                issued: {date-parts: [[2012]]}
            """);
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliography: ../references.yaml", body: "As the indicators show [@ilo-2012].");
        _project.AddPaper("op-002-b", 2, "Second Paper");
    }

    public void Dispose() => _project.Dispose();

    private string Dist(string name) => Path.Combine(_project.Dist, name);

    /// <summary>Sets every output's modification time to a date long past, so that a rewrite shows.</summary>
    private void AgeOutputs()
    {
        foreach (var file in Directory.EnumerateFiles(_project.Dist, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, Old);
        }
    }

    private List<string> Rewritten() =>
        [.. Directory.EnumerateFiles(_project.Dist, "*", SearchOption.AllDirectories)
            .Where(f => File.GetLastWriteTimeUtc(f) != Old)
            .Select(f => Path.GetRelativePath(_project.Dist, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private string Build(params string[] extra)
    {
        var (exit, _, error) = _project.Run(["build", .. extra]);
        Assert.True(exit == 0, error);
        return error;
    }

    private string[] Entries() => Directory.GetFiles(Path.Combine(_project.Root, ".pub", "cache"), "*.entry");

    [Fact]
    public void AnUnchangedProjectIsNeitherRebuiltNorRewritten()
    {
        Build();
        var outputs = _project.Snapshot(includeDist: true);
        AgeOutputs();

        var error = Build();

        Assert.Contains("0 manuscript(s) built, 2 unchanged", error, StringComparison.Ordinal);
        Assert.DoesNotContain("files written", error, StringComparison.Ordinal);
        Assert.Empty(Rewritten());
        Assert.Equal(outputs, _project.Snapshot(includeDist: true));
    }

    [Fact]
    public void AChangedBibliographyRebuildsTheEditionThatUsesIt()
    {
        Build();
        AgeOutputs();
        _project.Write("papers/references.yaml", _project.Read("papers/references.yaml").Replace("ILO Indicators of Forced Labour", "Indicators of Forced Labour, Revised", StringComparison.Ordinal));

        var error = Build();

        Assert.Contains("1 manuscript(s) built, 1 unchanged", error, StringComparison.Ordinal);
        Assert.Contains("Indicators of Forced Labour, Revised", File.ReadAllText(Dist("op-001-en-ed1.html")), StringComparison.Ordinal);
        // The manifest lists their checksums.
        Assert.Equal(["manifest.json", "op-001-en-ed1.html", "op-001-en-ed1.pdf"], Rewritten());
    }

    [Fact]
    public void AChangedFigureOrNewTemplateFileRebuilds()
    {
        Build();
        AgeOutputs();
        _project.Write("papers/op-002-b/figures/chart.png", TestProject.TinyPng.Concat(new byte[] { 0 }).ToArray());
        Assert.Contains("1 manuscript(s) built, 1 unchanged", Build(), StringComparison.Ordinal);
        Assert.Contains("op-002-en-ed1-files/figures/chart.png", Rewritten());

        _project.Write("templates/html/partials/unused-extra.html", "<!-- not included anywhere -->");
        Assert.Contains("2 manuscript(s) built", Build(), StringComparison.Ordinal);
    }

    [Fact]
    public void ADeletedOrModifiedOutputIsBuiltAgain()
    {
        Build();
        var original = File.ReadAllBytes(Dist("op-002-en-ed1.html"));
        File.Delete(Dist("op-001-en-ed1.pdf"));
        File.WriteAllText(Dist("op-002-en-ed1.html"), "edited by hand");

        var error = Build();

        Assert.Contains("2 manuscript(s) built", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Dist("op-001-en-ed1.pdf")));
        Assert.Equal(original, File.ReadAllBytes(Dist("op-002-en-ed1.html")));

        // The stylesheet is a whole-build output: it is checked and restored the same way.
        File.WriteAllText(Dist("assets/pub.css"), "");
        Build();
        Assert.Equal(File.ReadAllBytes(Path.Combine(_project.Root, "templates/html/assets/pub.css")), File.ReadAllBytes(Dist("assets/pub.css")));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("foreign")]
    public void ACacheEntryThatCannotBeVerifiedIsDiscardedAndRebuilt(string damage)
    {
        Build();
        var outputs = _project.Snapshot(includeDist: true).Where(kv => kv.Key.StartsWith("dist/", StringComparison.Ordinal)).ToList();
        foreach (var entry in Entries())
        {
            var text = File.ReadAllText(entry);
            File.WriteAllText(entry, damage switch
            {
                "truncated" => text[..(text.Length / 2)],
                "flipped" => text.Replace("out ", "out 0", StringComparison.Ordinal),
                _ => Resealed(text.Replace("\ntool ", "\ntool 0.0.1-", StringComparison.Ordinal)),
            });
        }
        AgeOutputs();

        var error = Build();

        // Every entry was damaged the same way: one line says so, not one line per entry.
        Assert.Single(Regex.Matches(error, "info PUB0604"));
        Assert.Contains($"{Entries().Length} build cache entries were discarded because", error, StringComparison.Ordinal);
        Assert.Contains(damage switch { "truncated" => "truncated", "flipped" => "checksum", _ => "another version of pub" }, error, StringComparison.Ordinal);
        Assert.Contains("2 manuscript(s) built", error, StringComparison.Ordinal);
        // Rebuilt, not rewritten: the content is the same, and the repaired cache is trusted again.
        Assert.Equal(outputs, _project.Snapshot(includeDist: true).Where(kv => kv.Key.StartsWith("dist/", StringComparison.Ordinal)).ToList());
        Assert.Contains("2 unchanged", Build(), StringComparison.Ordinal);
    }

    [Fact]
    public void EntriesOfAnotherBuildOfTheSameVersionMakeOneLineThatSaysSo()
    {
        Build();
        // What `dotnet run` finds after the installed tool built: the same version, other assemblies.
        foreach (var entry in Entries())
        {
            var text = File.ReadAllText(entry);
            File.WriteAllText(entry, Resealed(Regex.Replace(text, @"\ntool (\S+) \S+\n", "\ntool $1 0123456789abcdef\n")));
        }

        var error = Build();

        var lines = error.Split('\n').Where(l => l.Contains("PUB0604", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Matches(@"^\.pub/cache: info PUB0604: \d+ build cache entries were discarded because they were written by another build of pub \d+\.\d+\.\d+\S* \(", line);
        Assert.DoesNotContain("another version", line, StringComparison.Ordinal);
        Assert.Contains("2 manuscript(s) built", error, StringComparison.Ordinal);
        Assert.DoesNotContain("PUB0604", Build(), StringComparison.Ordinal);
    }

    /// <summary>An entry with a valid checksum over changed content, as another version of pub would write it.</summary>
    private static string Resealed(string text)
    {
        var body = text[..text.LastIndexOf("sha256 ", StringComparison.Ordinal)];
        return body + "sha256 " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))) + "\n";
    }

    [Fact]
    public void ForceRebuildsAndRewritesEverything()
    {
        Build();
        AgeOutputs();
        var error = Build("--force");
        Assert.Contains("2 manuscript(s) built, 0 failed", error, StringComparison.Ordinal);
        Assert.Contains("op-001-en-ed1.pdf", Rewritten());
        Assert.Contains("op-001-en-ed1.html", Rewritten());
        // The stylesheet and fonts are copies; one with the same bytes as its source is left as it is.
        Assert.DoesNotContain("assets/pub.css", Rewritten());
    }

    [Fact]
    public void WarningsOfASkippedEditionAreReportedAgain()
    {
        const string Word = "4829173650482917365048291736504829173650482917365048291736504829173650482917365048291736504829173650"; // a hundred digits: no hyphenation point, wider than any line
        _project.AddPaper("op-003-c", 3, body: $"{Word} {Word} word.");
        var (firstExit, _, first) = _project.Run("build", "--strict");
        var (secondExit, _, second) = _project.Run("build", "--strict");
        Assert.Equal(3, firstExit);
        Assert.Equal(3, secondExit);
        Assert.Contains("warning PUB0904", first, StringComparison.Ordinal);
        Assert.Contains("3 unchanged", second, StringComparison.Ordinal);
        // The first build prints a progress line per manuscript, the second none: every one is unchanged.
        static string Diagnostics(string text) => TestProject.WithoutProgress(text)[..TestProject.WithoutProgress(text).LastIndexOf("pub: ", StringComparison.Ordinal)];
        Assert.Equal(Diagnostics(first), Diagnostics(second));
    }

    [Fact]
    public void DraftsAndChecksDoNotUseTheCache()
    {
        Build("--draft");
        Assert.False(Directory.Exists(Path.Combine(_project.Root, ".pub")));
        Build();
        AgeOutputs();
        Build("--draft");
        Assert.Contains("op-001-en-ed1.html", Rewritten());
    }
}
