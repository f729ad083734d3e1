using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Pub.Syntax;

/// <summary>
/// Loads YAML text (front matter, pub.yaml, CSL-YAML, registries) into YamlDotNet's node tree, refusing values
/// nested deeper than <see cref="MaxDepth"/>. YamlDotNet builds the tree by recursion, one set of stack frames
/// per level, so "[[[[…" a few thousand deep would end the process; its event parser does not recurse, so the
/// depth is counted on the events and the load stops with a <see cref="YamlException"/> at the first value too
/// deep, which every caller already reports through <see cref="YamlSyntaxError"/>.
/// </summary>
public static class YamlText
{
    /// <summary>Lists and mappings inside one another; pub's files need five or six.</summary>
    public const int MaxDepth = 64;

    /// <summary>The message of the exception thrown at the first value nested too deep.</summary>
    public const string TooDeepMessage = "lists and mappings nested deeper than 64 levels";

    /// <summary>The message of the exception thrown where the reader found no value it could build a node from.</summary>
    public const string MissingValueMessage = "a field has neither a name nor a value";

    /// <summary>A YAML double-quoted scalar that reads back as <paramref name="value"/>: quotes and backslashes
    /// escaped, line breaks and tabs as \n and \t, other control characters as \u escapes.</summary>
    public static string Quote(string value)
    {
        var quoted = new System.Text.StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                _ when char.IsControl(c) => quoted.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }
        return quoted.Append('"').ToString();
    }

    /// <exception cref="YamlException">The text is not valid YAML or nests deeper than <see cref="MaxDepth"/>.</exception>
    public static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        var parser = new DepthLimitedParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (ArgumentException) when ((parser.Previous ?? parser.Current) is { } at)
        {
            // YamlDotNet's tree builder rejects some event sequences its parser accepts ("- : ", a field with
            // neither name nor value in a list) with an ArgumentException and no position.
            throw new YamlException(at.Start, at.End, MissingValueMessage);
        }
        return stream;
    }

    private sealed class DepthLimitedParser(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        /// <summary>The event before the current one: where the tree builder was when it met one it could not use.</summary>
        public ParsingEvent? Previous { get; private set; }

        public bool MoveNext()
        {
            Previous = inner.Current;
            if (!inner.MoveNext())
            {
                return false;
            }
            switch (inner.Current)
            {
                case MappingStart or SequenceStart when ++_depth > MaxDepth:
                    throw new YamlException(inner.Current.Start, inner.Current.End, TooDeepMessage);
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }
            return true;
        }
    }
}
