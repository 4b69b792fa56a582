using HtmlAgilityPack;
using Parley.Articles;
using Parley.Articles.Body;

namespace Parley.Tests.Articles.Body;

public sealed class MainContentFallbackTests
{
    [Fact]
    public void A_winning_container_that_is_only_a_linked_card_gives_way_to_the_page_text_without_boilerplate()
    {
        // The card's wrapper is the best-scoring container (a "text" hint, no links of its own), but all of its text is a
        // link, so it flattens to nothing; the article's two short paragraphs sit in sections of their own.
        const string page = """
            <html><head><title>A roaster's tools</title></head><body>
            <section><h1>A roaster's tools</h1></section>
            <section><p>The roaster sells scales and beans online.</p></section>
            <section><p>Its owner said sales grew by a third.</p></section>
            <div class="cards"><a href="/s/1"><div class="card-text"><div>See which app a tea shop uses, and how, and why, to write its posts</div></div></a></div>
            </body></html>
            """;
        var article = new ArticleExtractor().Extract(page, "https://shop.example/stories/roaster").Article!;
        Assert.Equal(["The roaster sells scales and beans online.", "Its owner said sales grew by a third."], article.Paragraphs);
        Assert.Contains("no main content block found: the body is the page's text without its boilerplate", article.Warnings);
    }

    [Theory]
    [InlineData("tw-text-heading-xl md:flex text-lg text-gray-700 story-body", "story-body")]
    [InlineData("text-block lead", "text-block lead")]
    [InlineData("hover:underline w-[3px] article-text", "article-text")]
    [InlineData("entry-content", "entry-content")]
    public void Utility_classes_are_not_hints(string classes, string expected)
    {
        var doc = new HtmlDocument();
        doc.LoadHtml($"<div class=\"{classes}\">x</div>");
        Assert.Equal(expected, Dom.Hints(doc.DocumentNode.SelectSingleNode("//div")!));
    }
}
