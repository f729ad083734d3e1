using System.Globalization;

namespace Pub.Preview;

/// <summary>
/// Who may talk to the preview. The server listens on 127.0.0.1 only, yet a web page elsewhere can still
/// reach it: by DNS rebinding, a name the attacker controls is pointed at 127.0.0.1 and the browser then
/// sends that page's requests here, with the attacker's name in Host, and lets the page read the drafts as
/// if they were its own. So a request is answered only when its Host names this server by a loopback name
/// and its own port; and a request a page made on purpose (it carries Origin) only when that page is the
/// preview's own.
/// </summary>
internal static class LocalOrigin
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Null when the request may be answered, otherwise a short reason for the person who sees it.</summary>
    public static string? Refusal(string? host, string? origin, int port)
    {
        if (!IsThisServer(host, port))
        {
            return FormattableString.Invariant(
                $"pub preview answers only requests addressed to localhost:{port}, 127.0.0.1:{port} or [::1]:{port}; this one names '{host}'. Open the address pub preview printed.");
        }
        if (origin is not null && !(origin.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && IsThisServer(origin["http://".Length..], port)))
        {
            return "pub preview does not answer requests made by other web pages.";
        }
        return null;
    }

    /// <summary>Whether an authority (<c>name</c> or <c>name:port</c>) is a loopback name with this server's
    /// port. Without a port the default of http, 80, is meant.</summary>
    internal static bool IsThisServer(string? authority, int port)
    {
        if (string.IsNullOrEmpty(authority))
        {
            return false;
        }
        var name = authority;
        var given = 80;
        var colon = authority.LastIndexOf(':');
        if (colon > authority.LastIndexOf(']'))
        {
            name = authority[..colon];
            if (!int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out given))
            {
                return false;
            }
        }
        return given == port && LoopbackNames.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}
