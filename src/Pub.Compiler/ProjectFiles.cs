using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>The files of a project folder that pub may read. A symbolic link that leads outside the project is
/// never read: it is left out of the list and reported, so that a link committed to the repository (a font
/// folder pointing at the runner's home, a "figure" pointing at /etc/passwd) is an error, not a leak.</summary>
internal static class ProjectFiles
{
    public static List<string> List(IWorld world, string folder, List<Diagnostic> diagnostics)
    {
        var readable = new List<string>();
        foreach (var file in world.ListFiles(folder))
        {
            if (file.EndsWith('/') || world.IsOutside(file))
            {
                diagnostics.Add(Refused(file));
            }
            else
            {
                readable.Add(file);
            }
        }
        return readable;
    }

    /// <summary>The error for a listed link that leads outside: a folder link is listed with a trailing slash.</summary>
    public static Diagnostic Refused(string listed)
    {
        var path = listed.TrimEnd('/');
        var what = listed.EndsWith('/') ? "folder" : "file";
        return new Diagnostic(Severity.Error, Codes.OutsideProject.Id, $"'{path}' is a symbolic link to a {what} outside the project; it is not read",
            Path: path, Hints: [ProjectPath.OutsideHint(path)]);
    }
}
