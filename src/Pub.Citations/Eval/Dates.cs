// cs:date: localized (form="text"/"numeric") and fully specified dates, ranges with the range
// delimiter of the largest differing part, seasons, BC/AD years, literal dates, and sortable keys.
using System.Globalization;

namespace Pub.Citations;

internal sealed partial class Evaluator
{
    private Node? RenderDate(DateElement d, RenderContext ctx)
    {
        ctx.VarsCalled++;
        if (ctx.Suppressed.Contains(d.Variable) || !ctx.Item.Dates.TryGetValue(d.Variable, out var date))
        {
            return null;
        }
        if (ctx.InSubstitute)
        {
            ctx.Suppressed.Add(d.Variable);
        }
        if (ctx.Mode == RenderMode.Sort)
        {
            // A date inside a sort macro sorts by the parts it would show.
            var shown = ResolveParts(d).Select(p => p.Name).ToHashSet();
            var key = DateSortKey(date, shown.Count == 0 || shown.Contains(DatePartName.Month), shown.Count == 0 || shown.Contains(DatePartName.Day));
            if (key.Length == 0)
            {
                return null;
            }
            ctx.VarsRendered++;
            return new TextNode(key) { IsDateKey = true };
        }
        if (date.Parts.Count == 0 || date.Parts[0].Count == 0)
        {
            var lit = date.Literal ?? date.Raw;
            if (string.IsNullOrEmpty(lit))
            {
                return null;
            }
            // A date given as text ("forthcoming") stands where its year would, with the year part's
            // affixes and formatting ("forthcoming г." in a Russian date); a date that shows no year (a
            // month and day after the journal) shows nothing of it. citeproc-js renders literal dates so.
            var shown = ResolveParts(d);
            var year = shown.FirstOrDefault(p => p.Name == DatePartName.Year);
            if (shown.Count > 0 && year is null)
            {
                return null;
            }
            ctx.VarsRendered++;
            Node literal = RichTextParser.Parse(lit);
            if (year is not null)
            {
                var part = new GroupNode();
                if (year.Prefix.Length > 0)
                {
                    part.Children.Add(new TextNode(year.Prefix, TextRole.Affix));
                }
                part.Children.Add(Decorate(new DatePartElement { Formatting = year.Formatting }, literal));
                if (year.Suffix.Length > 0)
                {
                    part.Children.Add(new TextNode(year.Suffix, TextRole.Affix));
                }
                literal = part;
            }
            return Decorate(d, literal);
        }
        var parts = ResolveParts(d);
        if (parts.Count == 0)
        {
            return null;
        }
        var delimiter = d.Form is { } form ? _locale.Date(form)?.Delimiter : d.Delimiter;
        var start = date.Parts[0];
        var end = date.Parts.Count > 1 && date.Parts[1].Count > 0 ? date.Parts[1] : null;
        Node? body;
        if (end is not null && end[0] == 0)
        {
            // An open range ("1987–"): the start and the range delimiter.
            var open = RenderDateParts(parts, start, date, ctx, delimiter, 0, parts.Count, dropFirstPrefix: false, dropLastSuffix: true);
            var rangeDelimiter = parts.FirstOrDefault(p => p.Name == DatePartName.Year)?.RangeDelimiter ?? "\u2013";
            body = open is null ? null : GroupNode.Of(open, new TextNode(rangeDelimiter, TextRole.Affix));
        }
        else if (end is null || SameDate(start, end, parts))
        {
            body = RenderDateParts(parts, start, date, ctx, delimiter, 0, parts.Count, dropFirstPrefix: false, dropLastSuffix: false);
        }
        else
        {
            body = RenderRange(parts, start, end, date, ctx, delimiter);
        }
        if (body is null || body.IsEmpty)
        {
            return null;
        }
        ctx.VarsRendered++;
        var wrapper = new DateElement
        {
            Formatting = d.Formatting,
            Prefix = d.Prefix,
            Suffix = d.Suffix,
            Display = d.Display,
            Quotes = d.Quotes,
            TextCase = d.TextCase,
        };
        if (d.Form is { } localizedForm && _locale.Date(localizedForm) is { } ld)
        {
            // A localized date's own affixes go inside the element's affixes.
            if (ld.Prefix.Length > 0 || ld.Suffix.Length > 0)
            {
                body = GroupNode.Of(new TextNode(ld.Prefix, TextRole.Affix), body, new TextNode(ld.Suffix, TextRole.Affix));
            }
        }
        return Decorate(wrapper, body);
    }

