using System.Diagnostics;
using Pub.Syntax;

namespace Pub.Preview;

/// <summary>
/// What the preview serves: the last good output of every manuscript, and the problems of the latest
/// build. A failed build records its errors and leaves the last good output in place, so a reader keeps
/// seeing the page while the error overlay says what is wrong.
/// </summary>
/// <remarks>Every output belongs to an owner (a manuscript's HTML or its PDF), so that one manuscript's
/// failure never removes another's files. <see cref="PageVersion"/> grows whenever an HTML edition is
/// replaced; a page that was served an older version reloads.</remarks>
internal sealed class PreviewSite
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyDictionary<string, byte[]>> _outputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Diagnostic>> _problems = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
    private IReadOnlyList<Diagnostic> _errors = [];

    /// <summary>Raised after every change of output or problems, outside the lock.</summary>
    public event Action? Changed;

    public long PageVersion { get; private set; }

    public IReadOnlyList<Diagnostic> Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors;
            }
        }
    }

    /// <summary>The file served at <paramref name="path"/> (below the output root, no leading slash).</summary>
    public byte[]? Find(string path)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(path);
        }
    }

    /// <summary>The HTML and PDF file names an owner currently serves, for the index page.</summary>
    public IReadOnlyList<string> FilesOf(string owner)
    {
        lock (_gate)
        {
            return _outputs.TryGetValue(owner, out var files) ? [.. files.Keys.Where(IsEdition).Order(StringComparer.Ordinal)] : [];
        }
    }

    public bool HasProblems(string owner)
    {
        lock (_gate)
        {
            return _problems.ContainsKey(owner);
        }
    }

    /// <summary>Replaces an owner's output and clears its problems.</summary>
    public void Publish(string owner, IReadOnlyDictionary<string, byte[]> files, bool changesPages)
    {
        lock (_gate)
        {
            _outputs[owner] = files;
            _problems.Remove(owner);
            if (changesPages)
            {
                PageVersion++;
            }
            Refresh();
        }
        Changed?.Invoke();
    }

    /// <summary>Records an owner's errors; its last good output stays served.</summary>
    public void Fail(string owner, IReadOnlyList<Diagnostic> errors)
    {
        lock (_gate)
        {
            _problems[owner] = errors;
            Refresh();
        }
        Changed?.Invoke();
    }

    /// <summary>Forgets an owner's problems without new output (its build was superseded).</summary>
    public void Forget(string owner)
    {
        bool removed;
        lock (_gate)
        {
            removed = _problems.Remove(owner);
            Refresh();
        }
        if (removed)
        {
            Changed?.Invoke();
        }
    }

    private void Refresh()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var owner in _outputs.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var (path, content) in _outputs[owner])
            {
                files[path] = content;
            }
        }
        _files = files;
        _errors = [.. _problems.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value).Distinct()];
    }

    private int _followers;
    private long _servedVersion;
    private long _lastRequest;

    /// <summary>A page started (or stopped) following the preview's events.</summary>
    public void Follow(bool following) => Interlocked.Add(ref _followers, following ? 1 : -1);

    /// <summary>Called when a request comes, and again with <paramref name="pageVersion"/> once an HTML page of that
    /// version has been served.</summary>
    public void Served(long? pageVersion)
    {
        Volatile.Write(ref _lastRequest, Stopwatch.GetTimestamp());
        if (pageVersion is { } version)
        {
            InterlockedMax(ref _servedVersion, version);
        }
    }

    /// <summary>True when no page follows the preview, or when a page of the current version has been served and
    /// no request has come for <paramref name="quiet"/> (the page's styles, scripts and figures are fetched).</summary>
    public bool Reloaded(TimeSpan quiet)
    {
        lock (_gate)
        {
            return Volatile.Read(ref _followers) == 0
                || (Volatile.Read(ref _servedVersion) >= PageVersion && Stopwatch.GetElapsedTime(Volatile.Read(ref _lastRequest)) >= quiet);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Volatile.Read(ref target); seen < value; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    private static bool IsEdition(string path) =>
        !path.Contains('/', StringComparison.Ordinal) && (path.EndsWith(".html", StringComparison.Ordinal) || path.EndsWith(".pdf", StringComparison.Ordinal));
}
