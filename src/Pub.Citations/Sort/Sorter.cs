// cs:sort: builds a key per item from variables or macros (names in sort order, dates as sortable
// strings, numbers zero-padded) and compares them; empty keys sort last in either direction.
//
// Keys compare as citeproc-js compares them, with the collation of the style's language (ICU, which
// .NET uses on Linux, macOS and Windows): letters of that language's script first (Cyrillic before
// Latin in Russian), case and accents ignored ("Müller" ties with "Muller" and the next key decides),
// digits by their numeric value ("No. 557" before "No. 1107"), punctuation (apostrophes too) and
// whitespace other than the plain space ignored, and a plain space separating words below any letter
// ("Doe Zack" before "Doel Ann").
using System.Collections.Frozen;
using System.Globalization;

namespace Pub.Citations;

internal sealed class Sorter(Evaluator evaluator, StyleSection section)
{
    // Kana type and character width are ignored as well: they matter to no sort key a style names, and without
    // them the runtime builds its own tailored collator from long rules for every process that sorts.
    private const CompareOptions Collation = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.NumericOrdering
        | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    private readonly CompareInfo _compare = CollationOf(evaluator.Locale.Lang);

    // A number variable sorts by its first number ("v. 4" as 4), as citeproc-js sorts it; any other
    // variable by its text, even one that looks like a number ("Ahme03", a citation-label).
    // call-number is text in CSL but sorts as a number in citeproc-js.
    private static readonly FrozenSet<string> NumberVariables = FrozenSet.ToFrozenSet(
    [
        "call-number", "chapter-number", "collection-number", "edition", "first-reference-note-number", "issue",
        "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first", "part-number",
        "printing-number", "section", "supplement-number", "version", "volume",
    ], StringComparer.Ordinal);

    public bool HasKeys => section.Sort.Count > 0;

    public string?[] Keys(Reference item, CiteParams cite)
    {
        var keys = new string?[section.Sort.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Key(section.Sort[i], item, cite);
        }
        return keys;
    }

    private string? Key(SortKey key, Reference item, CiteParams cite)
    {
        var ctx = new RenderContext(item, cite, RenderMode.Sort, section) { SortKey = key };
        evaluator.BeginItem(item);
        if (key.Macro is not null)
        {
            // Rendered as a call of the macro, so it is left out like a group when every variable it
            // calls is empty (gost's "language-sort": an empty note and the text "Z999" give no key).
            var node = evaluator.Render(new TextElement { Macro = key.Macro }, ctx);
            var text = node is null ? string.Empty : KeyText(node);
            return text.Length == 0 ? null : Normalize(text);
        }
        var v = key.Variable!;
        if (Evaluator.IsNameVariable(v))
        {
            var names = new NamesElement { Variables = [v], NameOptions = new ContextNameOptions(section.NameOptions, section.NameOptions) };
            var node = evaluator.Render(names, ctx);
            var text = node is null ? null : KeyText(node);
            return string.IsNullOrEmpty(text) ? null : Normalize(text);
        }
        if (Evaluator.IsDateVariable(v))
        {
            return item.Dates.TryGetValue(v, out var d) ? Evaluator.DateSortKey(d) is { Length: > 0 } k ? k : null : null;
        }
        if (v == "citation-number")
        {
            return cite.CitationNumber.ToString("D8", CultureInfo.InvariantCulture);
        }
        var value = evaluator.GetVariable(v, TermForm.Long, ctx);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (NumberVariables.Contains(v) && Numbers.FirstNumber(value) is { } n)
        {
            return n.ToString("D8", CultureInfo.InvariantCulture);
        }
        return Normalize(RichTextParser.Parse(value).PlainText());
    }

    // The text of a rendered key. A particle elided onto the family name ("d’Wander", "dell’Acqua") is
    // a word of its own, so its apostrophe separates like a space; every other apostrophe is punctuation
    // inside a word ("O’Connell" sorts as "OConnell", after "Ó Súilleabháin").
    private static string KeyText(Node node)
    {
        var sb = new System.Text.StringBuilder();
        Collect(node, inName: false);
        return sb.ToString();

        void Collect(Node n, bool inName)
        {
            switch (n)
            {
                case GroupNode g:
                    foreach (var child in g.Children)
                    {
                        Collect(child, inName || g.IsNameNode);
                    }
                    break;
                case TextNode { Text: [.., '\'' or '\u2019'] } t when inName:
                    sb.Append(t.Text, 0, t.Text.Length - 1).Append(' ');
                    break;
                default:
                    n.CollectText(sb);
                    break;
            }
        }
    }

    private static string Normalize(string s)
    {
        // Punctuation and whitespace other than the plain space do not count in sorting (ICU's
        // "ignore punctuation"); a plain space separates words and sorts before any letter or digit.
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == ' ' || !(char.IsPunctuation(c) || char.IsWhiteSpace(c)))
            {
                sb.Append(c);
            }
        }
        return sb.ToString().Trim();
    }

    private static CompareInfo CollationOf(string lang)
    {
        try
        {
            return CultureInfo.GetCultureInfo(lang).CompareInfo;
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture.CompareInfo;
        }
    }

    /// <summary>Compares two texts the way sort keys compare (punctuation ignored, the locale's collation).</summary>
    public int CompareTexts(string a, string b) => _compare.Compare(Normalize(a), Normalize(b), Collation);

    public int CompareKeys(string?[] a, string?[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x is null && y is null)
            {
                continue;
            }
            if (x is null)
            {
                return 1;
            }
            if (y is null)
            {
                return -1;
            }
            var c = _compare.Compare(x, y, Collation);
            if (c != 0)
            {
                return section.Sort[i].Descending ? -c : c;
            }
        }
        return 0;
    }
}
