using Pub.Model;
using ModelText = Pub.Model.Text;

namespace Pub.Layout.Tests;

/// <summary>A table of sixty columns and more leaves each cell narrower than a character, or than nothing once
/// its padding is taken off; the line breaker then tried to cut a word of one character (or an empty box) and
/// indexed past the end of its characters.</summary>
public sealed class WideTableTests
{
    private static TableCell Cell(string text) => new([new Paragraph([new ModelText(text)])]);

    private static Document Paper(int columns, Func<int, string> text)
    {
        var table = new Table(
            [.. Enumerable.Repeat(ColumnAlignment.Default, columns)], null,
            [new TableRow([.. Enumerable.Range(0, columns).Select(c => Cell("H" + c))])],
            [new TableRow([.. Enumerable.Range(0, columns).Select(c => Cell(text(c)))])],
            [new ModelText("Wide")], new Attributes("tbl-wide", [], []), "1");
        return new Document("paper.md", new Metadata { Title = "Wide", Language = "en" }, [table], []);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(90)]
    public void A_table_of_many_columns_is_laid_out(int columns)
    {
        var paged = Typesetter.Layout(Paper(columns, c => c % 3 == 0 ? "x" : c % 3 == 1 ? "" : "Antitrafficking"), SampleDocuments.Settings(), TestFonts.Set);

        Assert.NotEmpty(paged.Pages);
        var text = string.Concat(paged.Pages.SelectMany(p => p.Items).OfType<Paged.TextRun>().Select(r => r.Text));
        // every character of every cell is set somewhere, however narrow the columns
        Assert.Equal(columns / 3, text.Count(c => c == 'x'));
        Assert.Contains("H59", text, StringComparison.Ordinal);
    }
}
