using System.Runtime.InteropServices;

namespace Pub.Cli;

/// <summary>
/// Lets the managed heap grow in 2 MiB pages on Linux. The garbage collector reserves one large address range for
/// its regions and makes it usable 64 KiB at a time as the heap grows; the kernel then backs it page by page, one
/// page fault for every 4 KiB the program touches for the first time. On a virtual machine a fault costs about
/// 11 µs (this machine: 64 MiB touched page by page take 0.7 s), and a build touches tens of megabytes of new
/// heap: a third of a one-paper PDF build went to faults. A transparent huge page is one fault for 2 MiB, but the
/// kernel uses one only where a whole aligned 2 MiB lies in one mapping that asks for it, which a range opened
/// 64 KiB at a time never offers. So, at start, the part of the range around the young objects (the regions the
/// collector started with, below, and a gigabyte above, where it adds regions from the bottom up) is made
/// readable and writable at once and marked for huge pages. Nothing is touched, so no memory is used before the
/// collector puts objects there; its own calls to open that memory then change nothing, and memory it gives back
/// is unmapped as before. All of it is best effort: without transparent huge pages, or when the range cannot be
/// found, the heap stays as it was.
/// </summary>
internal static partial class HeapPages
{
    /// <summary>How much of the collector's range is prepared above the young objects: more than the regions of a
    /// build of 200 manuscripts.</summary>
    private const long Above = 1L << 30;

    /// <summary>How far below the young objects: past the regions the collector starts with.</summary>
    private const long Below = 256L << 20;

    /// <summary>The size of a region, to which regions are aligned.</summary>
    private const long Region = 4L << 20;

    private const long HugePageSize = 2L << 20;

    // mprotect's PROT_READ | PROT_WRITE; madvise's MADV_HUGEPAGE, MADV_DODUMP and MADV_COLLAPSE (Linux).
    private const int ReadWrite = 0x1 | 0x2;
    private const int HugePage = 14;
    private const int InCoreDump = 17;
    private const int Collapse = 25;

    /// <summary>Where the probe of the heap is kept while its address is read.</summary>
    private static byte[]? Probe;

    public static void Prepare()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        KeepNativeMemory();
        if (!Available())
        {
            return;
        }
        try
        {
            // A new small array lies in a region of generation 0, inside the collector's range. Kept in a field, it
            // cannot be placed on the stack instead, which the compiler does with arrays that go nowhere.
            var probe = Probe = new byte[32];
            long at = Address(probe);
            Probe = null;
            var maps = File.ReadAllLines("/proc/self/maps");
            if (Range(maps, at) is not var (start, end))
            {
                return;
            }
            long from = Math.Max(start, (at & ~(Region - 1)) - Below);
            long to = Math.Min(end, (at & ~(Region - 1)) + Above);
            if (Protect((nint)from, (nuint)(to - from), ReadWrite) != 0)
            {
                return;
            }
            // The collector marks what it opens as part of a core dump; marked so already, the range is not cut at
            // every 64 KiB it opens, and stays one mapping.
            _ = Advise((nint)from, (nuint)(to - from), InCoreDump);
            _ = Advise((nint)from, (nuint)(to - from), HugePage);
            // Where the collector has already put objects, the kernel gave small pages, and the rest of each such
            // 2 MiB would still come 4 KiB at a time: those few are made huge pages now, their contents copied.
            foreach (var block in InUse(maps, from, to))
            {
                _ = Advise((nint)block, (nuint)HugePageSize, Collapse);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// The C library's allocator, which zlib uses, gives memory back to the system as soon as a few hundred kilobytes
    /// are free at the top of a heap, and serves large blocks from mappings of their own, unmapped when freed. Every
    /// PDF stream is compressed by a new zlib stream, which takes about 300 KiB and frees it, so each was likely to be
    /// fresh memory, faulted in page by page. pub is a short process, and the allocator is told to keep what it has:
    /// nothing under 32 MiB gets a mapping of its own, nothing under 256 MiB is given back. One paper's PDF: about
    /// 930 faults in zlib instead of 1,360 (what is left is each thread's first stream). glibc only; where the
    /// call is missing, nothing changes.
    /// </summary>
    private static void KeepNativeMemory()
    {
        try
        {
            _ = SetAllocatorOption(MmapThreshold, 32 << 20);
            _ = SetAllocatorOption(TrimThreshold, 256 << 20);
        }
        catch (EntryPointNotFoundException)
        {
        }
    }

    // mallopt's M_TRIM_THRESHOLD and M_MMAP_THRESHOLD (glibc).
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    /// <summary>Whether the kernel gives huge pages to a mapping that asks for them ("always" or "madvise").</summary>
    private static bool Available()
    {
        try
        {
            var mode = File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled");
            return !mode.Contains("[never]", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static unsafe long Address(byte[] array)
    {
        fixed (byte* pointer = array)
        {
            return (long)pointer;
        }
    }

    /// <summary>The run of anonymous, private mappings without a gap between them that holds
    /// <paramref name="address"/> (the collector's reservation, split where parts of it are in use), as
    /// /proc/self/maps lists them, in order.</summary>
    internal static (long Start, long End)? Range(IReadOnlyList<string> maps, long address)
    {
        (long Start, long End)? run = null;
        foreach (var line in maps)
        {
            if (Mapping(line) is not var (start, end, anonymous, _))
            {
                continue;
            }
            if (!anonymous || run is not { } current || current.End != start)
            {
                if (run is { } done && done.Start <= address && address < done.End)
                {
                    return done;
                }
                run = anonymous ? (start, end) : null;
                continue;
            }
            run = (current.Start, end);
        }
        return run is { } last && last.Start <= address && address < last.End ? last : null;
    }

    /// <summary>An address as the kernel writes it. Read by hand: number parsing would set up the culture data
    /// (loading ICU) before pub needs it, and at every start.</summary>
    private static long? Hexadecimal(string digits)
    {
        if (digits.Length is 0 or > 15)
        {
            return null;
        }
        long value = 0;
        foreach (char c in digits)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return null;
            }
            value = (value << 4) | (uint)digit;
        }
        return value;
    }

    /// <summary>The 2 MiB blocks between <paramref name="from"/> and <paramref name="to"/> that hold memory already
    /// readable and writable, in order.</summary>
    internal static List<long> InUse(IReadOnlyList<string> maps, long from, long to)
    {
        var blocks = new List<long>();
        foreach (var line in maps)
        {
            if (Mapping(line) is not var (start, end, anonymous, writable) || !anonymous || !writable || end <= from || start >= to)
            {
                continue;
            }
            for (long block = Math.Max(start, from) & ~(HugePageSize - 1); block < Math.Min(end, to); block += HugePageSize)
            {
                if (blocks.Count == 0 || blocks[^1] != block)
                {
                    blocks.Add(block);
                }
            }
        }
        return blocks;
    }

    private static (long Start, long End, bool Anonymous, bool Writable)? Mapping(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5)
        {
            return null;
        }
        var bounds = fields[0].Split('-');
        if (bounds.Length != 2 || Hexadecimal(bounds[0]) is not { } start || Hexadecimal(bounds[1]) is not { } end)
        {
            return null;
        }
        return (start, end, fields.Length == 5 && fields[4] == "0" && fields[1].EndsWith('p'), fields[1].StartsWith("rw", StringComparison.Ordinal));
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int SetAllocatorOption(int option, int value);

    [LibraryImport("libc", EntryPoint = "mprotect")]
    private static partial int Protect(nint address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Advise(nint address, nuint length, int advice);
}
