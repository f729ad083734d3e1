using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pub.Preview.Tests;

/// <summary>HTTP/1.1 over a bare socket, so that a test sends exactly the Host and Origin it means to:
/// HTTP clients fill in or normalise both.</summary>
internal static class RawHttp
{
    public sealed record Answer(int Status, string Head, string Body)
    {
        public string? Header(string name) => Head.Split("\r\n").Skip(1)
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(name.Length + 1)..].Trim()).FirstOrDefault();
    }

    /// <summary>Sends one request and reads the whole answer (the server closes the connection after it).</summary>
    public static async Task<Answer> SendAsync(int port, string target, string? host, string method = "GET", params string[] headers)
    {
        using var client = new TcpClient();
        var cancel = TestContext.Current.CancellationToken;
        await client.ConnectAsync(IPAddress.Loopback, port, cancel);
        await using var stream = client.GetStream();
        var request = new StringBuilder($"{method} {target} HTTP/1.1\r\n");
        if (host is not null)
        {
            request.Append("Host: ").Append(host).Append("\r\n");
        }
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }
        request.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        using var all = new MemoryStream();
        await stream.CopyToAsync(all, timeout.Token);
        var text = Encoding.UTF8.GetString(all.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, "no HTTP answer: " + text);
        var head = text[..split];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return new Answer(status, head, text[(split + 4)..]);
    }
}
