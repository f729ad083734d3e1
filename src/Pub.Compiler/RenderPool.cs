using System.Collections.Concurrent;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>A process that renders manuscripts for a build (see <see cref="RenderService"/>): the stream the build
/// writes its requests to, the stream it reads the replies from, and how to stop the process.</summary>
public sealed class RenderWorker(Stream requests, Stream replies, Action stop) : IDisposable
{
    public Stream Requests { get; } = requests;

    public Stream Replies { get; } = replies;

    /// <summary>Stops the worker at once, whatever it is doing; it writes nothing, so nothing is lost.</summary>
    public void Dispose() => stop();
}

/// <summary>
/// Where a build's manuscripts are rendered: <see cref="Jobs"/> slots, one in the build's own process and the others in
/// render workers where the build can start them (a slot whose worker could not be started, or stopped answering,
/// renders in this process instead). A rendering takes the first free slot.
/// </summary>
internal sealed class RenderPool : IDisposable
{
    private readonly ConcurrentQueue<Slot> _free = new();
    private readonly SemaphoreSlim _available;
    private readonly List<Slot> _slots;

    private RenderPool(List<Slot> slots)
    {
        _slots = slots;
        foreach (var slot in slots)
        {
            _free.Enqueue(slot);
        }
        _available = new SemaphoreSlim(slots.Count);
    }

    public int Jobs => _slots.Count;

    /// <summary>A pool of <paramref name="jobs"/> slots; with <paramref name="start"/>, all but the first in workers,
    /// each sent the build's setup at once so that it loads the project while the build does.</summary>
    public static RenderPool Start(int jobs, BuildOptions options, Func<RenderWorker?>? start)
    {
        var setup = start is null ? null : RenderProtocol.EncodeSetup(RenderProtocol.Setup.Of(options));
        var slots = new List<Slot> { new(null) };
        for (var i = 1; i < jobs; i++)
        {
            slots.Add(new Slot(setup is null ? null : Connect(start!, setup)));
        }
        return new RenderPool(slots);
    }

    private static WorkerClient? Connect(Func<RenderWorker?> start, byte[] setup)
    {
        RenderWorker? worker = null;
        try
        {
            worker = start();
            if (worker is null)
            {
                return null;
            }
            RenderProtocol.Write(worker.Requests, setup);
            return new WorkerClient(worker);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            // A worker that cannot be started leaves its slot to this process.
            worker?.Dispose();
            return null;
        }
    }

    /// <summary>Renders a manuscript in the first free slot: in a worker when the slot has one that answers, else
    /// here with <paramref name="render"/>.</summary>
    public async Task<RenderedEdition> RenderAsync(PendingEdition pending, Func<PendingEdition, RenderedEdition> render, CancellationToken stop)
    {
        await _available.WaitAsync(stop).ConfigureAwait(false);
        _free.TryDequeue(out var slot);
        try
        {
            if (slot!.Worker is { } worker)
            {
                if (await worker.RenderAsync(pending, stop).ConfigureAwait(false) is { } rendered)
                {
                    return rendered;
                }
                if (worker.Broken)
                {
                    slot.Worker = null;
                    worker.Dispose();
                }
            }
            return render(pending);
        }
        finally
        {
            _free.Enqueue(slot!);
            _available.Release();
        }
    }

    /// <summary>Stops every worker (those rendering included).</summary>
    public void Dispose()
    {
        foreach (var slot in _slots)
        {
            slot.Worker?.Dispose();
        }
    }

    private sealed class Slot(WorkerClient? worker)
    {
        public WorkerClient? Worker { get; set; } = worker;
    }

    /// <summary>The build's end of one worker.</summary>
    private sealed class WorkerClient(RenderWorker worker) : IDisposable
    {
        private int _disposed;

        /// <summary>The worker stopped answering (it ended, or said something this build cannot read).</summary>
        public bool Broken { get; private set; }

        /// <summary>The manuscript as the worker rendered it, with the diagnostics the build's preparation found
        /// first; null when it did not render it (the build renders it itself then).</summary>
        public async Task<RenderedEdition?> RenderAsync(PendingEdition pending, CancellationToken stop)
        {
            RenderProtocol.Reply? reply;
            try
            {
                await RenderProtocol.WriteAsync(worker.Requests, RenderProtocol.EncodeRequest(pending.Manuscript.Path), stop).ConfigureAwait(false);
                var body = await RenderProtocol.ReadAsync(worker.Replies, stop).ConfigureAwait(false);
                if (body is null)
                {
                    Broken = true;
                    return null;
                }
                reply = RenderProtocol.DecodeReply(body);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or EndOfStreamException or FormatException or ArgumentException or InvalidOperationException)
            {
                // Stopped with the build (--fail-fast), or the worker ended while rendering.
                stop.ThrowIfCancellationRequested();
                Broken = true;
                return null;
            }
            if (reply is null)
            {
                return null;
            }
            return new RenderedEdition(pending.Manuscript, reply.EarlierFiles, reply.Inputs, reply.Files, [.. pending.Diagnostics, .. reply.Added],
                reply.Stopped, reply.Elapsed)
            {
                Editions = reply.Editions,
                Elsewhere = true,
                FileDiagnostics = reply.FileDiagnostics,
            };
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                worker.Dispose();
            }
        }
    }
}
