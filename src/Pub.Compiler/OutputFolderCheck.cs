using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// Whether a build may write into its output folder. pub replaces and deletes files there, so the folder must be
/// one nothing else lives in: never a file system root, the project itself or a folder around it, nor its
/// manuscripts or templates; and a folder outside the project (<c>--out /srv/site</c>) must be new, empty, or
/// already pub's, which its <c>manifest.json</c> shows.
/// </summary>
internal static class OutputFolderCheck
{
    public static Diagnostic? Check(IWorld world, ProjectConfig config, string folder)
    {
        if (Path.IsPathRooted(folder))
        {
            var full = Path.GetFullPath(folder);
            var root = Path.GetFullPath(world.Root);
            if (Path.GetPathRoot(full) == full)
            {
                return Refused(folder, "it is the root of the file system", "name a folder of its own, e.g. --out ./site");
            }
            if (Contains(full, root))
            {
                return Refused(folder, "the project folder is inside it", "name a folder of its own, e.g. --out ./site");
            }
            if (world.HasEntries(full) && !world.FileExists(OutputManifest.PathIn(full)))
            {
                return Refused(folder, $"it holds files that pub did not make (there is no {OutputManifest.FileName} in it)",
                    "name a new or empty folder; pub writes a manifest into the folders it makes and may then write there again");
            }
            return null;
        }
        var normalized = ProjectPath.Normalize(folder);
        if (normalized.Length == 0)
        {
            return Refused(folder, "it is the project folder itself", "use the default (output: in pub.yaml, normally dist) or name a folder of its own");
        }
        foreach (var source in new[] { Workspace.PapersFolder, config.Templates })
        {
            if (normalized == source || normalized.StartsWith(source + "/", StringComparison.Ordinal) || source.StartsWith(normalized + "/", StringComparison.Ordinal))
            {
                return Refused(folder, $"it would mix the editions with the project's {source}/ folder", "use the default (output: in pub.yaml, normally dist) or name a folder of its own");
            }
        }
        return null;
    }

    private static bool Contains(string folder, string path)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Equals(folder, comparison) || path.StartsWith(prefix, comparison);
    }

    private static Diagnostic Refused(string folder, string why, string hint) =>
        new(Severity.Error, Codes.OutputFolderRefused.Id, $"pub will not write into the output folder '{folder}': {why}", Path: folder, Hints: [hint]);
}
