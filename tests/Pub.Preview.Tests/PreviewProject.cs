// Pub.Preview.Tests: `pub preview` as an author meets it: a project copied to a temporary folder, the
// preview started in-process, pages opened in headless Chromium (Debian's, never a downloaded one) and
// read over HTTP while the manuscript is edited on disk.
using Pub.Testing;

namespace Pub.Preview.Tests;

/// <summary>A small project in a temporary folder: the repository's pub.yaml and templates/, and one
/// short manuscript whose text the tests rewrite.</summary>
public sealed class PreviewProject : IDisposable
{
    public const string Manuscript = "papers/op-preview-test/paper.md";

    public PreviewProject()
    {
        Directory.CreateDirectory(Root);
        File.Copy(Path.Combine(RepoPaths.Root, "pub.yaml"), Path.Combine(Root, "pub.yaml"));
        var templates = Path.Combine(RepoPaths.Root, "templates");
        foreach (var file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, "templates", Path.GetRelativePath(templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Write(Text("The first sentence of the preview test."));
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pub-preview-tests", Guid.NewGuid().ToString("N"));

    public string ManuscriptPath => Path.Combine(Root, Manuscript);

    /// <summary>A draft manuscript with the given sentence in its last section, long enough to scroll.</summary>
    public static string Text(string sentence, string title = "\"Preview Test Paper\"")
    {
        var filler = string.Join("\n\n", Enumerable.Range(1, 12).Select(i =>
            $"## Section {i}\n\nThis paragraph of section {i} keeps the page long enough to scroll. It says nothing new, " +
            "but it says it in full sentences so that the typesetter has real lines to break."));
        return $"---\nseries: op\ntitle: {title}\nauthors:\n  - name: \"Test Author\"\nlanguage: en\n---\n\n{filler}\n\n## The edited section\n\n{sentence}\n";
    }

    /// <summary>Writes the manuscript the way many editors save: a new file renamed over the old one.</summary>
    public void Write(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ManuscriptPath)!);
        var temporary = ManuscriptPath + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, ManuscriptPath, overwrite: true);
    }

    public PreviewOptions Options(bool pdf = false, int port = 0) => new()
    {
        ProjectRoot = Root,
        Paths = [Manuscript],
        Port = port,
        Pdf = pdf,
    };

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
}
