using HtmlAgilityPack;
using Parley.Articles.Body;

namespace Parley.Tests.Articles.Body;

public sealed class DomShortTextTests
{
    private static HtmlNode Div(string html)
    {
        var doc = new HtmlDocument();
        doc.LoadHtml(html);
        return doc.DocumentNode.SelectSingleNode("//div")!;
    }

    [Fact]
    public void A_short_element_gives_its_normalized_text()
    {
        Assert.Equal("Published 4 March 2025", Dom.ShortText(Div("<div><span>Published</span>\u00a0<b>4 March 2025</b></div>"), 100));
    }

    [Fact]
    public void An_element_whose_text_runs_past_the_bound_gives_nothing()
    {
        Assert.Null(Dom.ShortText(Div("<div><p>The delegations met for six hours.</p><p>They agreed to meet again.</p></div>"), 20));
    }
}
