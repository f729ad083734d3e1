using System.Globalization;
using Pub.Layout.Hyphenation;

namespace Pub.Layout.Text;

/// <summary>
/// Hyphenate: where a word may break, and the items that say so. A word becomes boxes separated by
/// penalties, one per break point:
/// - after an explicit hyphen or dash between letters ("labour-market"), with nothing added;
/// - at the author's soft hyphens, when there are any (then the patterns are not asked);
/// - otherwise at the points the language's patterns give for each run of letters, with a hyphen drawn
///   when the line breaks there; never in code, URLs or headings (their style says so), in words in
///   capitals (acronyms), or closer than two letters to a word's start and three to its end;
/// - in a URL written out in the text, after a slash and the other separators (. - _ ? &amp; = # ~), with
///   nothing added; between any two other characters of its path at a higher cost, so that a long DOI suffix
///   never forces a loose line (what LaTeX's xurl does);
/// - a word in another script than its language's (Cyrillic in an English note, Latin in a Russian text) is
///   hyphenated with the patterns of that script's usual language.
/// </summary>
internal sealed class WordBreaks(HyphenationLanguages? hyphenation)
{
    /// <summary>TeX's \hyphenpenalty and \exhyphenpenalty: a break inside a word is a small cost.</summary>
    public const double HyphenPenalty = 50;
    private const double UrlPenalty = 100;
    /// <summary>A break inside a URL between two letters or digits: dearer than after a separator, cheaper than a
    /// line much looser than tolerance.</summary>
    private const double UrlAnywherePenalty = 400;
    private const int LeftMin = 2, RightMin = 3;

    private enum Kind
    {
        Hyphen,
        Explicit,
        Url,
        UrlAnywhere,
    }

    public void Add(List<LineItem> items, List<Piece> word, List<string> anchors, List<int> softHyphens, TextMeasurer measurer)
    {
        string text = word.Count == 1 ? word[0].Text : string.Concat(word.Select(p => p.Text));
        var points = Points(word, text, softHyphens);
        if (points is null)
        {
            items.Add(new Box([.. word], [.. anchors]));
            return;
        }
        var parts = Split(word, points);
        for (int k = 0; k < parts.Count; k++)
        {
            items.Add(new Box(parts[k], k == 0 ? [.. anchors] : []));
            if (k == points.Count)
                break;
            var (_, kind) = points[k];
            if (kind == Kind.Hyphen)
            {
                var hyphen = Hyphen(parts[k][^1], measurer);
                items.Add(new Penalty(HyphenPenalty, hyphen.Width, Flagged: true, Hyphen: hyphen));
            }
            else
                items.Add(new Penalty(kind switch { Kind.Url => UrlPenalty, Kind.UrlAnywhere => UrlAnywherePenalty, _ => HyphenPenalty }, Flagged: kind == Kind.Explicit));
        }
    }

    /// <summary>The last hyphen measured, for the style object and size it was measured in: the pieces of a text span
    /// share their style, and a piece is never changed, so one serves all the break points of a paragraph.</summary>
    private (TextStyle Style, double Size, Piece Hyphen)? _hyphen;

    /// <summary>The hyphen drawn when a line breaks after <paramref name="last"/>: in its face and size, never in
    /// small capitals.</summary>
    private Piece Hyphen(Piece last, TextMeasurer measurer)
    {
        if (_hyphen is { } known && ReferenceEquals(known.Style, last.Style) && known.Size == last.Size)
            return known.Hyphen;
        var hyphen = measurer.Pieces("-", last.Style with { Size = last.Size, SmallCaps = false }).First();
        _hyphen = (last.Style, last.Size, hyphen);
        return hyphen;
    }

