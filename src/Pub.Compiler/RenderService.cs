using Pub.Layout.Fonts;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// A render worker: a process of its own that renders manuscripts for a build (<c>pub render-worker</c>, started by
/// the build through <see cref="BuildOptions.StartRenderWorker"/>). Manuscripts rendered in one process share its
/// heap, and every collection there traces and moves what all of them hold; each worker has a heap of its own.
/// </summary>
/// <remarks>
/// The worker loads the project from the same files as the build, reading only the front matter of the manuscripts (the
/// build has read and checked them whole) and the whole of each manuscript when it is asked to render it, and renders
/// it exactly as the build would: it prepares it itself (the build's cache and what preparing reports stay with the build) and
/// answers with the files and what rendering found (see <see cref="RenderProtocol"/>). It writes nothing. A manuscript
/// it cannot render as the build asked (unknown to it, finished in preparing, or rendering threw) is answered as not
/// rendered, and the build renders it itself.
/// </remarks>
internal static class RenderService
{
    public static void Serve(IWorld world, Stream requests, Stream replies)
    {
        if (RenderProtocol.Read(requests) is not { } first || RenderProtocol.DecodeSetup(first) is not { } setup)
        {
            return;
        }
        var options = setup.Options;
        var (workspace, citations) = PubCompiler.LoadProject(world, options);
        try
        {
            // The loader is made once the configuration is read; without one there is nothing to render.
            var renderer = citations is null ? null : new Renderer(workspace, options, citations);
            while (RenderProtocol.Read(requests) is { } request)
            {
                RenderProtocol.Write(replies, renderer?.Render(RenderProtocol.DecodeRequest(request)) ?? RenderProtocol.EncodeNotRendered());
            }
        }
        finally
        {
            citations?.Settle();
        }
    }

    private sealed class Renderer(Workspace workspace, BuildOptions options, CitationLoader citations)
    {
        private readonly EditionBuilder _builder = new(workspace, options,
            new Lazy<FontSet?>(() => FontLoader.Load(workspace.World, workspace.Config!, [])), citations);

        private readonly Dictionary<string, Manuscript> _manuscripts = workspace.Manuscripts.ToDictionary(m => m.Path, StringComparer.Ordinal);

        /// <summary>How many of the loader's file diagnostics earlier replies carried.</summary>
        private int _sent;

        public byte[]? Render(string path)
        {
            try
            {
                if (!_manuscripts.TryGetValue(path, out var manuscript)
                    || _builder.Prepare(Publishing.IdentifierChecks.Apply(workspace.Complete(manuscript))).Pending is not { } pending)
                {
                    return null;
                }
                var prepared = pending.Diagnostics.Count;
                var rendered = _builder.Render(pending);
                var files = citations.FileDiagnostics;
                var fileDiagnostics = files.Skip(_sent).ToList();
                _sent = files.Count;
                return RenderProtocol.EncodeReply(new RenderProtocol.Reply(rendered.Stopped, rendered.Elapsed, rendered.Editions, rendered.EarlierFiles,
                    rendered.Inputs, [.. rendered.Diagnostics.Skip(prepared)], fileDiagnostics, rendered.Files));
            }
#pragma warning disable CA1031 // A bug met here is met again, and reported, when the build renders the manuscript itself.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }
    }
}
