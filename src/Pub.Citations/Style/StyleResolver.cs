// Dependent styles name their parent by id (an URL such as http://www.zotero.org/styles/apa). The
// parent is looked up by its file name (the last path segment + ".csl") in the dependent style's folder
// and in any configured folders; the dependent style's default-locale overrides the parent's.
using Pub.Syntax;

namespace Pub.Citations;

public static class StyleResolver
{
    /// <summary>Loads a style file; for a dependent style loads and returns its parent instead.</summary>
    public static Style? Load(string path, DiagnosticBag diagnostics, params string[] styleFolders)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.MissingParentStyle.Id, $"style file '{path}' does not exist", Path: path));
            return null;
        }
        var style = StyleParser.Parse(new SourceText(path, File.ReadAllText(path)), diagnostics);
        if (style is null || !style.IsDependent)
        {
            return style;
        }
        var parentName = style.ParentId!.TrimEnd('/').Split('/')[^1];
        var folders = new[] { System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? "." }.Concat(styleFolders);
        foreach (var folder in folders)
        {
            var candidate = System.IO.Path.Combine(folder, parentName + ".csl");
            if (File.Exists(candidate))
            {
                var parent = StyleParser.Parse(new SourceText(candidate, File.ReadAllText(candidate)), diagnostics);
                if (parent is not null)
                {
                    parent.DefaultLocale = style.DefaultLocale ?? parent.DefaultLocale;
                    parent.Locales.InsertRange(0, style.Locales);
                }
                return parent;
            }
        }
        diagnostics.Add(Diagnostic.Error(Codes.MissingParentStyle, $"parent style '{style.ParentId}' of dependent style '{style.Id}' was not found", style.Source?.Span(0, 0)));
        return null;
    }
}
