using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Pub.Testing;

namespace Pub.Cli.Tests;

/// <summary>
/// A throwaway publication project in a temporary folder: the repository's real templates and fonts, a
/// pub.yaml and whatever manuscripts a test adds. <see cref="Run"/> calls the CLI entry point in-process.
/// </summary>
public sealed partial class TestProject : IDisposable
{
    public const string Config = """
        publisher:
          name: "Test Publisher"
          place: Vienna
        series:
          - id: op
            title: "Occasional Papers on Testing"
            number-format: "Occasional Paper No. {number}"
            file-pattern: "op-{number:000}-{lang}-ed{edition}"
        language: en
        """;

    public TestProject(string? config = null, bool withTemplates = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "pub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write("pub.yaml", config ?? Config);
        if (withTemplates)
        {
            CopyFolder(Path.Combine(RepoPaths.Root, "templates"), Path.Combine(Root, "templates"));
        }
    }

    public string Root { get; }

    /// <summary>A copy of the repository's own project: its pub.yaml, templates and the sample series.</summary>
    public static TestProject CopyOfRepository()
    {
        var project = new TestProject(File.ReadAllText(Path.Combine(RepoPaths.Root, "pub.yaml")));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "papers"), "*", SearchOption.AllDirectories))
        {
            project.Write(Path.GetRelativePath(RepoPaths.Root, file), File.ReadAllBytes(file));
        }
        return project;
    }

    public string Dist => Path.Combine(Root, "dist");

    public TestProject Write(string relativePath, string text) => Write(relativePath, new UTF8Encoding(false).GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));

    public TestProject Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    /// <summary>A small valid paper with a footnote, a table, a figure, a list and a quote.</summary>
    public TestProject AddPaper(string folder, int number, string title = "A Test Paper", string language = "en", string extraFrontMatter = "", string body = "")
    {
        Write($"papers/{folder}/paper.md", $$"""
            ---
            series: op
            number: {{number}}
            title: "{{title}}"
            authors:
              - name: "Ada Author"
                affiliation: "Test Institute"
            date: 2024-05-01
            language: {{language}}
            status: final
            {{extraFrontMatter}}
            ---

            # Introduction {#sec-intro}

            A paragraph with *emphasis*, a footnote[^1] and a reference to @tbl-data.

            | Year | Cases |
            |------|------:|
            | 2020 | 12 |

            Table: Cases by year. {#tbl-data}

            ![A chart.](figures/chart.png){#fig-chart alt="A chart"}

            - one
            - two

            > A quotation.

            {{body}}

            [^1]: The note.
            """);
        Write($"papers/{folder}/figures/chart.png", TinyPng);
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Root, relativePath));

    public (int Exit, string Output, string Error) Run(params string[] args) => RunIn(Root, args);

    /// <summary>The time at the end of a progress line (<c>built papers/x/paper.md (2 editions) in 1.4 s</c>), the one
    /// part of standard error that differs from run to run.</summary>
    [GeneratedRegex(@"(?<=^(built|checked|failed) papers/\S+/paper\.md( \(\d editions?\))?) in \d+\.\d s$", RegexOptions.Multiline)]
    public static partial Regex ProgressTime();

    /// <summary>Standard error without the progress lines, for comparing with a golden file.</summary>
    public static string WithoutProgress(string error) =>
        string.Join('\n', error.Split('\n').Where(l => !ProgressTime().IsMatch(l)));

    public static (int Exit, string Output, string Error) RunIn(string folder, params string[] args) => RunIn(folder, args, null);

    /// <summary>Runs pub in <paramref name="folder"/>; a parallel build starts its render workers with
    /// <paramref name="startRenderWorker"/> (without, it renders on threads).</summary>
    public static (int Exit, string Output, string Error) RunIn(string folder, string[] args, Func<Pub.Compiler.RenderWorker?>? startRenderWorker)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PubCli.Run(args, output, error, folder, startRenderWorker: startRenderWorker);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Path → SHA-256 of every file below the project; without <paramref name="includeDist"/>, leaving out
    /// the outputs and pub's own state (the build cache in .pub/).</summary>
    public SortedDictionary<string, string> Snapshot(bool includeDist)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (!includeDist && (relative.StartsWith("dist/", StringComparison.Ordinal) || relative.StartsWith(".pub/", StringComparison.Ordinal)))
            {
                continue;
            }
            result[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A valid 2×2 RGB PNG.</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4IQcEJxggFAAcfgQRs56ClAAAAABJRU5ErkJggg==");
}
