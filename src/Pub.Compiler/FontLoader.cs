using Pub.Layout.Fonts;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>Loads the fonts a PDF may use: the project's templates/fonts and the folders pub.yaml names.
/// The machine's own fonts are never looked at, so a PDF is the same everywhere.</summary>
internal static class FontLoader
{
    public static FontSet Load(IWorld world, ProjectConfig config, List<Diagnostic> diagnostics)
    {
        var folders = new[] { ProjectPath.Combine(config.Templates, "fonts") }.Concat(config.Fonts);
        var files = new List<(string, byte[])>();
        foreach (var folder in folders)
        {
            var found = world.ListFiles(folder)
                .Where(f => f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (found.Count == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, Codes.MissingFont.Id, $"no font files in {folder}", Path: folder,
                    Hints: ["the PDF editions need the fonts shipped in templates/fonts"]));
            }
            files.AddRange(found.Select(f => (ProjectPath.FileName(f), world.ReadBytes(f) ?? [])));
        }
        return FontSet.Load(files);
    }
}
