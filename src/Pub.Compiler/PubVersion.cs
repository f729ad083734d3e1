using System.Reflection;

namespace Pub.Compiler;

public static class PubVersion
{
    /// <summary>The informational version without the source-revision suffix, so outputs do not change
    /// with the commit they were built from.</summary>
    public static string Text { get; } =
        (typeof(PubVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>The version and a hash of pub's own code: the assemblies pub.dll and Pub.*.dll beside it, or, for
    /// the native executable (ahead-of-time compiled, with no assemblies beside it), that executable. Builds are
    /// deterministic, so the hash changes exactly when pub's code does: the build cache trusts only what this very
    /// build of pub wrote, even between two builds that carry the same version number.</summary>
    public static string Fingerprint => _fingerprint.Value;

    private static readonly Lazy<string> _fingerprint = new(() =>
    {
        var folder = AppContext.BaseDirectory;
        var own = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.dll").Where(f => Path.GetFileName(f) is var name && (name.StartsWith("Pub.", StringComparison.Ordinal) || name == "pub.dll")).ToList()
            : [];
        if (own.Count == 0 && Environment.ProcessPath is { } executable && File.Exists(executable))
        {
            // The linker's build id is a hash of the whole executable already: reading it costs a few hundred
            // bytes where hashing the executable would read all 20 MB of it on every start.
            if (ElfBuildId(executable) is { } buildId)
            {
                return Text + " " + buildId;
            }
            own.Add(executable);
        }
        if (own.Count == 0)
        {
            return Text;
        }
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in own.Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Text + " " + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    });

    /// <summary>The GNU build id of an ELF executable (its NT_GNU_BUILD_ID note, a hash the linker computes over
    /// the output), as hex; null for another kind of file or one without the note.</summary>
    public static string? ElfBuildId(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> header = stackalloc byte[64];
            if (file.Read(header) < 64 || header[0] != 0x7F || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F'
                || header[4] != 2 || header[5] != 1)
            {
                return null; // not a 64-bit little-endian ELF file
            }
            var programHeaders = (long)BitConverter.ToUInt64(header[0x20..]);
            int entrySize = BitConverter.ToUInt16(header[0x36..]), entries = BitConverter.ToUInt16(header[0x38..]);
            var entry = new byte[Math.Max(entrySize, (ushort)0x38)];
            for (var i = 0; i < entries; i++)
            {
                file.Position = programHeaders + ((long)i * entrySize);
                if (file.Read(entry, 0, entrySize) < 0x28 || BitConverter.ToUInt32(entry, 0) != 4)
                {
                    continue; // not PT_NOTE
                }
                var (offset, size) = ((long)BitConverter.ToUInt64(entry, 0x08), (long)BitConverter.ToUInt64(entry, 0x20));
                if (size is <= 0 or > 65536)
                {
                    continue;
                }
                var notes = new byte[size];
                file.Position = offset;
                file.ReadExactly(notes);
                for (var at = 0; at + 12 <= notes.Length;)
                {
                    int nameSize = BitConverter.ToInt32(notes, at), descriptionSize = BitConverter.ToInt32(notes, at + 4), type = BitConverter.ToInt32(notes, at + 8);
                    var name = at + 12;
                    var description = name + ((nameSize + 3) & ~3);
                    if (nameSize < 0 || descriptionSize < 0 || description + descriptionSize > notes.Length)
                    {
                        break;
                    }
                    if (type == 3 && nameSize == 4 && notes.AsSpan(name, 4).SequenceEqual("GNU\0"u8) && descriptionSize > 0)
                    {
                        return Convert.ToHexStringLower(notes, description, descriptionSize);
                    }
                    at = description + ((descriptionSize + 3) & ~3);
                }
            }
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
