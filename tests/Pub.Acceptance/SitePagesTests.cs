namespace Pub.Acceptance;

/// <summary>The checks of this suite run over every page type the build writes; this pins that the site's
/// own pages and the handbook's contribution pages are among them, so that none escapes validation.</summary>
public sealed class SitePagesTests(SampleSite site)
{
    [Fact]
    public void Every_page_type_is_checked()
    {
        site.RequireBuilt();
        string[] expected =
        [
            "index.html", "404.html", "op-001-en-ed1.html", "op-001-ru-ed1.html", "hb-001-en-ed1.html",
            "hb-001-en-ed1-ch1.html", "hb-001-en-ed1-ch2.html",
        ];
        Assert.All(expected, page => Assert.Contains(page, site.Pages));
    }
}
