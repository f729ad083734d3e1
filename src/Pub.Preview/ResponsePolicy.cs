using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pub.Preview;

/// <summary>
/// The headers every answer carries, so that a draft stays between the preview and its author's browser:
/// a content security policy that lets a page load scripts, styles, fonts and images only from the preview
/// and run no inline script (the reload script is a file the preview serves; the one inline block allowed
/// is the index page's stylesheet, by its hash), no framing by another page, no guessing of content types,
/// and no Referer that would carry a draft's address to another site.
/// </summary>
internal static class ResponsePolicy
{
    /// <summary>For pages, and for every other answer except PDFs: harmless where nothing is rendered, and it
    /// keeps an SVG figure opened on its own from running script.</summary>
    public static string Pages { get; } =
        "default-src 'self'; script-src 'self'; style-src 'self' " + Hash(PreviewPages.IndexStyle) + "; img-src 'self'; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>A browser shows a PDF with its own viewer, which a page policy (object-src 'none') would stop;
    /// framing is still refused.</summary>
    public const string Pdfs = "frame-ancestors 'none'";

    /// <param name="target">The request target as sent (its query, if any, is ignored).</param>
    public static void Apply(HttpResponse response, string target)
    {
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        var headers = response.Headers;
        headers.ContentSecurityPolicy = path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? Pdfs : Pages;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }

    private static string Hash(string inline) => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline))) + "'";
}