    /// <summary>The word's break points in ascending order, or null when it has none.</summary>
    private List<(int Offset, Kind Kind)>? Points(List<Piece> word, string text, List<int> softHyphens)
    {
        if (text.Length < 2)
            return null;
        var styles = new WordStyles(word);
        List<(int, Kind)>? points = null;
        if (IsUrl(text, styles[0]))
        {
            // Never inside the scheme and its slashes ("https://"), nor before the last two characters.
            int scheme = text.IndexOf("://", StringComparison.Ordinal);
            int from = Math.Max(3, scheme < 0 ? 0 : scheme + 4);
            for (int i = from; i < text.Length - 2; i++)
            {
                if (IsUrlSeparator(text[i - 1]) && !IsUrlSeparator(text[i]))
                    (points ??= []).Add((i, Kind.Url));
                else if (char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i]) && i >= from + 1)
                    (points ??= []).Add((i, Kind.UrlAnywhere));
            }
            return points;
        }
        for (int i = 1; i < text.Length - 1; i++)
        {
            if (text[i - 1] is '-' or '\u2010' or '\u2013' or '\u2014' && i >= 3 && text.Length - i >= 2
                && char.IsLetterOrDigit(text[i - 2]) && char.IsLetterOrDigit(text[i]) && styles[i - 1].Role != Fonts.FontRole.Mono)
                (points ??= []).Add((i, Kind.Explicit));
        }
        if (softHyphens.Count > 0)
        {
            foreach (int offset in softHyphens)
            {
                if (offset > 0 && offset < text.Length && !(points?.Exists(p => p.Item1 == offset) ?? false))
                    (points ??= []).Add((offset, Kind.Hyphen));
            }
            points?.Sort();
            return points;
        }
        if (hyphenation is null)
            return points;

        // Runs of letters, each hyphenated on its own ("trafficking," → "trafficking"; "re-entry" → "re", "entry").
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && (char.IsLetter(text[i]) || start >= 0 && CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
            if (letter && start < 0)
                start = i;
            else if (!letter && start >= 0)
            {
                HyphenateRun(text, start, i, styles, ref points);
                start = -1;
            }
        }
        points?.Sort();
        return points;
    }

    private void HyphenateRun(string text, int start, int end, WordStyles styles, ref List<(int, Kind)>? points)
    {
        int length = end - start;
        if (length < LeftMin + RightMin)
            return;
        var style = styles[start];
        for (int i = start; i < end; i++)
        {
            if (!styles[i].Hyphenate || !string.Equals(styles[i].Language, style.Language, StringComparison.OrdinalIgnoreCase))
                return;
        }
        var run = text.AsSpan(start, length);
        bool capitals = true;
        foreach (char c in run)
            capitals &= !char.IsLower(c);
        if (capitals || hyphenation!.For(LanguageFor(style.Language, run)) is not { } patterns)
            return;
        foreach (int point in patterns.Points(run.ToString(), LeftMin, RightMinFor(LanguageFor(style.Language, run))))
            (points ??= []).Add((start + point, Kind.Hyphen));
    }

    private static bool IsUrlSeparator(char c) => c is '/' or '.' or '-' or '_' or '?' or '&' or '=' or '#' or '~';

    private static bool IsUrl(string text, TextStyle first) =>
        text.Contains("://", StringComparison.Ordinal) || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || first.Url is { } url && string.Equals(url, text, StringComparison.Ordinal);

    /// <summary>Letters a word keeps after its last hyphen: three in English and French (TeX's and babel's
    /// default), two in Russian and German, where a two-letter ending on the next line is the house rule
    /// ("ме-жду", "Wo-che").</summary>
    private static int RightMinFor(string? language) =>
        (language ?? "").Split('-', '_')[0].ToLowerInvariant() is "ru" or "de" or "uk" ? 2 : RightMin;

    /// <summary>The language whose patterns hyphenate a run: the text's own, unless the run is in another script
    /// (patterns only know their own alphabet), then the usual language of the run's script.</summary>
    private static string? LanguageFor(string? language, ReadOnlySpan<char> run)
    {
        bool cyrillic = run[0] is >= '\u0400' and <= '\u04FF';
        bool latin = char.IsAscii(run[0]) || run[0] is >= '\u00C0' and <= '\u024F';
        string primary = (language ?? "").Split('-', '_')[0].ToLowerInvariant();
        bool cyrillicLanguage = primary is "ru" or "uk" or "be" or "bg" or "sr" or "mk" or "kk" or "ky" or "tg" or "mn";
        if (cyrillic && !cyrillicLanguage)
            return "ru";
        if (latin && cyrillicLanguage)
            return "en";
        return language;
    }

    /// <summary>The style of each character of a word: the style of the piece that holds it (a word is mostly one
    /// piece, and then it is that piece's style throughout).</summary>
    private readonly struct WordStyles(List<Piece> word)
    {
        public TextStyle this[int index]
        {
            get
            {
                if (word.Count == 1)
                    return word[0].Style;
                foreach (var piece in word)
                {
                    if (index < piece.Text.Length)
                        return piece.Style;
                    index -= piece.Text.Length;
                }
                return word[^1].Style;
            }
        }
    }

    /// <summary>Cuts the word's pieces at character offsets (ascending, inside the word) into one list per part.</summary>
    private static List<List<Piece>> Split(List<Piece> word, List<(int Offset, Kind Kind)> offsets)
    {
        var parts = new List<List<Piece>> { new() };
        int at = 0, next = 0;
        foreach (var piece in word)
        {
            int from = 0;
            while (next < offsets.Count && offsets[next].Offset < at + piece.Text.Length)
            {
                int cut = offsets[next].Offset - at;
                if (cut > from)
                    parts[^1].Add(Slice(piece, from, cut));
                parts.Add([]);
                from = cut;
                next++;
            }
            if (from < piece.Text.Length)
                parts[^1].Add(from == 0 ? piece : Slice(piece, from, piece.Text.Length));
            at += piece.Text.Length;
        }
        return parts;
    }

    private static Piece Slice(Piece piece, int from, int to)
    {
        string text = piece.Text[from..to];
        return piece with { Text = text, Width = piece.Face.Measure(text, piece.Size) };
    }
}
