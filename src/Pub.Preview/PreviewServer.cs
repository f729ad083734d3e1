// Pub.Preview: `pub preview`. A local web server (Kestrel from the shared framework, bound to 127.0.0.1)
// that serves draft HTML and PDF editions built in memory, watches the manuscripts, rebuilds what a
// change affects and tells open pages to reload through server-sent events. A failed build shows its
// diagnostics over the page while the last good output stays served.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pub.Compiler;
using Pub.Syntax;

namespace Pub.Preview;

/// <summary>Why the preview could not start: the problems found (nothing to preview), or a message
/// about the server itself (the port is taken).</summary>
public sealed record PreviewStartFailure(IReadOnlyList<Diagnostic> Diagnostics, string? Message);

/// <summary>A running preview. Dispose it to stop: the watcher, the rebuild loop, the open event streams
/// and the server all end.</summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly WebApplication _app;
    private readonly PreviewSession _session;
    private readonly PreviewSite _site;
    private readonly PageEvents _events;
    private readonly ProjectWatcher _watcher;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    private PreviewServer(WebApplication app, PreviewSession session, PreviewSite site, PageEvents events, ProjectWatcher watcher)
    {
        _app = app;
        _session = session;
        _site = site;
        _events = events;
        _watcher = watcher;
    }

    /// <summary>Where the preview is served, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The version of the HTML pages being served; it grows with every successful HTML build.</summary>
    public long PageVersion => _site.PageVersion;

    /// <summary>The errors of the latest builds (empty when everything built).</summary>
    public IReadOnlyList<Diagnostic> Errors => _site.Errors;

    /// <summary>True when every change has been built, PDFs included, and nothing is waiting.</summary>
    public bool Idle => _session.Idle;

    /// <summary>True while a PDF is being set.</summary>
    internal bool SettingPdf => _session.SettingPdf;

    /// <summary>Ends when the preview stops by itself (the rebuild loop failed).</summary>
    public Task Completion => _loop;

    /// <summary>Finds the manuscripts, builds their HTML editions, starts watching and serving.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the preview was serving; nothing is left running.</exception>
    public static Task<(PreviewServer? Server, PreviewStartFailure? Failure)> StartAsync(PreviewOptions options, CancellationToken cancel = default) =>
        StartAsync(options, new FileSystemWorld(options.ProjectRoot), cancel);

    /// <summary>The same, reading the project through <paramref name="files"/> (the watcher still watches the
    /// folder on disk).</summary>
    internal static async Task<(PreviewServer? Server, PreviewStartFailure? Failure)> StartAsync(PreviewOptions options, IWorld files, CancellationToken cancel)
    {
        if (!files.FileExists(ConfigReader.FileName))
        {
            return (null, new PreviewStartFailure([new Diagnostic(Severity.Error, Codes.MissingConfig.Id,
                $"no {ConfigReader.FileName} in {files.Root} or the folders above it", Path: ConfigReader.FileName,
                Hints: ["run pub preview inside a pub project"])], null));
        }
        EnoughThreads();
        var site = new PreviewSite();
        var session = new PreviewSession(options, files, site);
        var problems = session.ResolveTargets();
        if (problems.Count > 0 || session.Targets.Count == 0)
        {
            return (null, new PreviewStartFailure(problems.Count > 0 ? problems
                : [new Diagnostic(Severity.Error, Codes.PathNotFound.Id, $"no manuscript ({Workspace.ManuscriptFileName}) below {Workspace.PapersFolder}/", Path: Workspace.PapersFolder)], null));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = files.Root });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownGrace);
        // The host's default lifetime takes SIGINT and SIGTERM from the process and only asks the host to
        // stop, which nothing here waits for: the signal was lost and the preview kept serving. Whoever
        // started the preview decides when it stops (pub preview: on those signals) and disposes it.
        builder.Services.AddSingleton<IHostLifetime, OwnerLifetime>();
        var app = builder.Build();
        var events = new PageEvents();
        // Watch before the first build, so that a save during it is not missed.
        var watcher = new ProjectWatcher(files.Root, session.SharedFolders);
        var server = new PreviewServer(app, session, site, events, watcher);
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync(cancel);
        }
        catch (Exception ex) when (IsAddressInUse(ex))
        {
            await server.DisposeAsync();
            return (null, new PreviewStartFailure([], $"port {options.Port} on 127.0.0.1 is already in use; choose another with --port, or leave it out to use a free one"));
        }
        catch (OperationCanceledException)
        {
            await server.DisposeAsync();
            throw;
        }
        server.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
        site.Changed += () => events.Broadcast(PreviewPages.State(site.PageVersion, site.Errors));
        try
        {
            // The first builds are not waited for once the start is cancelled: they write only to memory.
            await Task.Run(() => session.BuildAll(cancel), CancellationToken.None).WaitAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            await server.DisposeAsync();
            throw;
        }
        server._loop = Task.Run(() => session.RunAsync(watcher, server._stopping.Token));
        return (server, null);
    }

    /// <summary>
    /// A build runs on the thread pool and starts tasks of its own there (reading the bibliography and the style,
    /// rendering beside parsing, finishing the PDF on every core). With the pool at its usual minimum of one
    /// thread per core, the request for a rebuilt page waited until the pool added a thread, tens of
    /// milliseconds while a PDF was being set. A few threads more are made at once when needed.
    /// </summary>
    private static void EnoughThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount + 4), completions);
    }

    private static bool IsAddressInUse(Exception ex) =>
        ex is AddressInUseException || (ex is IOException && ex.InnerException is AddressInUseException);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        // A page reloading asks for itself, its script, styles and figures; the PDF waits until that is over.
        _site.Served(null);
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        ResponsePolicy.Apply(response, raw);
        if (LocalOrigin.Refusal(request.Headers.Host, request.Headers.Origin, context.Connection.LocalPort) is { } refusal)
        {
            await PlainText.WriteAsync(response, StatusCodes.Status403Forbidden, refusal);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        if (!RequestPath.TryParse(raw, out var path))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        switch (path)
        {
            case PreviewPages.EventsPath:
                _site.Follow(true);
                try
                {
                    await _events.StreamAsync(context, PreviewPages.State(_site.PageVersion, _site.Errors), _stopping.Token);
                }
                finally
                {
                    _site.Follow(false);
                }
                return;
            case PreviewPages.StatePath:
                await WriteAsync(response, "application/json; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(PreviewPages.State(_site.PageVersion, _site.Errors)));
                return;
            case PreviewPages.ScriptPath:
                await WriteAsync(response, "text/javascript; charset=utf-8", PreviewPages.ScriptBytes);
                return;
            case "":
                await StartPageAsync(response);
                return;
        }
        var version = _site.PageVersion;
        if (_site.Find(path) is not { } content)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (path.EndsWith(".html", StringComparison.Ordinal))
        {
            await WriteAsync(response, "text/html; charset=utf-8", PreviewPages.Inject(content, version));
            _site.Served(version);
            return;
        }
        await WriteAsync(response, ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream", content);
    }

    /// <summary>One manuscript with a page goes straight to it; otherwise an index of all of them.</summary>
    private async Task StartPageAsync(HttpResponse response)
    {
        var version = _site.PageVersion;
        var manuscripts = _session.Targets
            .Select(m => (m, (IReadOnlyList<string>)[.. _site.FilesOf(EditionPreview.HtmlOwner(m)), .. _site.FilesOf(EditionPreview.PdfOwner(m))],
                _site.HasProblems(EditionPreview.HtmlOwner(m)) || _site.HasProblems(EditionPreview.PdfOwner(m))))
            .ToList();
        if (manuscripts.Count == 1 && manuscripts[0].Item2.FirstOrDefault(f => f.EndsWith(".html", StringComparison.Ordinal)) is { } page)
        {
            response.Redirect("/" + Uri.EscapeDataString(page));
            return;
        }
        await WriteAsync(response, "text/html; charset=utf-8", PreviewPages.Index(manuscripts, version));
        // The index follows the preview's events too, and reloads as a page does.
        _site.Served(version);
    }

    private static async Task WriteAsync(HttpResponse response, string contentType, byte[] content)
    {
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content);
    }

    /// <summary>How long stopping waits for open requests before it closes their connections.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>How long stopping waits for the rebuild loop: an idle loop ends at once on the token; a build
    /// in progress (a long PDF) cannot be interrupted and is not waited for.</summary>
    private static readonly TimeSpan LoopGrace = TimeSpan.FromMilliseconds(100);

    /// <summary>Stops within a second: the event streams and the rebuild loop observe one token, the server
    /// gives open requests <see cref="ShutdownGrace"/>, and a build still running is left to finish on its
    /// own; it writes only to memory, so nothing is left half-written.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _watcher.Dispose();
        _events.CloseAll();
        using (var grace = new CancellationTokenSource(ShutdownGrace))
        {
            await _app.StopAsync(grace.Token);
        }
        try
        {
            await _loop.WaitAsync(LoopGrace);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }
        catch (TimeoutException)
        {
            // A build is still running; it stops at its end, when the loop sees the token.
        }
        await _app.DisposeAsync();
        if (_loop.IsCompleted)
        {
            _stopping.Dispose();
        }
    }
}
