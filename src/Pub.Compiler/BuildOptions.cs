using Pub.Syntax;

namespace Pub.Compiler;

[Flags]
public enum OutputFormats
{
    None = 0,
    Html = 1,
    Pdf = 2,
    All = Html | Pdf,
}

/// <summary>What to build and how. <see cref="Write"/> false is <c>pub check</c>: everything is produced in
/// memory and checked, nothing is written.</summary>
public sealed record BuildOptions
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>The output folder; pub.yaml's <c>output</c> when null. May be absolute.</summary>
    public string? OutputFolder { get; init; }

    public OutputFormats Formats { get; init; } = OutputFormats.All;

    /// <summary>Mark every edition as a draft, with the build time (the only use of the clock).</summary>
    public bool Draft { get; init; }

    /// <summary>Stop after the first manuscript with errors.</summary>
    public bool FailFast { get; init; }

    public bool Write { get; init; } = true;

    /// <summary>Link the PDF edition from the HTML page even when this build does not make the PDF: the
    /// preview builds the HTML first and the PDF after it, so that the page reloads sooner.</summary>
    public bool LinkPdf { get; init; }

    /// <summary>Skip editions whose inputs and outputs are unchanged since the last build, using the cache in
    /// <c>.pub/cache/</c>; <c>pub build</c> sets it. Checks and drafts never use the cache.</summary>
    public bool Incremental { get; init; }

    /// <summary>Keep <c>manifest.json</c> in the output folder up to date (see <see cref="OutputManifest"/>). The
    /// preview, whose output lives in memory, and the builds a publish checks with turn it off.</summary>
    public bool Manifest { get; init; } = true;

    /// <summary>With <see cref="Incremental"/>: rebuild and rewrite everything, then refresh the cache.</summary>
    public bool Force { get; init; }

    /// <summary>How many manuscripts are rendered at once; 1 builds them one after the other. The outputs,
    /// the cache and the diagnostics are the same whatever the number.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Starts a render worker (<c>pub render-worker</c>, see <see cref="RenderService"/>); null when none can
    /// be started. A build of PDF editions with more than one job renders in one slot of its own and in
    /// <see cref="Jobs"/> - 1 workers, each with a heap of its own; without this, and for HTML alone (quick to render, on
    /// little memory: a worker's start would cost more than it saves), all its jobs are threads of this process.</summary>
    public Func<RenderWorker?>? StartRenderWorker { get; init; }

    /// <summary>Told about each manuscript built or failed (not those unchanged), in manuscript order, as soon
    /// as it and those before it are done.</summary>
    public Action<EditionResult>? Progress { get; init; }

    /// <summary>Abandons a build nobody waits for any more (the preview's PDF when the manuscript is saved again):
    /// layout stops at the next block, writing the PDF at the next page, and the build throws
    /// <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancel { get; init; }

    /// <summary>Bibliography and style files parsed by earlier builds of this process, reused where their bytes
    /// are unchanged (the preview keeps one for all its builds); null parses every file.</summary>
    public ParsedFiles? Parsed { get; init; }
}

/// <summary>The outcome of one manuscript. <see cref="Unchanged"/>: skipped, because nothing it depends on
/// changed since the last build and its outputs are still in place.</summary>
public sealed record EditionResult(string Manuscript, IReadOnlyList<string> Written, bool Failed, bool Unchanged = false)
{
    /// <summary>How many editions (HTML, PDF) were made in memory; they are written unless the build only checks.</summary>
    public int Editions { get; init; }

    /// <summary>How long rendering the manuscript took (zero when nothing was rendered).</summary>
    public TimeSpan Elapsed { get; init; }
}

public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<EditionResult> Editions,
    bool ConfigurationFailed)
{
    public IEnumerable<string> Written => Editions.SelectMany(e => e.Written);

    /// <summary>Files a complete build deleted from the output folder because it no longer makes them.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public bool HasWarnings => Diagnostics.Any(d => d.Severity == Severity.Warning);
}
