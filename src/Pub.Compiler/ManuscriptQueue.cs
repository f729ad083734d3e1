using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// Builds the manuscripts of one run, up to <see cref="BuildOptions.Jobs"/> at a time, with the same outcome as
/// building them one after the other. Each manuscript goes through three steps of <see cref="EditionBuilder"/>:
/// prepare and commit run on the calling thread in manuscript order, so files, the cache, the manifest and the
/// order of diagnostics never depend on which manuscript finished first; only rendering (resolve, HTML, layout,
/// PDF), which reads and writes nothing shared but thread-safe caches, runs elsewhere: in render workers, processes
/// with a heap of their own (see <see cref="RenderPool"/>), and on another thread of this process.
/// </summary>
/// <remarks>
/// Memory stays bounded: at most twice as many manuscripts as jobs are in flight (rendering, or rendered and
/// waiting for those before them to be written), and a rendered manuscript is dropped once its files are
/// written. A later edition links the files of its earlier editions only when they are in the output folder,
/// which a manuscript before it in the same build may write: such a manuscript waits until every manuscript
/// before it is committed, exactly as it would in a sequential build.
/// </remarks>
/// <param name="idle">Work the build needs done later anyway, one piece per call (false when none is left), which
/// the calling thread takes on while it would otherwise only wait for a manuscript rendering on another.</param>
/// <param name="pool">Where manuscripts render when there are several jobs (render workers among them); without
/// one, they render on as many threads of this process.</param>
/// <param name="take">The manuscript as it is to be prepared, given the one listed: read whole and checked (see
/// <see cref="Workspace.Take"/>), on the calling thread, in manuscript order, just before it is prepared.</param>
internal sealed class ManuscriptQueue(EditionBuilder builder, BuildOptions options, Func<bool>? idle = null, RenderPool? pool = null,
    Func<Manuscript, Manuscript>? take = null)
{
    private readonly int _jobs = pool?.Jobs ?? Math.Max(1, options.Jobs);

    public void Run(IReadOnlyList<Manuscript> manuscripts, List<EditionResult> editions, List<Diagnostic> diagnostics)
    {
        var inFlight = new Queue<(PreparedEdition Prepared, Task<RenderedEdition>? Rendering)>();
        var window = _jobs == 1 ? 1 : 2 * _jobs;
        using var threads = pool is null && _jobs > 1 ? RenderPool.Start(_jobs, options, start: null) : null;
        var slots = pool ?? threads;
        using var stop = new CancellationTokenSource();
        var next = 0;
        try
        {
            while (true)
            {
                while (next < manuscripts.Count && inFlight.Count < window && !(inFlight.Count > 0 && ReadsEarlierOutputs(manuscripts[next])))
                {
                    var manuscript = take is null ? manuscripts[next] : take(manuscripts[next]);
                    var prepared = Isolated(manuscript, () => builder.Prepare(manuscript));
                    next++;
                    inFlight.Enqueue((prepared, prepared.Pending is { } pending && slots is not null ? RenderAsync(pending, slots, stop.Token) : null));
                }
                if (!inFlight.TryDequeue(out var head))
                {
                    return;
                }
                var (result, found) = head.Prepared.Finished ?? Rendered(head.Prepared.Pending!, head.Rendering);
                editions.Add(result);
                diagnostics.AddRange(found);
                if (!result.Unchanged)
                {
                    options.Progress?.Invoke(result);
                }
                if (options.FailFast && result.Failed)
                {
                    return;
                }
            }
        }
        finally
        {
            // After --fail-fast the manuscripts still in flight are abandoned: those not started never start, and
            // those rendering are waited for, so that nothing runs once the build has returned; the render workers are
            // stopped at once, as what they are rendering will not be written.
            stop.Cancel();
            if (inFlight.Count > 0)
            {
                slots?.Dispose();
            }
            foreach (var (_, rendering) in inFlight)
            {
                if (rendering is not null)
                {
                    try
                    {
                        rendering.Wait(CancellationToken.None);
                    }
                    catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
                    {
                    }
                }
            }
        }
    }

    /// <summary>Commits a rendered manuscript. An exception while it was rendered is a bug in pub that stops this
    /// manuscript only: it is reported as an internal error and the build goes on. Writing (commit) is not
    /// guarded: a failure there is reported by the world as a message, never thrown.</summary>
    private (EditionResult, IReadOnlyList<Diagnostic>) Rendered(PendingEdition pending, Task<RenderedEdition>? rendering)
    {
        RenderedEdition rendered;
        if (rendering is not null && idle is not null)
        {
            while (!rendering.IsCompleted && idle())
            {
            }
        }
        try
        {
            rendered = rendering?.GetAwaiter().GetResult() ?? builder.Render(pending);
        }
#pragma warning disable CA1031 // Any exception here is a bug in pub; it must not take the other manuscripts down.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return builder.Crashed(pending.Manuscript, pending.Diagnostics, ex);
        }
        return builder.Commit(rendered);
    }

    private PreparedEdition Isolated(Manuscript manuscript, Func<PreparedEdition> prepare)
    {
        try
        {
            return prepare();
        }
#pragma warning disable CA1031 // As in Rendered: a bug in pub stops one manuscript, not the build.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new PreparedEdition(builder.Crashed(manuscript, manuscript.Diagnostics, ex), null);
        }
    }

    private Task<RenderedEdition> RenderAsync(PendingEdition pending, RenderPool slots, CancellationToken stop) =>
        Task.Run(() => slots.RenderAsync(pending, builder.Render, stop), stop);

    private static bool ReadsEarlierOutputs(Manuscript manuscript) => manuscript.Document?.Meta.EarlierEditions.Count > 0;
}
