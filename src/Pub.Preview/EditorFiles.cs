namespace Pub.Preview;

/// <summary>
/// Files editors create beside the one being edited while saving: swap, backup, lock and probe files.
/// A change to one of them is no change to the document and must not trigger a rebuild.
/// </summary>
internal static class EditorFiles
{
    private static readonly string[] Suffixes = [".swp", ".swo", ".swx", ".swn", "~", ".tmp", ".bak", ".crswap", "___jb_tmp___", "___jb_old___", ".kate-swp"];

    private static readonly string[] Prefixes = [".#", ".~lock.", ".goutputstream-", "~$"];

    public static bool IsTemporary(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Length == 0 || name == "4913" || name == ".DS_Store")
        {
            // vim writes and deletes "4913" to probe whether it may create files in the folder.
            return true;
        }
        if (name.StartsWith('#') && name.EndsWith('#'))
        {
            return true; // Emacs auto-save
        }
        return Suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
    }
}
