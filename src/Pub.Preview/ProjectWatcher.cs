using System.Diagnostics;
using System.Threading.Channels;

namespace Pub.Preview;

/// <summary>
/// Watches what a manuscript is made of: the papers/ folder (manuscripts, chapters, bibliographies,
/// figures), the templates folder and the style, locale and font folders pub.yaml names, and the files at the project root (pub.yaml, a bibliography kept
/// there). Every event is reduced to the project-relative paths it names; a rename names both the old and
/// the new path, so an editor that saves by writing a new file and renaming it over the old one is seen.
/// Watching folders rather than files keeps working when a file is deleted and re-created.
/// </summary>
internal sealed class ProjectWatcher : IDisposable
{
    /// <summary>Written when the watcher lost events (its buffer overflowed): everything may have changed.</summary>
    public const string Everything = "*";

    private readonly string _root;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ProjectWatcher(string root, IEnumerable<string> sharedFolders)
    {
        _root = root;
        Watch(root, recursive: false);
        Watch(Path.Combine(root, "papers"), recursive: true);
        foreach (var folder in sharedFolders)
        {
            Watch(Path.GetFullPath(folder, root), recursive: true);
        }
    }

    public ChannelReader<string> Changes => _changes.Reader;

    /// <summary>When the last change was reported (a <see cref="Stopwatch"/> timestamp).</summary>
    public long LastChange => Volatile.Read(ref _lastChange);

    private long _lastChange = Stopwatch.GetTimestamp();

    private void Watch(string folder, bool recursive)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, e) => Report(e.FullPath);
        watcher.Created += (_, e) => Report(e.FullPath);
        watcher.Deleted += (_, e) => Report(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Report(e.OldFullPath);
            Report(e.FullPath);
        };
        watcher.Error += (_, _) => Post(Everything);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Report(string fullPath)
    {
        if (EditorFiles.IsTemporary(fullPath))
        {
            return;
        }
        var relative = Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
        if (!relative.Contains('/', StringComparison.Ordinal) && !PreviewSession.MattersAtRoot(relative))
        {
            // Not a change: it would only set aside a PDF being typeset.
            return;
        }
        if (!relative.StartsWith("../", StringComparison.Ordinal))
        {
            Post(relative);
        }
    }

    /// <summary>Passes a change on, after noting its time (so that whoever reads it finds the time at least as new).</summary>
    private void Post(string change)
    {
        Volatile.Write(ref _lastChange, Stopwatch.GetTimestamp());
        _changes.Writer.TryWrite(change);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }
        _changes.Writer.TryComplete();
    }
}
