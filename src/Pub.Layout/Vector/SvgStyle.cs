using System.Globalization;
using Pub.Layout.Paged;

namespace Pub.Layout.Vector;

/// <summary>The inherited painting properties of an SVG element. SVG's defaults: black fill, no stroke, 1 unit wide,
/// 16-unit text.</summary>
internal sealed record SvgStyle(Colour? Fill, Colour? Stroke, double StrokeWidth, double FontSize, bool Bold, bool Serif,
    TextAnchor Anchor, bool EvenOdd, IReadOnlyList<double> Dashes, bool Hidden)
{
    public static SvgStyle Initial { get; } = new(Colour.Black, null, 1, 16, false, false, TextAnchor.Start, false, [], false);

    /// <summary>The fill-opacity property, from 0 (invisible) to 1; inherited.</summary>
    public double FillOpacity { get; init; } = 1;

    public double StrokeOpacity { get; init; } = 1;

    /// <summary>The product of the opacity of the element and its groups. SVG composites a translucent group as one
    /// picture; passing the factor down to each thing it holds draws the same wherever they do not overlap.</summary>
    public double Opacity { get; init; } = 1;

    /// <summary>This style with an element's presentation attributes and its style attribute applied (the style
    /// attribute wins). <paramref name="notDrawn"/> hears of values pub cannot paint (gradients, patterns).</summary>
    public SvgStyle With(Func<string, string?> attribute, Action<string> notDrawn, IEnumerable<(string Name, string Value)>? sheet = null)
    {
        // Later sources win: presentation attributes, then the style sheet's rules, then the style attribute.
        var declared = new List<(string Name, string Value)>();
        foreach (var name in Properties)
        {
            if (attribute(name) is { } value)
                declared.Add((name, value.Trim()));
        }
        declared.AddRange(sheet ?? []);
        if (attribute("style") is { } css)
            declared.AddRange(Declarations(css));
        var style = this;
        foreach (var name in Properties)
        {
            if (declared.FindLast(d => d.Name == name) is { Value: { } value })
                style = style.Set(name, value, notDrawn);
        }
        return style;
    }

    /// <summary>The declarations of properties pub draws in CSS text ("fill: red; stroke-width: 2").</summary>
    internal static List<(string Name, string Value)> Declarations(string css)
    {
        var found = new List<(string, string)>();
        foreach (var declaration in css.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && declaration[..colon].Trim() is var name && Properties.Contains(name))
                found.Add((name, declaration[(colon + 1)..].Replace("!important", "", StringComparison.Ordinal).Trim()));
        }
        return found;
    }

    private static readonly string[] Properties =
        ["fill", "stroke", "stroke-width", "font-size", "font-weight", "font-family", "text-anchor", "fill-rule", "stroke-dasharray", "display", "visibility",
        "fill-opacity", "stroke-opacity", "opacity"];

    private SvgStyle Set(string name, string value, Action<string> notDrawn)
    {
        if (value == "inherit")
            return this;
        switch (name)
        {
            case "fill":
                return this with { Fill = Paint(value, Fill, notDrawn) };
            case "stroke":
                return this with { Stroke = Paint(value, Stroke, notDrawn) };
            case "stroke-width":
                return this with { StrokeWidth = SvgReader.Length(value) is { } w and >= 0 ? w / 0.75 : StrokeWidth };
            case "font-size":
                return this with { FontSize = SvgReader.Length(value) is { } s and > 0 ? s / 0.75 : FontSize };
            case "font-weight":
                return this with { Bold = value is "bold" or "bolder" || int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) && weight >= 600 };
            case "font-family":
                // The edition's faces set the text: a serif family asks for the text face, anything else the sans.
                var first = value.Split(',')[0].Trim().Trim('\'', '"');
                return this with { Serif = first.Equals("serif", StringComparison.OrdinalIgnoreCase) || first.Contains("Serif", StringComparison.Ordinal) && !first.Contains("Sans", StringComparison.Ordinal) || first.Contains("Times", StringComparison.Ordinal) || first.Contains("Georgia", StringComparison.Ordinal) };
            case "text-anchor":
                return this with { Anchor = value switch { "middle" => TextAnchor.Middle, "end" => TextAnchor.End, _ => TextAnchor.Start } };
            case "fill-rule":
                return this with { EvenOdd = value == "evenodd" };
            case "stroke-dasharray":
                var dashes = value == "none" ? [] : value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
                    .Select(d => SvgReader.Length(d) is { } l and >= 0 ? l / 0.75 : 0).ToArray();
                return this with { Dashes = dashes.Any(d => d > 0) ? dashes : [] };
            case "fill-opacity":
                return this with { FillOpacity = Fraction(value) ?? FillOpacity };
            case "stroke-opacity":
                return this with { StrokeOpacity = Fraction(value) ?? StrokeOpacity };
            case "opacity":
                return Fraction(value) is { } opacity ? this with { Opacity = Opacity * opacity } : this;
            case "display":
                return value == "none" ? this with { Hidden = true } : this;
            case "visibility":
                return this with { Hidden = value is "hidden" or "collapse" };
            default:
                return this;
        }
    }

    private static double? Fraction(string value)
    {
        bool percent = value.EndsWith('%');
        return double.TryParse(percent ? value[..^1] : value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? Math.Clamp(percent ? v / 100 : v, 0, 1) : null;
    }

    private static Colour? Paint(string value, Colour? inherited, Action<string> notDrawn)
    {
        if (value == "none" || value == "transparent")
            return null;
        if (value.StartsWith("url(", StringComparison.Ordinal))
        {
            notDrawn("gradient and pattern paints (drawn as none)");
            return null;
        }
        return value == "currentColor" ? Colour.Black : Colours.Parse(value) ?? inherited;
    }
}

