// A numbered bibliography whose layout prints nothing for an entry. Expected strings are the CSL test
// suite's (sort_OmittedBibRefMixedNumericStyle).
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class NumberedBibliographyTests
{
    private const string Style = """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
          <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
          <macro name="author"><names variable="author"><name form="short"/></names></macro>
          <citation>
            <sort><key variable="citation-number"/></sort>
            <layout prefix="(" suffix=")" delimiter="; ">
              <choose>
                <if type="personal_communication"><group delimiter=", "><text macro="author"/><text variable="title"/></group></if>
                <else><text variable="citation-number"/></else>
              </choose>
            </layout>
          </citation>
          <bibliography>
            <layout>
              <choose>
                <if match="none" type="personal_communication">
                  <group delimiter=". "><text variable="citation-number"/><group delimiter=", "><text macro="author"/><text variable="title"/></group></group>
                </if>
              </choose>
            </layout>
          </bibliography>
        </style>
        """;

    private const string Items = """
        [
          {"id": "ITEM-1", "type": "book", "title": "Book One", "author": [{"family": "Anderson", "given": "Andrew"}]},
          {"id": "ITEM-2", "type": "personal_communication", "title": "Letter One", "author": [{"family": "Brown", "given": "Burt"}]},
          {"id": "ITEM-3", "type": "book", "title": "Book Two", "author": [{"family": "Crane", "given": "Clive"}]}
        ]
        """;

    [Fact]
    public void An_entry_with_no_printed_form_keeps_its_number()
    {
        var style = StyleParser.Parse(new SourceText("t.csl", Style), new DiagnosticBag());
        Assert.NotNull(style);
        var read = CslJsonReader.Read(new SourceText("items.json", Items));
        var processor = CslProcessor.Create(style!, LocaleSet.Builtin, read.References);
        var result = processor.Process([new CitationCluster("c1", [new CitationItem("ITEM-1"), new CitationItem("ITEM-2"), new CitationItem("ITEM-3")])]);
        Assert.Equal(
            ["1. Anderson, Book One", "2. [CSL STYLE ERROR: reference with no printed form.]", "3. Crane, Book Two"],
            result.Bibliography!.Entries.Select(e => e.Text.ToPlainText()));
    }
}
