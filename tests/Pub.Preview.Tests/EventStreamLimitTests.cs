using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pub.Preview.Tests;

/// <summary>Open event streams are limited: one past the limit gets 503 and a sentence, and a stream that
/// closes makes room for the next.</summary>
public sealed class EventStreamLimitTests
{
    /// <summary>An open event stream: the socket stays open until disposed; the answer's head and first
    /// event have been read.</summary>
    private sealed class OpenStream(TcpClient client, string received) : IDisposable
    {
        public string Received => received;

        public int Status => int.Parse(received.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

        public void Dispose() => client.Dispose();

        public static async Task<OpenStream> OpenAsync(int port)
        {
            var cancel = TestContext.Current.CancellationToken;
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancel);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /__pub/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"), cancel);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            var received = new StringBuilder();
            var buffer = new byte[4096];
            // Until the first event of a stream, or the end of a refusal's body.
            while (!received.ToString().Contains("event: state", StringComparison.Ordinal) && !received.ToString().Contains("tabs", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }
                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
            return new OpenStream(client, received.ToString());
        }
    }

    [Fact]
    public async Task OneStreamPastTheLimitIsRefusedUntilAnotherCloses()
    {
        using var project = new PreviewProject();
        var (server, failure) = await PreviewServer.StartAsync(project.Options(), TestContext.Current.CancellationToken);
        Assert.True(server is not null, failure?.Message);
        await using var _ = server;
        var port = server.Url.Port;
        var open = new List<OpenStream>();
        try
        {
            for (var i = 0; i < PageEvents.MaxStreams; i++)
            {
                var stream = await OpenStream.OpenAsync(port);
                open.Add(stream);
                Assert.True(stream.Status == 200, $"stream {i + 1}: {stream.Received}");
            }
            Assert.Equal(32, PageEvents.MaxStreams);

            using (var refused = await OpenStream.OpenAsync(port))
            {
                Assert.Equal(503, refused.Status);
                Assert.Contains("text/plain", refused.Received, StringComparison.Ordinal);
                Assert.Contains("32 pages are already following this preview", refused.Received, StringComparison.Ordinal);
                Assert.DoesNotContain("event: state", refused.Received, StringComparison.Ordinal);
            }

            // The page and everything else is still served while the streams are full.
            using var http = new HttpClient { BaseAddress = server.Url };
            Assert.Contains("\"version\"", await http.GetStringAsync("/__pub/state", TestContext.Current.CancellationToken), StringComparison.Ordinal);

            // A closed stream makes room (the server notices the closed connection shortly after).
            open[0].Dispose();
            open.RemoveAt(0);
            OpenStream? next = null;
            for (var attempt = 0; attempt < 100 && next?.Status != 200; attempt++)
            {
                next?.Dispose();
                await Task.Delay(50, TestContext.Current.CancellationToken);
                next = await OpenStream.OpenAsync(port);
            }
            open.Add(next!);
            Assert.Equal(200, next!.Status);
        }
        finally
        {
            open.ForEach(s => s.Dispose());
        }
    }
}
