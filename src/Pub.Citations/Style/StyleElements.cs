// Reading shared by the style and locale parsers: the attributes every rendering element carries,
// and cs:date, which a locale defines as well as a style.
using System.Xml.Linq;

namespace Pub.Citations;

internal static class StyleElements
{
    /// <summary><paramref name="el"/> with the attributes every rendering element carries read from <paramref name="e"/>.</summary>
    public static T WithCommon<T>(XElement e, T el, CslAttributes attributes) where T : CslElement =>
        (T)((CslElement)el with
        {
            Span = attributes.SpanOf(e),
            Prefix = CslAttributes.Text(e, "prefix") ?? string.Empty,
            Suffix = CslAttributes.Text(e, "suffix") ?? string.Empty,
            Display = attributes.Optional(e, "display", CslValues.Display),
            Quotes = attributes.Bool(e, "quotes", false),
            StripPeriods = attributes.Bool(e, "strip-periods", false),
            TextCase = attributes.Optional(e, "text-case", CslValues.TextCase),
            Formatting = attributes.ReadFormatting(e),
        });

    /// <summary>A cs:date of a style or a locale. A date part's form is checked against the forms its
    /// name allows.</summary>
    public static DateElement ReadDate(XElement e, CslAttributes attributes)
    {
        var date = WithCommon(e, new DateElement
        {
            Variable = CslAttributes.Text(e, "variable") ?? string.Empty,
            Form = attributes.Optional(e, "form", CslValues.DateForms),
            DateParts = attributes.Value(e, "date-parts", CslValues.DateParts, DatePartsShown.YearMonthDay),
            Delimiter = CslAttributes.Text(e, "delimiter"),
        }, attributes);
        var parts = new List<DatePartElement>();
        foreach (var p in e.Elements().Where(x => x.Name.LocalName == "date-part"))
        {
            var name = attributes.Value(p, "name", CslValues.DatePartNames, DatePartName.Year);
            parts.Add(WithCommon(p, new DatePartElement
            {
                Name = name,
                Form = attributes.Optional(p, "form", CslValues.AllowedForms(name)),
                RangeDelimiter = CslAttributes.Text(p, "range-delimiter"),
            }, attributes));
        }
        return date with { Parts = parts };
    }
}
