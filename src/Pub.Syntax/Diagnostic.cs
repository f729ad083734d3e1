namespace Pub.Syntax;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A problem found in the input. Stages collect these and return them with their result; an exception
/// always means a bug in pub, never a problem in a document.
/// </summary>
/// <param name="Span">Where the problem is; null for a problem with no position (a missing folder, say).</param>
/// <param name="Path">The file the problem concerns when there is no span.</param>
public sealed record Diagnostic(
    Severity Severity,
    string Code,
    string Message,
    SourceSpan? Span = null,
    IReadOnlyList<string>? Hints = null,
    string? Path = null)
{
    public IReadOnlyList<string> HintList => Hints ?? [];

    public string? FilePath => Span?.Source.Path ?? Path;

    public static Diagnostic Error(DiagnosticCode code, string message, SourceSpan? span = null, params string[] hints) =>
        new(Severity.Error, code.Id, message, span, hints.Length == 0 ? null : hints);

    public static Diagnostic Warning(DiagnosticCode code, string message, SourceSpan? span = null, params string[] hints) =>
        new(Severity.Warning, code.Id, message, span, hints.Length == 0 ? null : hints);

    public static Diagnostic Info(DiagnosticCode code, string message, SourceSpan? span = null, params string[] hints) =>
        new(Severity.Info, code.Id, message, span, hints.Length == 0 ? null : hints);

    public Diagnostic WithPath(string path) => this with { Path = path };

    /// <summary>An exception that escaped a stage while it worked on one file: a bug in pub, reported for that file
    /// (which is not built) so that the others still are. It names the exception and where it was thrown, for the
    /// report it asks for.</summary>
    public static Diagnostic Internal(string path, Exception exception)
    {
        // The first frame in pub's own code says more than one in the runtime library it called.
        var frames = exception.StackTrace?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        var thrownAt = frames.FirstOrDefault(f => f.StartsWith("at Pub.", StringComparison.Ordinal)) ?? frames.FirstOrDefault();
        var hints = new List<string> { "this is a bug in pub, not in the manuscript; please report it with this message and, if you can, the manuscript or the part of it that causes it" };
        if (thrownAt is not null)
        {
            hints.Add("thrown " + thrownAt);
        }
        return new(Severity.Error, Codes.InternalError.Id, $"pub failed on this manuscript: {exception.GetType().FullName}: {exception.Message}", Path: path, Hints: hints);
    }
}

/// <summary>A collector for diagnostics, shared by the parts of one stage.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
