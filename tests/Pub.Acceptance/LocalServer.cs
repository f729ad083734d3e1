using System.Net;
using System.Net.Sockets;

namespace Pub.Acceptance;

/// <summary>
/// Serves a folder read-only over HTTP on 127.0.0.1, so that pages load as they would from a web
/// server (relative URLs, MIME types, 404s) and nothing listens beyond this machine. GET and HEAD only;
/// paths that leave the folder are 404.
/// </summary>
public sealed class LocalServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".atom"] = "application/atom+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".svg"] = "image/svg+xml",
        [".woff2"] = "font/woff2",
        [".pdf"] = "application/pdf",
    };

    private readonly string _root;
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LocalServer(string root)
    {
        _root = Path.GetFullPath(root);
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            var file = Resolve(context.Request.Url!.AbsolutePath);
            if (file is null || context.Request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.StatusCode = file is null ? 404 : 405;
                return;
            }
            var bytes = File.ReadAllBytes(file);
            response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            response.ContentLength64 = bytes.Length;
            if (context.Request.HttpMethod == "GET")
            {
                response.OutputStream.Write(bytes);
            }
        }
        catch (Exception e) when (e is IOException or HttpListenerException)
        {
            // The browser went away mid-response; nothing to do.
        }
    }

    /// <summary>The file a URL path names, or null when there is none inside the root.</summary>
    public string? Resolve(string urlPath)
    {
        var relative = Uri.UnescapeDataString(urlPath).TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by exception when the listener closes.
        }
    }
}
