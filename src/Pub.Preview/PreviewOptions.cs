namespace Pub.Preview;

/// <summary>What to preview and where. <see cref="Port"/> 0 asks the system for a free port.</summary>
public sealed record PreviewOptions
{
    /// <summary>The project folder (the one holding pub.yaml), absolute.</summary>
    public required string ProjectRoot { get; init; }

    /// <summary>Manuscripts to preview, project-relative (files or folders); all when empty.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    public int Port { get; init; }

    /// <summary>Build and serve the PDF edition too (after the HTML, so the page reloads first).</summary>
    public bool Pdf { get; init; } = true;

    /// <summary>How long the watcher waits for a burst of file events to settle before rebuilding. An editor's save
    /// (write, rename, attributes) arrives within a few milliseconds; a longer wait only delays the page.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Where rebuilds and diagnostics are reported (the terminal in <c>pub preview</c>).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;
}