    private static bool SameDate(IReadOnlyList<int> a, IReadOnlyList<int> b, IReadOnlyList<DatePartElement> parts)
    {
        for (var i = 0; i < 3; i++)
        {
            var x = i < a.Count ? a[i] : 0;
            var y = i < b.Count ? b[i] : 0;
            if (x != y)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The date parts to render, in order: the locale's for a localized date (filtered by
    /// date-parts, with overrides from the element's cs:date-part children), else the element's own.</summary>
    private IReadOnlyList<DatePartElement> ResolveParts(DateElement d)
    {
        if (d.Form is not { } form)
        {
            return d.Parts;
        }
        var localized = _locale.Date(form);
        if (localized is null)
        {
            return d.Parts;
        }
        DatePartName[] allowed = d.DateParts switch
        {
            DatePartsShown.Year => [DatePartName.Year],
            DatePartsShown.YearMonth => [DatePartName.Year, DatePartName.Month],
            _ => [DatePartName.Year, DatePartName.Month, DatePartName.Day],
        };
        var list = new List<DatePartElement>();
        foreach (var p in localized.Parts)
        {
            if (!allowed.Contains(p.Name))
            {
                continue;
            }
            var o = d.Parts.FirstOrDefault(x => x.Name == p.Name);
            list.Add(new DatePartElement
            {
                Name = p.Name,
                Form = o?.Form ?? p.Form,
                RangeDelimiter = o?.RangeDelimiter ?? p.RangeDelimiter,
                Prefix = p.Prefix,
                Suffix = p.Suffix,
                Formatting = o is not null && !o.Formatting.IsEmpty ? o.Formatting : p.Formatting,
                TextCase = o?.TextCase ?? p.TextCase,
                StripPeriods = (o?.StripPeriods ?? false) || p.StripPeriods,
            });
        }
        return list;
    }

    private Node? RenderRange(IReadOnlyList<DatePartElement> parts, IReadOnlyList<int> start, IReadOnlyList<int> end, DateValue date, RenderContext ctx, string? delimiter)
    {
        static int Get(IReadOnlyList<int> v, int i) => i < v.Count ? v[i] : 0;
        var largest = Get(start, 0) != Get(end, 0) ? DatePartName.Year : Get(start, 1) != Get(end, 1) ? DatePartName.Month : DatePartName.Day;
        var rangeDelimiter = parts.FirstOrDefault(p => p.Name == largest)?.RangeDelimiter ?? "–";
        if (largest == DatePartName.Year)
        {
            var a = RenderDateParts(parts, start, date, ctx, delimiter, 0, parts.Count, false, true);
            var b = RenderDateParts(parts, end, date, ctx, delimiter, 0, parts.Count, true, false);
            return GroupNode.Of(a ?? new TextNode(string.Empty), new TextNode(rangeDelimiter, TextRole.Affix), b ?? new TextNode(string.Empty));
        }
        // Parts that differ (the largest differing part and those smaller) form a contiguous run.
        DatePartName[] differing = largest == DatePartName.Month ? [DatePartName.Month, DatePartName.Day] : [DatePartName.Day];
        var first = -1;
        var last = -1;
        for (var i = 0; i < parts.Count; i++)
        {
            if (differing.Contains(parts[i].Name))
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0)
        {
            return RenderDateParts(parts, start, date, ctx, delimiter, 0, parts.Count, false, false);
        }
        var g = new GroupNode();
        var before = RenderDateParts(parts, start, date, ctx, delimiter, 0, first, false, false);
        var runA = RenderDateParts(parts, start, date, ctx, delimiter, first, last + 1, false, true);
        var runB = RenderDateParts(parts, end, date, ctx, delimiter, first, last + 1, true, delimiter is not null);
        var after = RenderDateParts(parts, start, date, ctx, delimiter, last + 1, parts.Count, false, false);
        if (before is not null)
        {
            g.Children.Add(before);
            if (delimiter is not null)
            {
                g.Children.Add(new TextNode(delimiter, TextRole.Affix));
            }
        }
        if (runA is not null)
        {
            g.Children.Add(runA);
        }
        g.Children.Add(new TextNode(rangeDelimiter, TextRole.Affix));
        if (runB is not null)
        {
            g.Children.Add(runB);
        }
        if (after is not null)
        {
            if (delimiter is not null)
            {
                g.Children.Add(new TextNode(delimiter, TextRole.Affix));
            }
            g.Children.Add(after);
        }
        return g;
    }

    /// <summary>The implicit year-suffix standing for a collapsed year ("2000a, b"); null when the style
    /// prints the year-suffix variable itself.</summary>
    private TextNode? YearSuffixAlone(RenderContext ctx)
    {
        if (UsesYearSuffixVariable || ctx.Cite.YearSuffix is null || ctx.YearSuffixRendered)
        {
            return null;
        }
        var ys = new TextNode(ctx.Cite.YearSuffix);
        ctx.YearSuffixNode = ys;
        ctx.YearSuffixRendered = true;
        return ys;
    }

    private Node? RenderDateParts(IReadOnlyList<DatePartElement> parts, IReadOnlyList<int> value, DateValue date, RenderContext ctx, string? delimiter,
        int from, int to, bool dropFirstPrefix, bool dropLastSuffix)
    {
        var rendered = new List<(DatePartElement Part, Node Node)>();
        for (var i = from; i < to; i++)
        {
            var p = parts[i];
            var text = DatePartText(p, value, date, ctx);
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            if (p.Name == DatePartName.Year && ctx.Cite.CollapsedYear && ctx.Mode == RenderMode.Citation)
            {
                if (YearSuffixAlone(ctx) is { } alone)
                {
                    rendered.Add((p, alone));
                }
                continue;
            }
            Node node = new TextNode(text);
            if (p.StripPeriods)
            {
                node = StripPeriods(p, node);
            }
            var content = new DatePartElement { Formatting = p.Formatting, TextCase = p.TextCase };
            node = Decorate(content, node);
            if (p.Name == DatePartName.Year && !UsesYearSuffixVariable && ctx.Cite.YearSuffix is not null && !ctx.YearSuffixRendered && ctx.Mode != RenderMode.Sort)
            {
                var ys = new TextNode(ctx.Cite.YearSuffix);
                ctx.YearSuffixNode = ys;
                ctx.YearSuffixRendered = true;
                node = GroupNode.Of(node, ys);
            }
            rendered.Add((p, node));
        }
        if (rendered.Count == 0)
        {
            return null;
        }
        var g = new GroupNode();
        for (var i = 0; i < rendered.Count; i++)
        {
            var (p, node) = rendered[i];
            if (i > 0 && !string.IsNullOrEmpty(delimiter))
            {
                g.Children.Add(new TextNode(delimiter, TextRole.Affix));
            }
            var prefix = i == 0 && dropFirstPrefix ? string.Empty : p.Prefix;
            var suffix = i == rendered.Count - 1 && dropLastSuffix ? string.Empty : p.Suffix;
            if (prefix.Length > 0)
            {
                g.Children.Add(new TextNode(prefix, TextRole.Affix));
            }
            g.Children.Add(node);
            if (suffix.Length > 0)
            {
                g.Children.Add(new TextNode(suffix, TextRole.Affix));
            }
        }
        return g;
    }

    private string? DatePartText(DatePartElement p, IReadOnlyList<int> value, DateValue date, RenderContext ctx)
    {
        switch (p.Name)
        {
            case DatePartName.Year:
                if (value.Count < 1)
                {
                    return null;
                }
                var y = value[0];
                if (y == 0)
                {
                    return null;
                }
                if (p.Form == DatePartForm.Short)
                {
                    return (Math.Abs(y) % 100).ToString("00", CultureInfo.InvariantCulture);
                }
                if (y < 0)
                {
                    return (-y).ToString(CultureInfo.InvariantCulture) + (_locale.Term("bc") ?? "BC");
                }
                if (y < 1000)
                {
                    return y.ToString(CultureInfo.InvariantCulture) + (_locale.Term("ad") ?? "AD");
                }
                return y.ToString(CultureInfo.InvariantCulture);
            case DatePartName.Month:
                var m = value.Count > 1 ? value[1] : 0;
                var season = date.Season;
                if (m is >= 13 and <= 24)
                {
                    // CSL-JSON seasons in the month position: 13–16 (and 17–20 again), or 21–24.
                    season = m > 20 ? m - 20 : ((m - 13) % 4) + 1;
                    m = 0;
                }
                if (m is < 1 or > 12)
                {
                    if (season is >= 1 and <= 4)
                    {
                        return _locale.Term("season-0" + season.Value.ToString(CultureInfo.InvariantCulture)) ?? string.Empty;
                    }
                    return null;
                }
                return p.Form switch
                {
                    DatePartForm.Numeric => m.ToString(CultureInfo.InvariantCulture),
                    DatePartForm.NumericLeadingZeros => m.ToString("00", CultureInfo.InvariantCulture),
                    DatePartForm.Short => _locale.Term("month-" + m.ToString("00", CultureInfo.InvariantCulture), TermForm.Short),
                    _ => _locale.Term("month-" + m.ToString("00", CultureInfo.InvariantCulture)),
                };
            case DatePartName.Day:
                var d = value.Count > 2 ? value[2] : 0;
                if (d < 1)
                {
                    return null;
                }
                switch (p.Form)
                {
                    case DatePartForm.NumericLeadingZeros:
                        return d.ToString("00", CultureInfo.InvariantCulture);
                    case DatePartForm.Ordinal:
                        if (_locale.LimitDayOrdinalsToDay1 && d != 1)
                        {
                            return d.ToString(CultureInfo.InvariantCulture);
                        }
                        var month = value.Count > 1 ? value[1] : 0;
                        var gender = month is >= 1 and <= 12 ? _locale.Gender("month-" + month.ToString("00", CultureInfo.InvariantCulture)) : null;
                        return d.ToString(CultureInfo.InvariantCulture) + _locale.OrdinalSuffix(d, gender);
                    default:
                        return d.ToString(CultureInfo.InvariantCulture);
                }
            default:
                return null;
        }
    }

    /// <summary>A string that sorts dates chronologically: sign-shifted year, month, day, then the range end.</summary>
    internal static string DateSortKey(DateValue date, bool month = true, bool day = true)
    {
        if (date.Parts.Count == 0 || date.Parts[0].Count == 0)
        {
            return string.Empty;
        }
        string One(IReadOnlyList<int> p)
        {
            var y = p.Count > 0 ? p[0] : 0;
            var m = p.Count > 1 && month ? p[1] : 0;
            if (m > 12)
            {
                m = m is >= 21 and <= 24 ? m - 20 : m is >= 13 and <= 16 ? m - 12 : 0;
            }
            var d = p.Count > 2 && day ? p[2] : 0;
            return (y + 100000).ToString("D6", CultureInfo.InvariantCulture) + m.ToString("00", CultureInfo.InvariantCulture) + d.ToString("00", CultureInfo.InvariantCulture);
        }
        // The end of a range always takes its place, zeros when there is none, so that every date key
        // has the same length and numeric collation compares "2011–2021" with "2024" digit by digit.
        var end = date.Parts.Count > 1 && date.Parts[1].Count > 0 ? One(date.Parts[1]) : new string('0', 10);
        return One(date.Parts[0]) + end;
    }
}
