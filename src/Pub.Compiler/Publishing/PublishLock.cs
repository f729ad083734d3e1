using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pub.Syntax;

namespace Pub.Compiler.Publishing;

/// <summary>
/// <c>.pub/publish.lock</c>, created exclusively, so that two publishes never read the same registry and
/// take the same number. It is the one file pub touches outside <see cref="IWorld"/>, because exclusive
/// creation is an operating-system guarantee the world's atomic writes do not give. A world that is not a
/// folder on disk (tests' in-memory worlds) is locked within the process instead.
/// </summary>
/// <remarks>
/// The lock names its owner: "pid start-ticks host", the process id, the process's start time (UTC ticks),
/// because a process id alone is reused, and the machine, because a project folder may be shared. A lock
/// whose owner on this machine is gone was left by a crashed publish and is taken over at once instead of
/// waited for; a lock of another machine cannot be judged and is always waited for. Taking over renames the stale file to a name of our own
/// first: a rename succeeds for one process only, so two publishes that both found the same stale lock
/// cannot both delete it and then both create a new one.
/// </remarks>
internal sealed class PublishLock : IDisposable
{
    public const string RelativePath = ".pub/publish.lock";

    private static readonly Dictionary<string, SemaphoreSlim> InProcess = new(StringComparer.Ordinal);

    private readonly FileStream? _file;
    private readonly string? _path;
    private readonly SemaphoreSlim? _semaphore;

    private PublishLock(FileStream? file, string? path, SemaphoreSlim? semaphore)
    {
        _file = file;
        _path = path;
        _semaphore = semaphore;
    }

    /// <summary>Waits up to <paramref name="wait"/> for the lock; null and an error in
    /// <paramref name="diagnostics"/> when it stays taken. Taking over a stale lock adds an info.</summary>
    public static PublishLock? Acquire(IWorld world, TimeSpan wait, List<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(world.Root))
        {
            SemaphoreSlim semaphore;
            lock (InProcess)
            {
                semaphore = InProcess.TryGetValue(world.Root, out var s) ? s : InProcess[world.Root] = new SemaphoreSlim(1, 1);
            }
            if (semaphore.Wait(wait))
            {
                return new PublishLock(null, null, semaphore);
            }
        }
        else
        {
            var path = Path.Combine(world.Root, ".pub", "publish.lock");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var deadline = DateTime.UtcNow + wait;
            while (true)
            {
                try
                {
                    var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
                    file.Write(Encoding.ASCII.GetBytes(OwnerText() + "\n"));
                    file.Flush();
                    return new PublishLock(file, path, null);
                }
                catch (IOException) when (TakeOverIfStale(path, diagnostics))
                {
                    // Try again at once: the stale lock is gone.
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(50);
                }
                catch (IOException)
                {
                    break;
                }
            }
        }
        diagnostics.Add(new Diagnostic(Severity.Error, Codes.PublishLocked.Id, $"another pub publish is running (the lock {RelativePath} exists)",
            Path: RelativePath, Hints: [$"wait for it to finish; if none is running, delete {RelativePath}"]));
        return null;
    }

    /// <summary>This machine's name, without spaces so that it stays one field of the lock.</summary>
    public static string Host { get; } = Environment.MachineName.Replace(' ', '_');

    private static string OwnerText()
    {
        using var self = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"{self.Id} {self.StartTime.ToUniversalTime().Ticks} {Host}");
    }

    /// <summary>True when the lock at <paramref name="path"/> belonged to a process that no longer runs and
    /// this call removed it. A lock that cannot be read or parsed (being written, or written by an older pub)
    /// is never taken over.</summary>
    private static bool TakeOverIfStale(string path, List<Diagnostic> diagnostics)
    {
        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            text = reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        var parts = text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3
            || !string.Equals(parts[2], Host, StringComparison.Ordinal)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || OwnerRuns(pid, ticks))
        {
            return false;
        }
        var aside = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".stale";
        try
        {
            File.Move(path, aside, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another publish moved it first; it now owns the takeover.
            return false;
        }
        var moved = File.ReadAllText(aside, Encoding.ASCII);
        if (!string.Equals(moved, text, StringComparison.Ordinal))
        {
            // Between reading and moving, the stale lock was replaced by a live one: put it back.
            try
            {
                File.Move(aside, path, overwrite: false);
            }
            catch (IOException)
            {
                // A third lock exists by now; the one set aside is no longer anyone's.
            }
            return false;
        }
        File.Delete(aside);
        diagnostics.Add(new Diagnostic(Severity.Info, Codes.StaleLockTakenOver.Id,
            string.Create(CultureInfo.InvariantCulture, $"took over the lock {RelativePath} left by process {pid}, which no longer runs"),
            Path: RelativePath, Hints: ["a publish was interrupted; this publish completes whatever it left unfinished"]));
        return true;
    }

    /// <summary>Whether process <paramref name="pid"/> runs and is the one that started at
    /// <paramref name="startTicks"/> (a process id is reused once its process has ended).</summary>
    private static bool OwnerRuns(int pid, long startTicks)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return false;
            }
            var started = process.StartTime.ToUniversalTime().Ticks;
            return Math.Abs(started - startTicks) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The process exists but cannot be inspected (another user's): assume it is the owner.
            return true;
        }
    }

    public void Dispose()
    {
        _semaphore?.Release();
        if (_file is not null)
        {
            _file.Dispose();
            File.Delete(_path!);
        }
    }
}
