using Markdig.Extensions.SmartyPants;

namespace Pub.Markdown;

/// <summary>Smart punctuation by language: straight quotes become the quotation marks of the
/// manuscript's language, "--" an en dash and "---" an em dash.</summary>
internal sealed record Quotes(string OpenDouble, string CloseDouble, string OpenSingle, string CloseSingle)
{
    public static Quotes For(string language)
    {
        var primary = language.Split('-')[0].ToLowerInvariant();
        return primary switch
        {
            "ru" or "uk" or "be" => new("«", "»", "„", "“"),
            "de" => new("„", "“", "‚", "‘"),
            "fr" => new("«\u00A0", "\u00A0»", "‹\u00A0", "\u00A0›"),
            _ => new("“", "”", "‘", "’"),
        };
    }

    public string Map(SmartyPantType type) => type switch
    {
        SmartyPantType.LeftDoubleQuote => OpenDouble,
        SmartyPantType.RightDoubleQuote => CloseDouble,
        SmartyPantType.LeftQuote => OpenSingle,
        // Markdig reports a right quote only when it closes a pair; a lone apostrophe stays a literal
        // and is made typographic when the tree is lowered.
        SmartyPantType.RightQuote => CloseSingle,
        SmartyPantType.LeftAngleQuote => "«",
        SmartyPantType.RightAngleQuote => "»",
        SmartyPantType.Ellipsis => "…",
        SmartyPantType.Dash2 => "–",
        SmartyPantType.Dash3 => "—",
        SmartyPantType.Quote => "’",
        SmartyPantType.DoubleQuote => CloseDouble,
        _ => "",
    };
}
