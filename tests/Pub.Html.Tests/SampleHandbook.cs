using Pub.Model;
using static Pub.Html.Tests.Build;

namespace Pub.Html.Tests;

/// <summary>A resolved handbook with two contributions, one of them in another language.</summary>
internal static class SampleHandbook
{
    public static Document Create()
    {
        var first = Doc(
            [new Heading(1, [T("Introduction")], Id("sec-intro"), Number: "1.1"), P(T("First contact matters."), new NoteRef("a", 1))],
            [new Note("a", [P(T("A note in chapter one."))], 1)],
            new Metadata
            {
                Title = "First Contact",
                Subtitle = "Recognising Presumed Victims",
                Authors = [new Person("Maria Keller", "Federal Police", "0000-0001-2345-6789")],
                Abstract = [P(T("How practitioners recognise presumed victims."))],
                Kind = ManuscriptKind.Chapter,
            });
        var second = Doc(
            [new Heading(1, [T("Введение")], Id("sec-intro"), Number: "2.1"), P(T("Национальные механизмы."))],
            meta: new Metadata
            {
                Title = "Национальные механизмы переадресации",
                Language = "ru",
                Authors = [new Person("Ivan Petrov"), new Person("Maria Keller", "Federal Police")],
                Kind = ManuscriptKind.Chapter,
            });
        var meta = new Metadata
        {
            Series = "hb",
            Number = 1,
            Title = "Identifying Victims of Trafficking",
            Subtitle = "A Handbook for Practitioners",
            Editors = [new Person("Katarzyna Nowak", "OSCE Secretariat"), new Person("Jonas Lindqvist")],
            Date = new PublicationDate(2024, 11, 25),
            Language = "en",
            Abstract = [P(T("Identification is the gateway to every right of a victim."))],
            Keywords = ["victim identification", "referral"],
            Isbn = "978-92-9234-615-7",
            Licence = "CC BY-NC-ND 4.0",
            Status = ManuscriptStatus.Final,
            Kind = ManuscriptKind.Handbook,
        };
        return Doc([P(T("The editors' introduction."))], meta: meta) with { Chapters = [first, second] };
    }
}
