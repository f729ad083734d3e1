using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Pub.Preview;

/// <summary>
/// Server-sent events to the open pages. Each page holds one stream; after every change of the site it
/// receives the current state (page version and errors), and the page decides whether to reload or show
/// the error overlay. A new stream gets the state at once, so a page opened during a failure shows it.
/// </summary>
/// <remarks>Open streams are limited (<see cref="MaxStreams"/>): each holds a connection and a task for as long
/// as the page is open, and an author has a handful of tabs, not hundreds. One more is refused with 503.</remarks>
internal sealed class PageEvents(int maxStreams = PageEvents.MaxStreams)
{
    public const int MaxStreams = 32;

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _streams = [];

    public void Broadcast(string state)
    {
        lock (_gate)
        {
            foreach (var stream in _streams)
            {
                stream.Writer.TryWrite(state);
            }
        }
    }

    /// <summary>Ends every stream, so that stopping the server does not wait for open pages.</summary>
    public void CloseAll()
    {
        lock (_gate)
        {
            foreach (var stream in _streams)
            {
                stream.Writer.TryComplete();
            }
        }
    }

    public async Task StreamAsync(HttpContext context, string initialState, CancellationToken stopping)
    {
        Channel<string>? stream = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (_streams.Count >= maxStreams)
            {
                stream = null;
            }
            else
            {
                _streams.Add(stream);
            }
        }
        if (stream is null)
        {
            await PlainText.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable,
                $"pub preview: {maxStreams} pages are already following this preview; close some tabs and reload this one.\n");
            return;
        }
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            context.Response.ContentType = "text/event-stream";
            // Ask the browser to reconnect quickly when the server restarts.
            await context.Response.WriteAsync("retry: 500\n\n", cancel.Token);
            await WriteStateAsync(context, initialState, cancel.Token);
            while (!cancel.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token);
                wait.CancelAfter(KeepAlive);
                try
                {
                    if (!await stream.Reader.WaitToReadAsync(wait.Token))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", cancel.Token);
                    await context.Response.Body.FlushAsync(cancel.Token);
                    continue;
                }
                // Only the newest state matters to a page.
                var latest = initialState;
                while (stream.Reader.TryRead(out var state))
                {
                    latest = state;
                }
                await WriteStateAsync(context, latest, cancel.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the server is stopping.
        }
        finally
        {
            lock (_gate)
            {
                _streams.Remove(stream);
            }
        }
    }

    private static async Task WriteStateAsync(HttpContext context, string state, CancellationToken cancel)
    {
        await context.Response.WriteAsync("event: state\ndata: " + state + "\n\n", cancel);
        await context.Response.Body.FlushAsync(cancel);
    }
}
