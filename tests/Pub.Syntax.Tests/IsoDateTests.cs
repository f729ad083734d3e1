using Pub.Syntax;
using Xunit;

namespace Pub.Syntax.Tests;

public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2024-03-12", 2024, 3, 12)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void A_date_written_YYYY_MM_DD_is_read(string text, int year, int month, int day)
    {
        Assert.True(IsoDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("2024-3-12")]
    [InlineData("24-03-12")]
    [InlineData(" 2024-03-12")]
    [InlineData("2024-03-12 ")]
    [InlineData("2024/03/12")]
    [InlineData("2024-03-1x")]
    [InlineData("２０２４-03-12")]
    [InlineData("12 March 2024")]
    public void Anything_else_is_not_a_date(string? text)
    {
        Assert.False(IsoDate.TryParse(text, out _));
    }

    [Fact]
    public void It_agrees_with_the_runtime_on_every_day_of_four_years_and_their_neighbours()
    {
        for (var day = new DateOnly(2023, 1, 1); day < new DateOnly(2027, 1, 1); day = day.AddDays(1))
        {
            foreach (var text in (string[])[day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"{day.Year:D4}-{day.Month:D2}-{day.Day + 1:D2}"])
            {
                var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var runtime);
                Assert.Equal(expected, IsoDate.TryParse(text, out var ours));
                Assert.Equal(runtime, ours);
            }
        }
    }
}
