// Initials under initialize-with, initialize="false" and initialize-with-hyphen: hyphenated given names
// with a lower-case second element ("Min-jun"), given names that mix an initial and a full name
// ("E. Benjamin") and initials written together ("E.B."). Expected strings are what citeproc-js 2.4
// prints for these names with these options.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class NameInitialsTests
{
    private const string Items = """
    [
      {"id": "a", "type": "book", "author": [{"family": "Cho", "given": "Min-jun"}]},
      {"id": "b", "type": "book", "author": [{"family": "Cho", "given": "Min-Jun"}]},
      {"id": "c", "type": "book", "author": [{"family": "Skinner", "given": "E. Benjamin"}]},
      {"id": "d", "type": "book", "author": [{"family": "Skinner", "given": "E.B."}]},
      {"id": "e", "type": "book", "author": [{"family": "Skinner", "given": "Jean-paul Ab"}]}
    ]
    """;

    private static string Cites(string nameOptions, string hyphen)
    {
        var style =
            $"<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" default-locale=\"en-US\" initialize-with-hyphen=\"{hyphen}\">" +
            "<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>" +
            $"<citation><layout><names variable=\"author\"><name {nameOptions}/></names></layout></citation></style>";
        var parsed = StyleParser.Parse(new SourceText("t.csl", style), new DiagnosticBag());
        Assert.NotNull(parsed);
        var read = CslJsonReader.Read(new SourceText("items.json", Items));
        var processor = CslProcessor.Create(parsed!, LocaleSet.Builtin, read.References);
        var clusters = read.References.Select((r, i) => new CitationCluster("c" + (i + 1), [new CitationItem(r.Id)], i + 1)).ToList();
        return string.Join("|", processor.Process(clusters).Citations.Select(c => c.Text.ToPlainText()));
    }

    [Theory]
    [InlineData("initialize-with=\"\"", "true", "M Cho|M-J Cho|EB Skinner|EB Skinner|JA Skinner")]
    [InlineData("initialize-with=\"\"", "false", "M jun Cho|MJ Cho|EB Skinner|EB Skinner|J paul A Skinner")]
    [InlineData("initialize-with=\"\" initialize=\"false\"", "true", "Min-jun Cho|Min-Jun Cho|E Benjamin Skinner|EB Skinner|Jean-paul Ab Skinner")]
    [InlineData("initialize-with=\"\" initialize=\"false\"", "false", "Min jun Cho|Min Jun Cho|E Benjamin Skinner|EB Skinner|Jean paul Ab Skinner")]
    [InlineData("initialize-with=\". \"", "true", "M. Cho|M.-J. Cho|E. B. Skinner|E. B. Skinner|J. A. Skinner")]
    [InlineData("initialize-with=\". \"", "false", "M. jun Cho|M. J. Cho|E. B. Skinner|E. B. Skinner|J. paul A. Skinner")]
    [InlineData("initialize-with=\".\" initialize=\"false\"", "true", "Min-jun Cho|Min-Jun Cho|E. Benjamin Skinner|E.B. Skinner|Jean-paul Ab Skinner")]
    [InlineData("initialize-with=\".\" initialize=\"false\"", "false", "Min jun Cho|Min Jun Cho|E. Benjamin Skinner|E.B. Skinner|Jean paul Ab Skinner")]
    [InlineData("initialize-with=\". \" initialize=\"false\"", "true", "Min-jun Cho|Min-Jun Cho|E. Benjamin Skinner|E. B. Skinner|Jean-paul Ab Skinner")]
    [InlineData("initialize-with=\". \" initialize=\"false\"", "false", "Min jun Cho|Min Jun Cho|E. Benjamin Skinner|E. B. Skinner|Jean paul Ab Skinner")]
    public void Initials_follow_the_name_options(string nameOptions, string hyphen, string expected) =>
        Assert.Equal(expected, Cites(nameOptions, hyphen));

    // Markup typed in a given name stays around the initial made from it, the initial's period inside
    // it: the CSL test suite (name_InTextMarkupInitialize, name_InTextMarkupNormalizeInitials) and, for
    // the last three names, citeproc-js.
    [Theory]
    [InlineData("<b>John</b> Quiggly", "<b>Doe</b>, <b>J.</b> Q.")]
    [InlineData("<b>John</b>-Quiggly", "<b>Doe</b>, <b>J.</b>-Q.")]
    [InlineData("<b>J</b> Q", "<b>Doe</b>, <b>J.</b> Q.")]
    [InlineData("<b>J</b>-Q", "<b>Doe</b>, <b>J.</b>-Q.")]
    [InlineData("<i>Jean</i>-Paul Marie", "<b>Doe</b>, <i>J.</i>-P. M.")]
    [InlineData("<b>J.R.</b>", "<b>Doe</b>, <b>J. R.</b>")]
    public void Markup_in_a_given_name_wraps_its_initial(string given, string expected)
    {
        const string style =
            "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">" +
            "<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>" +
            "<citation><layout><names variable=\"author\"><name name-as-sort-order=\"all\" sort-separator=\", \" initialize-with=\". \"/></names></layout></citation></style>";
        var parsed = StyleParser.Parse(new SourceText("t.csl", style), new DiagnosticBag());
        Assert.NotNull(parsed);
        var reference = new Reference
        {
            Id = "a",
            Type = "book",
            Names = new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal) { ["author"] = [new Name { Family = "<b>Doe</b>", Given = given }] },
        };
        var processor = CslProcessor.Create(parsed!, LocaleSet.Builtin, [reference]);
        Assert.Equal(expected, processor.Process([new CitationCluster("c", [new CitationItem("a")])]).Citations[0].Text.ToHtml());
    }
}
