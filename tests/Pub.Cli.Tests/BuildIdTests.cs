using Pub.Compiler;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>The native pub fingerprints its code by the linker's build id, read from the ELF note, instead of
/// hashing its whole executable on every start.</summary>
public sealed class BuildIdTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "pub-buildid-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_file);

    /// <summary>A minimal 64-bit little-endian ELF file: the header, one PT_LOAD and one PT_NOTE program header,
    /// and a note section holding an unrelated note before the GNU build id.</summary>
    private static byte[] Elf(byte[] buildId)
    {
        var notes = new List<byte>();
        void Note(string name, int type, byte[] description)
        {
            var nameBytes = System.Text.Encoding.ASCII.GetBytes(name + "\0");
            notes.AddRange(BitConverter.GetBytes(nameBytes.Length));
            notes.AddRange(BitConverter.GetBytes(description.Length));
            notes.AddRange(BitConverter.GetBytes(type));
            notes.AddRange(nameBytes);
            while (notes.Count % 4 != 0) notes.Add(0);
            notes.AddRange(description);
            while (notes.Count % 4 != 0) notes.Add(0);
        }
        Note("GNU", 1, [0, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]); // an ABI tag, type 1
        Note("GNU", 3, buildId);

        const int headerSize = 64, entrySize = 56;
        var file = new byte[headerSize + (2 * entrySize) + notes.Count];
        byte[] magic = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1];
        magic.CopyTo(file, 0);
        BitConverter.GetBytes((ulong)headerSize).CopyTo(file, 0x20);
        BitConverter.GetBytes((ushort)entrySize).CopyTo(file, 0x36);
        BitConverter.GetBytes((ushort)2).CopyTo(file, 0x38);
        var load = headerSize;
        BitConverter.GetBytes(1u).CopyTo(file, load);
        var note = headerSize + entrySize;
        BitConverter.GetBytes(4u).CopyTo(file, note);
        BitConverter.GetBytes((ulong)(headerSize + (2 * entrySize))).CopyTo(file, note + 0x08);
        BitConverter.GetBytes((ulong)notes.Count).CopyTo(file, note + 0x20);
        notes.CopyTo(file, headerSize + (2 * entrySize));
        return file;
    }

    [Fact]
    public void TheBuildIdIsReadFromTheGnuNote()
    {
        File.WriteAllBytes(_file, Elf([0x15, 0xdf, 0xff, 0x32, 0x39, 0xaa, 0x7c, 0x3b, 0x16, 0xa7, 0x1e, 0x6b, 0x2e, 0x3b, 0x6e, 0x40, 0x09, 0xda, 0xb9, 0x98]));
        Assert.Equal("15dfff3239aa7c3b16a71e6b2e3b6e4009dab998", PubVersion.ElfBuildId(_file));
    }

    [Fact]
    public void AFileThatIsNotElfOrHasNoBuildIdHasNone()
    {
        File.WriteAllText(_file, "#!/bin/sh\necho not an executable of ours\n");
        Assert.Null(PubVersion.ElfBuildId(_file));
        var withoutId = Elf([1, 2, 3, 4]);
        withoutId[64 + (2 * 56) + 32 + 8] = 9; // the second note's type (after the 32-byte first note) becomes 9
        File.WriteAllBytes(_file, withoutId);
        Assert.Null(PubVersion.ElfBuildId(_file));
    }
}
