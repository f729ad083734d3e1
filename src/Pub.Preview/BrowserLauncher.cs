using System.ComponentModel;
using System.Diagnostics;

namespace Pub.Preview;

/// <summary>Opens a URL in the user's default browser (xdg-open, open or the Windows shell).</summary>
public static class BrowserLauncher
{
    /// <summary>Null when the browser was started, otherwise why not.</summary>
    public static string? Open(Uri url)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(url.ToString()) { UseShellExecute = true });
            return null;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return ex.Message;
        }
    }
}
