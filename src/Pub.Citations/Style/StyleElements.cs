// Reading shared by the style and locale parsers: the attributes every rendering element carries,
// and cs:date, which a locale defines as well as a style.
using System.Xml.Linq;

namespace Pub.Citations;

internal static class StyleElements
{
    public static T ReadCommon<T>(XElement e, T el, CslAttributes attributes) where T : CslElement
    {
        el.Span = attributes.SpanOf(e);
        el.Prefix = CslAttributes.Text(e, "prefix") ?? string.Empty;
        el.Suffix = CslAttributes.Text(e, "suffix") ?? string.Empty;
        el.Display = attributes.Optional(e, "display", CslValues.Display);
        el.Quotes = attributes.Bool(e, "quotes", false);
        el.StripPeriods = attributes.Bool(e, "strip-periods", false);
        el.TextCase = attributes.Optional(e, "text-case", CslValues.TextCase);
        el.Formatting = attributes.ReadFormatting(e);
        return el;
    }

    /// <summary>A cs:date of a style or a locale. A date part's form is checked against the forms its
    /// name allows.</summary>
    public static DateElement ReadDate(XElement e, CslAttributes attributes)
    {
        var d = new DateElement
        {
            Variable = CslAttributes.Text(e, "variable") ?? string.Empty,
            Form = attributes.Optional(e, "form", CslValues.DateForms),
            DateParts = attributes.Value(e, "date-parts", CslValues.DateParts, DatePartsShown.YearMonthDay),
            Delimiter = CslAttributes.Text(e, "delimiter"),
        };
        ReadCommon(e, d, attributes);
        foreach (var p in e.Elements().Where(x => x.Name.LocalName == "date-part"))
        {
            var name = attributes.Value(p, "name", CslValues.DatePartNames, DatePartName.Year);
            var part = new DatePartElement
            {
                Name = name,
                Form = attributes.Optional(p, "form", CslValues.AllowedForms(name)),
                RangeDelimiter = CslAttributes.Text(p, "range-delimiter"),
            };
            ReadCommon(p, part, attributes);
            d.Parts.Add(part);
        }
        return d;
    }
}
