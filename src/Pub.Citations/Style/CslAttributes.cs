// Typed reading of CSL attributes, shared by the style and locale parsers. Every attribute with a
// closed value set is read through its vocabulary: a word outside it is a PUB0707 warning at the
// attribute (file, line, column, the attribute underlined) and the attribute's CSL 1.0.2 default is
// used, or the attribute is ignored where it has none.
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Pub.Syntax;

namespace Pub.Citations;

internal sealed class CslAttributes(SourceText source, DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics => diagnostics;

    public static string? Text(XElement e, string name) => e.Attribute(name)?.Value;

    /// <summary>The value of an attribute without a default: null when absent or invalid.</summary>
    public T? Optional<T>(XElement e, string name, CslVocabulary<T> vocabulary) where T : struct
    {
        if (e.Attribute(name) is not { } a)
        {
            return null;
        }
        if (vocabulary.TryParse(a.Value, out var value))
        {
            return value;
        }
        Invalid(e, a, vocabulary.Words, "the attribute is ignored");
        return null;
    }

    /// <summary>The value of an attribute, or <paramref name="fallback"/> (its default) when absent or invalid.</summary>
    public T Value<T>(XElement e, string name, CslVocabulary<T> vocabulary, T fallback) where T : struct
    {
        if (e.Attribute(name) is not { } a)
        {
            return fallback;
        }
        if (vocabulary.TryParse(a.Value, out var value))
        {
            return value;
        }
        Invalid(e, a, vocabulary.Words, $"using the default '{vocabulary.Word(fallback)}'");
        return fallback;
    }

    public bool Bool(XElement e, string name, bool fallback) => Value(e, name, CslValues.Boolean, fallback);

    public bool? OptionalBool(XElement e, string name) => Optional(e, name, CslValues.Boolean);

    /// <summary>An integer attribute (et-al-min, near-note-distance …): null when absent or not a whole number.</summary>
    public int? Int(XElement e, string name)
    {
        if (e.Attribute(name) is not { } a)
        {
            return null;
        }
        if (int.TryParse(a.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            return i;
        }
        diagnostics.Add(Diagnostic.Warning(Codes.InvalidStyleValue,
            $"{name}=\"{a.Value}\" on <{e.Name.LocalName}> is not a whole number; the attribute is ignored", SpanOf(a)));
        return null;
    }

    /// <summary>The five formatting attributes; <see cref="Formatting.None"/> when none is set.</summary>
    public Formatting ReadFormatting(XElement e)
    {
        var f = new Formatting(
            Optional(e, "font-style", CslValues.FontStyle),
            Optional(e, "font-variant", CslValues.FontVariant),
            Optional(e, "font-weight", CslValues.FontWeight),
            Optional(e, "text-decoration", CslValues.TextDecoration),
            Optional(e, "vertical-align", CslValues.VerticalAlign));
        return f.IsEmpty ? Formatting.None : f;
    }

    /// <summary>Reports each word of a space-separated list (position="first ibid") that is not in <paramref name="allowed"/>.</summary>
    public void CheckWords(XElement e, XAttribute a, IReadOnlyList<string> allowed, string consequence)
    {
        foreach (var word in a.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!allowed.Contains(word, StringComparer.Ordinal))
            {
                Report(Codes.InvalidStyleValue, a, $"{a.Name.LocalName}=\"{a.Value}\" on <{e.Name.LocalName}>: '{word}' is not a CSL 1.0.2 value ({Listing(allowed)}); {consequence}",
                    word, allowed);
            }
        }
    }

    /// <summary>An attribute CSL 1.0.2 does not define on this element (PUB0702).</summary>
    public void Unknown(XElement e, XAttribute a, IReadOnlyList<string> known, string consequence) =>
        Report(Codes.InvalidStyle, a, $"unknown attribute '{a.Name.LocalName}' on <{e.Name.LocalName}>; {consequence}", a.Name.LocalName, known);

    private void Invalid(XElement e, XAttribute a, IEnumerable<string> allowed, string consequence)
    {
        var words = allowed.ToList();
        Report(Codes.InvalidStyleValue, a, $"{a.Name.LocalName}=\"{a.Value}\" on <{e.Name.LocalName}> is not a CSL 1.0.2 value ({Listing(words)}); {consequence}", a.Value, words);
    }

    private void Report(DiagnosticCode code, XAttribute a, string message, string written, IEnumerable<string> candidates) =>
        diagnostics.Add(Suggestions.Closest(written, candidates) is { } guess
            ? Diagnostic.Warning(code, message, SpanOf(a), $"did you mean '{guess}'?")
            : Diagnostic.Warning(code, message, SpanOf(a)));

    private static string Listing(IReadOnlyList<string> words) =>
        words.Count == 2 ? $"{words[0]} or {words[1]}" : string.Join(", ", words.Take(words.Count - 1)) + " or " + words[^1];

    public SourceSpan SpanOf(XElement e) => Xml.SpanOf(source, e);

    /// <summary>The attribute as written, from its name to its closing quote.</summary>
    public SourceSpan SpanOf(XAttribute a)
    {
        var info = (IXmlLineInfo)a;
        if (!info.HasLineInfo())
        {
            return source.Span(0, 0);
        }
        var start = source.Offset(info.LineNumber, info.LinePosition);
        var text = source.Text;
        var open = text.IndexOfAny(['"', '\''], start);
        var close = open < 0 ? -1 : text.IndexOf(text[open], open + 1);
        return source.Span(start, close < 0 ? a.Name.LocalName.Length : close - start + 1);
    }
}
