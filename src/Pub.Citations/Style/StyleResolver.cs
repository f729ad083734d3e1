// Dependent styles name their parent by id (an URL such as http://www.zotero.org/styles/apa). The
// parent is looked up by its file name (the last path segment + ".csl") in the dependent style's folder
// and in any configured folders; the dependent style's default-locale overrides the parent's.
using Pub.Syntax;

namespace Pub.Citations;

public static class StyleResolver
{
    /// <summary>Loads a style file from disk; for a dependent style loads and returns its parent instead.</summary>
    public static Style? Load(string path, DiagnosticBag diagnostics, params string[] styleFolders) =>
        Load(path, p => File.Exists(p) ? new SourceText(p, File.ReadAllText(p)) : null, diagnostics, styleFolders);

    /// <summary>Loads a style through <paramref name="read"/> (which returns null for a missing file), so
    /// that the caller decides where files come from; for a dependent style returns its parent.</summary>
    public static Style? Load(string path, Func<string, SourceText?> read, DiagnosticBag diagnostics, IEnumerable<string> styleFolders)
    {
        if (read(path) is not { } source)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.MissingParentStyle.Id, $"style file '{path}' does not exist", Path: path));
            return null;
        }
        var style = StyleParser.Parse(source, diagnostics);
        if (style is null || !style.IsDependent)
        {
            return style;
        }
        var parentName = style.ParentId!.TrimEnd('/').Split('/')[^1];
        var folders = new[] { System.IO.Path.GetDirectoryName(path) ?? "" }.Concat(styleFolders);
        foreach (var folder in folders)
        {
            var candidate = folder.Length == 0 ? parentName + ".csl" : folder.TrimEnd('/', '\\') + "/" + parentName + ".csl";
            if (read(candidate) is { } parentSource)
            {
                return StyleParser.Parse(parentSource, diagnostics) is { } parent
                    ? parent with { DefaultLocale = style.DefaultLocale ?? parent.DefaultLocale, Locales = [.. style.Locales, .. parent.Locales] }
                    : null;
            }
        }
        diagnostics.Add(Diagnostic.Error(Codes.MissingParentStyle, $"parent style '{style.ParentId}' of dependent style '{style.Id}' was not found", style.Source?.Span(0, 0),
            "put the parent style's file beside the dependent style, or name a folder of styles in pub.yaml (styles:)"));
        return null;
    }
}
