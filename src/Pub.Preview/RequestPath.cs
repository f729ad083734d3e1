namespace Pub.Preview;

/// <summary>
/// Turns a request target into a path below the output root, or refuses it. The preview serves from
/// memory, so nothing outside its output could be read anyway; refusing '..', encoded dots, backslashes,
/// drive letters and double encoding outright keeps it that way if that ever changes, and answers a probe
/// with 400 instead of a confusing 404.
/// </summary>
internal static class RequestPath
{
    /// <summary>The raw target as sent (<c>/a/b.html?x</c>); the path without its leading slash.</summary>
    public static bool TryParse(string rawTarget, out string path)
    {
        path = "";
        var target = rawTarget;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            target = target[..query];
        }
        // Absolute-form targets (http://host/…) and network paths (//host/…) are not ours to serve.
        if (!target.StartsWith('/') || target.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(target);
        }
        catch (UriFormatException)
        {
            return false;
        }
        if (decoded.Contains('%', StringComparison.Ordinal) || decoded.Contains('\\', StringComparison.Ordinal)
            || decoded.Contains(':', StringComparison.Ordinal) || decoded.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }
        if (decoded == "/")
        {
            return true;
        }
        var segments = decoded[1..].Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            return false;
        }
        path = string.Join('/', segments);
        return true;
    }
}
