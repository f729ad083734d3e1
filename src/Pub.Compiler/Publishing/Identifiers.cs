// Publishing: standard identifiers (ISBN, ISSN, DOI), the series registry and `pub publish`.
using System.Text.RegularExpressions;

namespace Pub.Compiler.Publishing;

/// <summary>
/// Validates the identifiers a publication carries. Each check returns null for a valid identifier and
/// otherwise a sentence saying what is wrong, for a diagnostic.
/// </summary>
/// <remarks>
/// Check digits: ISBN-13 weighs its digits 1,3,1,3… and the sum must be a multiple of 10; ISBN-10 and
/// ISSN weigh them 10…1 (8…1 for ISSN) and the sum must be a multiple of 11, an 'X' standing for 10 in
/// the last place. Hyphens and spaces only group the digits and are ignored.
/// </remarks>
public static partial class Identifiers
{
    public static string? CheckIsbn(string text)
    {
        var compact = Compact(text);
        if (compact.Length == 13)
        {
            if (!compact.All(char.IsAsciiDigit))
            {
                return "an ISBN-13 has 13 digits";
            }
            if (!compact.StartsWith("978", StringComparison.Ordinal) && !compact.StartsWith("979", StringComparison.Ordinal))
            {
                return "an ISBN-13 begins with 978 or 979";
            }
            var sum = 0;
            for (var i = 0; i < 12; i++)
            {
                sum += (compact[i] - '0') * (i % 2 == 0 ? 1 : 3);
            }
            var expected = (10 - (sum % 10)) % 10;
            return compact[12] - '0' == expected ? null : $"its check digit is {compact[12]}, but the digits before it give {expected}";
        }
        if (compact.Length == 10)
        {
            return CheckMod11(compact, "an ISBN-10");
        }
        return $"an ISBN has 13 digits (or 10 for an old ISBN-10), not {compact.Length} characters";
    }

    public static string? CheckIssn(string text)
    {
        var trimmed = text.Trim();
        if (!IssnShape().IsMatch(trimmed))
        {
            return "an ISSN is written as two groups of four characters, NNNN-NNNC";
        }
        return CheckMod11(trimmed.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(), "an ISSN");
    }

    public static string? CheckDoi(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("http", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("doi:", StringComparison.OrdinalIgnoreCase))
        {
            return "write the DOI itself, without 'https://doi.org/' or 'doi:'";
        }
        return DoiShape().IsMatch(trimmed) ? null : "a DOI is '10.' and a registrant code of digits, a slash and a suffix without spaces (10.1234/abc)";
    }

    /// <summary>The digits of an ISBN or ISSN in canonical compact form: no hyphens or spaces, upper-case X.</summary>
    public static string Compact(string text) =>
        new([.. text.Where(c => c is not ('-' or ' ')).Select(c => c == 'x' ? 'X' : c)]);

    private static string? CheckMod11(string compact, string what)
    {
        var length = compact.Length;
        for (var i = 0; i < length - 1; i++)
        {
            if (!char.IsAsciiDigit(compact[i]))
            {
                return $"{what} has only digits before its check character";
            }
        }
        var last = compact[^1];
        if (!char.IsAsciiDigit(last) && last != 'X')
        {
            return $"{what} ends in a digit or X";
        }
        var sum = 0;
        for (var i = 0; i < length - 1; i++)
        {
            sum += (compact[i] - '0') * (length - i);
        }
        var expected = (11 - (sum % 11)) % 11;
        var expectedText = expected == 10 ? "X" : ((char)('0' + expected)).ToString();
        var actual = last == 'X' ? 10 : last - '0';
        return actual == expected ? null : $"its check character is {last}, but the digits before it give {expectedText}";
    }

    [GeneratedRegex(@"^\d{4}-?\d{3}[\dXx]$", RegexOptions.CultureInvariant)]
    private static partial Regex IssnShape();

    [GeneratedRegex(@"^10\.\d{4,9}(\.\d+)*/[^\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DoiShape();
}
