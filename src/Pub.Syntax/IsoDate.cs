namespace Pub.Syntax;

/// <summary>
/// Calendar dates written YYYY-MM-DD, as front matter, the series registry and the command line give them. Read
/// by hand rather than by the runtime's date parser, which opens a collator of the culture for its month names
/// even for a format without any, and costs a short build several milliseconds.
/// </summary>
public static class IsoDate
{
    /// <summary>True for exactly four digits, a hyphen, two digits, a hyphen and two digits that name a day of
    /// the Gregorian calendar (years 0001–9999); no spaces, signs or other forms.</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (text is not { Length: 10 } || text[4] != '-' || text[7] != '-'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
            value = value * 10 + (text[i] - '0');
        }
        return true;
    }
}
