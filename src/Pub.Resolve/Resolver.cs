// Pub.Resolve: the ordered Document → Document passes between parsing and writing. Each pass returns
// a new tree and reports problems as diagnostics; none touches the file system except through the
// context's read-only questions.
using Pub.Model;
using Pub.Syntax;

namespace Pub.Resolve;

/// <summary>What the passes may ask of the outside world, and where they report problems.</summary>
public sealed class ResolveContext(Func<string, bool> fileExists, Func<string, byte[]?> readBytes, Func<string, bool>? isOutside = null)
{
    public DiagnosticBag Diagnostics { get; } = new();

    public bool FileExists(string path) => fileExists(path);

    public byte[]? ReadBytes(string path) => readBytes(path);

    /// <summary>Whether a project-relative path leads outside the project (by ".." or a symbolic link); such a
    /// path is never read.</summary>
    public bool IsOutside(string path) => ProjectPath.EscapesRoot(ProjectPath.Normalize(path)) || (isOutside?.Invoke(path) ?? false);

    /// <summary>The style, locales and references citations are rendered with; set by the compiler.
    /// Without it, citations render as their keys and each one is reported.</summary>
    public CitationSetup? Citations { get; init; }

    /// <summary>True when citations cannot be rendered for a reason already reported (a missing style),
    /// so that each citation is not reported again.</summary>
    public bool CitationsUnavailable { get; init; }
}

public interface IDocumentPass
{
    Document Run(Document document, ResolveContext context);
}

/// <summary>The passes in the order they must run: assets and numbering before cross-references (which
/// name numbers), citations before footnotes (a note style adds notes).</summary>
public static class Resolver
{
    public static IReadOnlyList<IDocumentPass> Passes { get; } =
    [
        new AssetPass(),
        new NumberingPass(),
        new CrossReferencePass(),
        new CitationPass(),
        new FootnotePass(),
    ];

    public static Document Resolve(Document document, ResolveContext context) =>
        Passes.Aggregate(document, (current, pass) => pass.Run(current, context));
}
