using Pub.Syntax;

namespace Pub.Compiler.Publishing;

/// <summary>
/// <c>.pub/publish.lock</c>, created exclusively, so that two publishes never read the same registry and
/// take the same number. It is the one file pub touches outside <see cref="IWorld"/>, because exclusive
/// creation is an operating-system guarantee the world's atomic writes do not give. A world that is not a
/// folder on disk (tests' in-memory worlds) is locked within the process instead.
/// </summary>
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

    /// <summary>Waits up to <paramref name="wait"/> for the lock; null and a diagnostic when it stays taken.</summary>
    public static PublishLock? Acquire(IWorld world, TimeSpan wait, out Diagnostic? problem)
    {
        problem = null;
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
                    var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    file.Write(System.Text.Encoding.UTF8.GetBytes(world.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
                    file.Flush();
                    return new PublishLock(file, path, null);
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
        problem = new Diagnostic(Severity.Error, Codes.PublishLocked.Id, $"another pub publish is running (the lock {RelativePath} exists)",
            Path: RelativePath, Hints: [$"wait for it to finish; if none is running, delete {RelativePath}"]);
        return null;
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
