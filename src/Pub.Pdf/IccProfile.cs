using System.Buffers.Binary;
using System.Text;

namespace Pub.Pdf;

/// <summary>
/// An ICC version 2 display profile for sRGB, built from the published definition (IEC 61966-2-1) rather
/// than copied from a file: the primaries and white point adapted to the D50 connection space (Bradford), and
/// the sRGB tone curve (a linear toe below 0.04045, a 2.4 power law above it) sampled at 1024 points. PDF/A
/// needs it as the output intent's destination profile. The bytes never change, so the PDF stays reproducible.
/// </summary>
internal static class IccProfile
{
    private const int CurvePoints = 1024;

    public static byte[] Srgb { get; } = Build();

    private static byte[] Build()
    {
        var tags = new List<(string Signature, byte[] Data)>
        {
            ("desc", Description("sRGB IEC61966-2.1 (pub)")),
            ("cprt", Text("No copyright, use freely")),
            // The media white point of a v2 display profile is the display's own white, D65.
            ("wtpt", Xyz(0.9505, 1.0000, 1.0891)),
            ("rXYZ", Xyz(0.4360747, 0.2225045, 0.0139322)),
            ("gXYZ", Xyz(0.3850649, 0.7168786, 0.0971045)),
            ("bXYZ", Xyz(0.1430804, 0.0606169, 0.7141733)),
        };
        var curve = ToneCurve();
        const int headerSize = 128;
        int tagCount = tags.Count + 3;
        int tableSize = 4 + 12 * tagCount;
        var body = new MemoryStream();
        var entries = new List<(string, int, int)>();
        int offset = headerSize + tableSize;
        foreach (var (signature, data) in tags)
        {
            entries.Add((signature, offset + (int)body.Length, data.Length));
            Append(body, data);
        }
        // The three channels share one curve: tags may point at the same data.
        int curveAt = offset + (int)body.Length;
        Append(body, curve);
        foreach (var signature in (string[])["rTRC", "gTRC", "bTRC"])
            entries.Add((signature, curveAt, curve.Length));

        int size = offset + (int)body.Length;
        var profile = new byte[size];
        var span = profile.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)size);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 0x02100000); // version 2.1
        Ascii(span[12..], "mntr");
        Ascii(span[16..], "RGB ");
        Ascii(span[20..], "XYZ ");
        // Creation date: fixed, 2024-01-01 00:00:00.
        foreach (var (at, value) in (ReadOnlySpan<(int, ushort)>)[(24, 2024), (26, 1), (28, 1)])
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], value);
        Ascii(span[36..], "acsp");
        // Rendering intent 0 (perceptual); the connection space illuminant is D50.
        Fixed(span[68..], 0.9642);
        Fixed(span[72..], 1.0);
        Fixed(span[76..], 0.8249);

        BinaryPrimitives.WriteUInt32BigEndian(span[headerSize..], (uint)tagCount);
        for (int i = 0; i < entries.Count; i++)
        {
            var (signature, at, length) = entries[i];
            int e = headerSize + 4 + 12 * i;
            Ascii(span[e..], signature);
            BinaryPrimitives.WriteUInt32BigEndian(span[(e + 4)..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(span[(e + 8)..], (uint)length);
        }
        body.ToArray().CopyTo(profile, offset);
        return profile;
    }

    /// <summary>Tag data starts on a four-byte boundary.</summary>
    private static void Append(MemoryStream body, byte[] data)
    {
        body.Write(data);
        while (body.Length % 4 != 0)
            body.WriteByte(0);
    }

    private static byte[] ToneCurve()
    {
        var data = new byte[12 + 2 * CurvePoints];
        Ascii(data, "curv");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), CurvePoints);
        for (int i = 0; i < CurvePoints; i++)
        {
            double v = (double)i / (CurvePoints - 1);
            double linear = v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(12 + 2 * i), (ushort)Math.Round(linear * 65535));
        }
        return data;
    }

    private static byte[] Xyz(double x, double y, double z)
    {
        var data = new byte[20];
        Ascii(data, "XYZ ");
        Fixed(data.AsSpan(8), x);
        Fixed(data.AsSpan(12), y);
        Fixed(data.AsSpan(16), z);
        return data;
    }

    /// <summary>textDescriptionType: an ASCII description, an empty Unicode one and an empty ScriptCode one.</summary>
    private static byte[] Description(string text)
    {
        var ascii = Encoding.ASCII.GetBytes(text);
        var data = new byte[12 + ascii.Length + 1 + 4 + 4 + 2 + 1 + 67];
        Ascii(data, "desc");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), (uint)ascii.Length + 1);
        ascii.CopyTo(data, 12);
        return data;
    }

    private static byte[] Text(string text)
    {
        var ascii = Encoding.ASCII.GetBytes(text);
        var data = new byte[8 + ascii.Length + 1];
        Ascii(data, "text");
        ascii.CopyTo(data, 8);
        return data;
    }

    private static void Ascii(Span<byte> target, string text) => Encoding.ASCII.GetBytes(text, target);

    /// <summary>s15Fixed16Number.</summary>
    private static void Fixed(Span<byte> target, double value) =>
        BinaryPrimitives.WriteInt32BigEndian(target, (int)Math.Round(value * 65536));
}
