using System.Buffers.Binary;

namespace Pub.Layout.Fonts;

/// <summary>
/// Big-endian reads from a font file that check their bounds. Every offset in a TrueType file comes from the
/// file itself, so a damaged or cut-short file points outside it: such a read throws
/// <see cref="InvalidDataException"/>, the one exception the font readers throw, which <see cref="FontSet"/>
/// turns into a diagnostic naming the file.
/// </summary>
internal static class FontBytes
{
    public static int U16(ReadOnlySpan<byte> span, int at) => BinaryPrimitives.ReadUInt16BigEndian(Slice(span, at, 2));

    public static int I16(ReadOnlySpan<byte> span, int at) => BinaryPrimitives.ReadInt16BigEndian(Slice(span, at, 2));

    /// <summary>A 32-bit offset or count; one that does not fit an int cannot point inside a file we hold in memory.</summary>
    public static int U32(ReadOnlySpan<byte> span, int at)
    {
        uint value = BinaryPrimitives.ReadUInt32BigEndian(Slice(span, at, 4));
        return value <= int.MaxValue ? (int)value : throw Damaged($"a 32-bit field at byte {at} holds {value}");
    }

    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> span, long at, long length) =>
        at >= 0 && length >= 0 && at + length <= span.Length
            ? span.Slice((int)at, (int)length)
            : throw Damaged($"a table reaches past the end of the file (bytes {at}..{at + length} of {span.Length})");

    /// <summary>Offsets are added in long arithmetic and checked here, so that a huge offset cannot wrap around into the file.</summary>
    public static int Offset(ReadOnlySpan<byte> span, long at) =>
        at >= 0 && at <= span.Length ? (int)at : throw Damaged($"an offset points outside the file (byte {at} of {span.Length})");

    public static InvalidDataException Damaged(string what) => new("the font file is damaged: " + what);
}
