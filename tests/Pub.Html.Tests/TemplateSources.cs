using Pub.Html.Edition;

namespace Pub.Html.Tests;

internal sealed class InMemoryTemplates(Dictionary<string, string> files) : ITemplateSource
{
    public string? Read(string relativePath) => files.TryGetValue(relativePath, out var text) ? text : null;
}

/// <summary>The repository's real templates folder, found by walking up from the test assembly to the
/// folder that holds PubPipeline.sln.</summary>
internal sealed class RepositoryTemplates : ITemplateSource
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder { get; } = Path.Combine(RepositoryRoot, "templates");

    public string? Read(string relativePath)
    {
        var path = Path.Combine(Folder, relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PubPipeline.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PubPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