/// <summary>SVG colour values: #rgb, #rrggbb, rgb(r, g, b) and the common names.</summary>
internal static class Colours
{
    private static readonly Dictionary<string, Colour> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["black"] = new(0, 0, 0), ["white"] = new(255, 255, 255), ["red"] = new(255, 0, 0), ["green"] = new(0, 128, 0),
        ["blue"] = new(0, 0, 255), ["gray"] = new(128, 128, 128), ["grey"] = new(128, 128, 128), ["silver"] = new(192, 192, 192),
        ["navy"] = new(0, 0, 128), ["teal"] = new(0, 128, 128), ["maroon"] = new(128, 0, 0), ["orange"] = new(255, 165, 0),
        ["yellow"] = new(255, 255, 0), ["purple"] = new(128, 0, 128), ["lightgray"] = new(211, 211, 211), ["lightgrey"] = new(211, 211, 211),
        ["darkgray"] = new(169, 169, 169), ["darkgrey"] = new(169, 169, 169), ["steelblue"] = new(70, 130, 180),
    };

    public static Colour? Parse(string value)
    {
        if (value.StartsWith('#'))
        {
            var hex = value[1..];
            if (hex.Length == 3)
                hex = string.Concat(hex.Select(c => new string(c, 2)));
            return hex.Length == 6 && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
                ? new Colour((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb) : null;
        }
        if (value.StartsWith("rgb(", StringComparison.Ordinal) && value.EndsWith(')'))
        {
            var parts = value[4..^1].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 3)
                return null;
            var channels = parts.Select(Channel).ToArray();
            return channels.All(c => c is not null) ? new Colour(channels[0]!.Value, channels[1]!.Value, channels[2]!.Value) : null;
        }
        return Named.TryGetValue(value, out var named) ? named : null;
    }

    private static byte? Channel(string part)
    {
        bool percent = part.EndsWith('%');
        if (!double.TryParse(percent ? part[..^1] : part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            return null;
        return (byte)Math.Clamp(Math.Round(percent ? v * 2.55 : v), 0, 255);
    }
}
