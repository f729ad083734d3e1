namespace Pub.Html.Edition;

/// <summary>Where templates come from: the project's <c>templates/</c> folder in the compiler, a
/// dictionary in tests. Paths are relative to that folder with forward slashes ("html/paper.html").</summary>
public interface ITemplateSource
{
    /// <summary>The template's text, or null when there is no such template.</summary>
    string? Read(string relativePath);

    /// <summary>The path shown in diagnostics, relative to the project root.</summary>
    string DisplayPath(string relativePath) => "templates/" + relativePath;

    /// <summary>True when the template is a symbolic link leading outside the project, and so is not read.</summary>
    bool IsOutside(string relativePath) => false;
}
