// The managed heap's range is opened at start for transparent huge pages (HeapPages): the mappings found from
// /proc/self/maps, and, on this Linux machine, what the kernel then says about the heap a new object lies in.
using System.Globalization;
using Xunit;

namespace Pub.Cli.Tests;

[CollectionDefinition(nameof(HeapPagesTests), DisableParallelization = true)]
public sealed class HeapPagesAlone;

// Run alone: what this checks is the state of the whole process's heap, which a test beside it changes.
[Collection(nameof(HeapPagesTests))]
public sealed class HeapPagesTests
{
    private static readonly string[] Maps =
    [
        "00400000-02062000 r-xp 00000000 08:01 1234                               /usr/local/bin/pub",
        "7f6795a19000-7f67b0f89000 ---p 00000000 00:00 0 ",
        "7f67b0f8a000-7f67b1000000 ---p 00000000 00:00 0 ",
        "7f67b1000000-7f67b1051000 rw-p 00000000 00:00 0 ",
        "7f67b1051000-7f67b3000000 ---p 00000000 00:00 0 ",
        "7f67b3000000-7f67b3001000 rw-p 00000000 00:00 0 ",
        "7f67b3001000-7f737e000000 ---p 00000000 00:00 0 ",
        "7f737e000000-7f737e021000 rw-p 00000000 00:00 0 ",
        "7f737e2d7000-7f737e300000 r--p 00000000 08:01 99                         /usr/lib/x86_64-linux-gnu/libc.so.6",
    ];

    [Fact]
    public void TheRangeIsTheRunOfAnonymousMappingsWithoutAGapThatHoldsTheAddress()
    {
        const long start = 0x7f67b0f8a000, end = 0x7f737e021000;
        Assert.Equal((start, end), HeapPages.Range(Maps, 0x7f67b1000040));
        Assert.Equal((start, end), HeapPages.Range(Maps, start));
        Assert.Equal((start, end), HeapPages.Range(Maps, end - 1));
        // Below the 4 KiB hole lies another reservation, a run of its own.
        Assert.Equal((0x7f6795a19000L, 0x7f67b0f89000L), HeapPages.Range(Maps, 0x7f6795a19000));
    }

    [Fact]
    public void TheBlocksInUseAreThe2MiBBlocksOfTheWritableMappingsInTheRange()
    {
        // 7f67b1000000 (64 KiB + 4 KiB), 7f67b3000000 (4 KiB) and 7f737e000000 (132 KiB) are open; the range ends
        // before the last.
        Assert.Equal([0x7f67b1000000L, 0x7f67b3000000L], HeapPages.InUse(Maps, 0x7f67b0f8a000, 0x7f737e000000));
        // A mapping across a block boundary counts in both blocks, each once.
        string[] across = ["7f0000100000-7f0000300000 rw-p 00000000 00:00 0 ", "7f0000300000-7f0000301000 rw-p 00000000 00:00 0 "];
        Assert.Equal([0x7f0000000000L, 0x7f0000200000L], HeapPages.InUse(across, 0x7f0000000000, 0x7f0001000000));
        Assert.Empty(HeapPages.InUse(Maps, 0x7f67b1100000, 0x7f67b2000000));
    }

    [Fact]
    public void AnAddressInAFileOrInNoMappingHasNoRange()
    {
        Assert.Null(HeapPages.Range(Maps, 0x00400100));
        Assert.Null(HeapPages.Range(Maps, 0x7f737e2d7000));
        Assert.Null(HeapPages.Range(Maps, 0x10));
        Assert.Null(HeapPages.Range(Maps, 0x7f67b0f89000));
        Assert.Null(HeapPages.Range(Maps, 0x7f737e021000));
        Assert.Null(HeapPages.Range(["garbage", "7f-zz rw-p 0 00:00 0"], 0x7f));
    }

    [Fact]
    public void AfterPreparingANewObjectLiesInHeapTheKernelMayBackWithHugePages()
    {
        Assert.True(OperatingSystem.IsLinux(), "the machines pub is built and tested on run Linux");
        var mode = File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled");
        // No collection may run between preparing and placing the array: one would hand this thread a region the
        // collector had given back and opened again, which no longer asks for huge pages (pub prepares once, at
        // start, before anything else runs). The array is then pinned while its mapping is read.
        Assert.True(GC.TryStartNoGCRegion(64L << 20), "the collector grants a short window without collections");
        System.Runtime.InteropServices.GCHandle pin;
        bool unbroken;
        try
        {
            HeapPages.Prepare();
            // In a field, so that the array is on the heap, not on the stack.
            Fresh = new byte[64];
            pin = System.Runtime.InteropServices.GCHandle.Alloc(Fresh, System.Runtime.InteropServices.GCHandleType.Pinned);
        }
        finally
        {
            unbroken = System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion;
            if (unbroken)
            {
                GC.EndNoGCRegion();
            }
        }
        Assert.True(unbroken, "no collection ran while the heap was prepared and the array placed");
        (string Perms, string? Eligible) mapping;
        try
        {
            mapping = Smaps(pin.AddrOfPinnedObject());
        }
        finally
        {
            pin.Free();
        }
        var (perms, eligible) = mapping;
        Assert.Equal("rw-p", perms);
        // With huge pages turned off the heap is left alone; otherwise its mapping asks for them.
        Assert.Equal(mode.Contains("[never]", StringComparison.Ordinal) ? "0" : "1", eligible);
    }

    private static byte[]? Fresh;

    private static (string Perms, string? Eligible) Smaps(long address)
    {
        string? perms = null;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && fields[0].Contains('-') && !fields[0].EndsWith(':'))
            {
                if (perms is not null)
                {
                    break;
                }
                var bounds = fields[0].Split('-');
                long start = long.Parse(bounds[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                long end = long.Parse(bounds[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (start <= address && address < end)
                {
                    perms = fields[1];
                }
            }
            else if (perms is not null && fields is ["THPeligible:", var value, ..])
            {
                return (perms, value);
            }
        }
        Assert.Fail($"no mapping holds 0x{address:x}");
        return default;
    }
}
