using Parley.Articles;
using Parley.Articles.Body;

namespace Parley.Tests.Articles.Body;

public sealed class ScriptContentTests
{
    [Fact]
    public void Script_and_style_content_is_removed_and_their_tags_stay()
    {
        const string page = "<p>Talks opened.</p><script>var s = \"<p>not text</p>\";</script><style>p { color: red }</style><p>They closed.</p>";
        Assert.Equal("<p>Talks opened.</p><script></script><style></style><p>They closed.</p>", ScriptContent.Strip(page));
    }

    [Fact]
    public void Json_scripts_are_kept_as_they_are()
    {
        const string page = "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><script type='application/json'>{\"a\":1}</script></head>";
        Assert.Same(page, ScriptContent.Strip(page));
    }

    [Fact]
    public void A_script_tag_inside_a_comment_does_not_swallow_the_page_up_to_the_next_closing_tag()
    {
        const string page = "<!-- <script> old loader --><p>The envoy spoke.</p><script>track()</script>";
        Assert.Equal("<!-- <script> old loader --><p>The envoy spoke.</p><script></script>", ScriptContent.Strip(page));
    }

    [Fact]
    public void A_quoted_angle_bracket_in_an_attribute_does_not_end_the_tag()
    {
        Assert.Equal("<script data-rule=\"a>b\"></script><p>x</p>", ScriptContent.Strip("<script data-rule=\"a>b\">code()</script><p>x</p>"));
    }

    [Fact]
    public void Tag_names_are_matched_whole_and_without_regard_to_case()
    {
        Assert.Equal("<styles>kept</styles><SCRIPT></SCRIPT ><Style></STYLE>",
            ScriptContent.Strip("<styles>kept</styles><SCRIPT>x = 1</SCRIPT ><Style>b{}</STYLE>"));
    }

    [Fact]
    public void An_unclosed_script_leaves_the_rest_of_the_page_alone()
    {
        const string page = "<p>Before.</p><script>var never = 'closed';<p>After.</p>";
        Assert.Same(page, ScriptContent.Strip(page));
    }

    [Fact]
    public void A_script_whose_code_writes_a_closing_tag_in_two_pieces_ends_at_the_real_one()
    {
        Assert.Equal("<script></script><p>Body.</p>", ScriptContent.Strip("<script>document.write('<\\/script>');</script><p>Body.</p>"));
    }

    [Fact]
    public void Extraction_still_reads_json_ld_and_ignores_script_text()
    {
        const string page = """
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Envoys meet in Geneva","datePublished":"2025-03-04T09:00:00+01:00"}</script>
            <script>window.headline = "Wrong headline from code";</script></head>
            <body><article><h1>Envoys meet in Geneva</h1><p>The two delegations met for four hours on Tuesday, officials said.</p>
            <script>document.write("<p>Injected by a script, never seen without it.</p>")</script></article></body></html>
            """;
        var article = new ArticleExtractor().Extract(page, "https://news.example/geneva").Article!;
        Assert.Equal("Envoys meet in Geneva", article.Title);
        Assert.Equal("2025-03-04T09:00:00+01:00", article.Published.ToString());
        Assert.Equal("The two delegations met for four hours on Tuesday, officials said.", article.Text);
    }
}
