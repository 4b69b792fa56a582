using Parley.Articles;

using static Parley.Tests.Articles.Metadata.MetadataPages;

namespace Parley.Tests.Articles.Metadata;

/// <summary>How the structured date, the visible dateline and the URL are weighed against each other.</summary>
public sealed class VisibleDateRulesTests
{
    [Fact]
    public void A_visible_published_label_wins_over_a_structured_date_more_than_a_day_off()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Envoys meet again","datePublished":"2025-06-20T09:00:00Z"}</script>
            </head><body><article><h1>Envoys meet again</h1><p class="meta">Published May 2, 2025</p>{{BodyHtml}}</article></body></html>
            """;
        var article = Extract(page);
        Assert.Equal("2025-05-02", article.Published.ToString());
        Assert.Contains("publication date taken from the visible 'Published' label (the structured date differs)", article.Warnings);
    }

    [Fact]
    public void A_published_label_one_day_off_is_a_time_zone_and_keeps_the_structured_time()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title>
            <meta property="article:published_time" content="2025-05-02T23:30:00-04:00">
            </head><body><article><h1>Envoys meet again</h1><p class="meta">Published: 03 May 2025</p>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2025-05-02T23:30:00-04:00", Extract(page).Published.ToString());
    }

    [Fact]
    public void The_date_after_the_published_label_is_taken_not_the_first_date_of_the_line()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title><meta property="article:published_time" content="2025-09-01T08:00:00Z"></head>
            <body><article><h1>Envoys meet again</h1><p>Updated August 30, 2025 · Published April 9, 2025</p>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2025-04-09", Extract(page).Published.ToString());
    }

    [Fact]
    public void A_posted_in_category_line_is_not_a_published_label()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title><meta property="article:published_time" content="2025-04-10T08:00:00Z"></head>
            <body><article><h1>Envoys meet again</h1><p>Posted in Diplomacy (February 2, 2025 archive)</p>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2025-04-10T08:00:00+00:00", Extract(page).Published.ToString());
    }

    [Fact]
    public void An_originally_published_line_gives_the_publication_day()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title></head><body><article><h1>Envoys meet again</h1>
            <p class="byline">Sam Okafor · 14 Oct 2025</p>{{BodyHtml}}
            <p>This story was originally published on 3 July 2024 and has been revised since.</p></article></body></html>
            """;
        var article = Extract(page);
        Assert.Equal("2024-07-03", article.Published.ToString());
        Assert.Contains("publication date taken from an 'originally published' line", article.Warnings);
    }

    [Fact]
    public void A_dateline_older_than_the_structured_date_is_the_publication_day()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title>
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"Envoys meet again","datePublished":"2025-11-20"}</script>
            </head><body><article><h1>Envoys meet again</h1><div class="author">Lena Novak</div><div>March 14, 2023</div>{{BodyHtml}}</article></body></html>
            """;
        var article = Extract(page);
        Assert.Equal("2023-03-14", article.Published.ToString());
        Assert.Contains("publication date taken from the visible dateline (older than the structured date)", article.Warnings);
    }

    [Fact]
    public void A_dateline_the_day_before_a_late_utc_instant_is_a_different_date_not_a_time_zone()
    {
        // 21:40 UTC on the 19th is the 19th or the 20th everywhere between UTC-12 and UTC+14, never the 18th.
        var page = $$"""
            <html><head><title>Envoys meet again</title>
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"Envoys meet again","datePublished":"2025-12-19T21:40:00Z"}</script>
            </head><body><article><h1>Envoys meet again</h1><div>Dec 18, 2025</div>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2025-12-18", Extract(page).Published.ToString());
    }

    [Fact]
    public void A_dateline_the_day_before_an_early_utc_instant_is_a_time_zone_and_keeps_the_structured_time()
    {
        // 03:10 UTC on the 19th is still the 18th west of UTC-3.
        var page = $$"""
            <html><head><title>Envoys meet again</title>
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"Envoys meet again","datePublished":"2025-12-19T03:10:00Z"}</script>
            </head><body><article><h1>Envoys meet again</h1><div>Dec 18, 2025</div>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2025-12-19T03:10:00+00:00", Extract(page).Published.ToString());
    }

    [Fact]
    public void A_page_that_gives_only_its_modified_date_is_dated_by_it_with_a_warning()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title><meta property="article:modified_time" content="2024-02-07T10:00:00+01:00"></head>
            <body><article><h1>Envoys meet again</h1>{{BodyHtml}}</article></body></html>
            """;
        var article = Extract(page);
        Assert.Equal("2024-02-07T10:00:00+01:00", article.Published.ToString());
        Assert.Equal("2024-02-07T10:00:00+01:00", article.Modified.ToString());
        Assert.Contains("publication date taken from the modified date (the page gives no other)", article.Warnings);
    }

    [Fact]
    public void A_date_in_the_url_comes_before_the_modified_date()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title><meta property="article:modified_time" content="2024-02-07T10:00:00+01:00"></head>
            <body><article><h1>Envoys meet again</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2023-11-30", Extract(page, "https://news.example/2023/11/30/envoys-meet-again").Published.ToString());
    }

    [Fact]
    public void A_dateline_written_straight_into_the_container_of_a_long_article_is_read()
    {
        var paragraphs = string.Concat(Enumerable.Repeat(BodyHtml, 12));
        var page = $$"""
            <html><head><title>Envoys meet again</title></head>
            <body><div class="post"><h2>Envoys meet again</h2> 14 March 2025 <div class="text">{{paragraphs}}</div></div></body></html>
            """;
        Assert.Equal("2025-03-14", Extract(page).Published.ToString());
    }

    [Fact]
    public void A_date_in_the_author_box_after_a_long_article_is_the_publication_date()
    {
        var paragraphs = string.Concat(Enumerable.Repeat(BodyHtml, 70));
        var page = $$"""
            <html><head><title>Envoys meet again</title></head>
            <body><article><h1>Envoys meet again</h1>{{paragraphs}}
            <div class="post-author"><p>Written by <a href="/team/lena-novak">Lena Novak</a></p><small>April 8, 2024</small></div></article></body></html>
            """;
        var article = Extract(page);
        Assert.Equal("2024-04-08", article.Published.ToString());
        Assert.Contains("publication date taken from the byline block", article.Warnings);
    }

    [Fact]
    public void An_update_date_in_the_author_box_is_not_taken_for_the_publication_date()
    {
        var paragraphs = string.Concat(Enumerable.Repeat(BodyHtml, 70));
        var page = $$"""
            <html><head><title>Envoys meet again</title></head>
            <body><article><h1>Envoys meet again</h1>{{paragraphs}}
            <div class="post-author"><p>Lena Novak</p><small>Last updated April 8, 2024</small></div></article></body></html>
            """;
        Assert.Null(Extract(page).Published);
    }

    [Fact]
    public void A_dateline_newer_than_the_structured_date_does_not_replace_it()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title>
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"Envoys meet again","datePublished":"2023-03-14"}</script>
            </head><body><article><h1>Envoys meet again</h1><div>November 20, 2025</div>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2023-03-14", Extract(page).Published.ToString());
    }

    [Fact]
    public void The_dateline_beside_the_headline_beats_dates_of_related_posts_listed_after_a_short_article()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title></head><body>
            <nav><a href="/">Home</a></nav>
            <div class="post-head"><span>June 3, 2025</span><h1>Envoys meet again</h1><span>6 min read</span></div>
            {{BodyHtml}}
            <section class="more"><h2>More from the desk</h2><div><h3>Grain corridor reopens</h3><span>July 30, 2025</span></div></section>
            </body></html>
            """;
        Assert.Equal("2025-06-03", Extract(page).Published.ToString());
    }

    [Fact]
    public void An_updated_date_beside_the_headline_beats_related_post_dates_further_down()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title></head><body>
            <article><h1>Envoys meet again</h1><p>Last modified: August 8, 2024</p>{{BodyHtml}}</article>
            <section><p>Ceasefire monitors named</p><p>January 5, 2026</p><p>Corridor talks stall</p><p>January 4, 2026</p></section>
            </body></html>
            """;
        var article = Extract(page);
        Assert.Equal("2024-08-08", article.Published.ToString());
        Assert.Contains("publication date taken from a visible 'updated' date", article.Warnings);
    }

    [Fact]
    public void A_plain_date_shown_before_an_updated_date_is_the_publication_day()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title></head><body><article>
            <div class="kicker"><span>Diplomacy</span><span>DECEMBER 22, 2022</span><span>Updated: JANUARY 02, 2026</span></div>
            <h1>Envoys meet again</h1>{{BodyHtml}}</article></body></html>
            """;
        var article = Extract(page);
        Assert.Equal("2022-12-22", article.Published.ToString());
        Assert.Contains("publication date taken from the visible dateline", article.Warnings);
    }

    [Fact]
    public void A_label_in_one_element_applies_to_the_date_in_the_next()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title><meta property="article:published_time" content="2025-10-01T12:00:00Z"></head>
            <body><article><h1>Envoys meet again</h1><div><span>Published</span> <span>12 May 2025</span></div>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2025-05-12", Extract(page).Published.ToString());
    }

    [Fact]
    public void A_dateline_that_links_to_the_archive_is_read()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title></head><body><article><h1>Envoys meet again</h1>
            <div class="post-info"><a href="/archive/2025/02/">February 11, 2025</a></div>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2025-02-11", Extract(page).Published.ToString());
    }

    [Fact]
    public void Dates_in_a_data_table_are_not_a_dateline()
    {
        var page = $$"""
            <html><head><title>Grain exports by month</title><meta property="article:published_time" content="2025-02-12"></head>
            <body><article><h1>Grain exports by month</h1>
            <table><tr><td>1/1/2013</td><td>4.1</td></tr><tr><td>2/1/2013</td><td>3.9</td></tr></table>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2025-02-12", Extract(page).Published.ToString());
    }

    [Fact]
    public void The_time_element_beside_the_headline_beats_a_sidebar_time_element_before_it()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title></head><body>
            <aside><ul><li><a href="/a">Older notes</a> <time datetime="2025-01-31T12:00:00Z" class="published">01/31/2025</time></li></ul></aside>
            <article><h1>Envoys meet again</h1><div><time datetime="2017-03-01T12:00:00Z" class="published">03/01/2017</time></div>{{BodyHtml}}</article>
            </body></html>
            """;
        Assert.Equal("2017-03-01T12:00:00+00:00", Extract(page).Published.ToString());
    }

    [Fact]
    public void A_utc_instant_takes_the_publishers_offset_when_the_page_gives_the_same_instant_locally()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title><meta property="article:published_time" content="2025-12-19T03:05:00+00:00"></head>
            <body><article><h1>Envoys meet again</h1><time datetime="2025-12-18T19:05:00-08:00">December 18, 2025</time>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("2025-12-18T19:05:00-08:00", Extract(page).Published.ToString());
    }

    [Fact]
    public void A_different_instant_with_an_offset_does_not_move_a_utc_date()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title><meta property="article:published_time" content="2025-12-19T03:05:00+00:00"></head>
            <body><article><h1>Envoys meet again</h1>{{BodyHtml}}<div class="comments"><time datetime="2025-12-20T10:00:00-08:00">Dec 20</time></div></article></body></html>
            """;
        Assert.Equal("2025-12-19T03:05:00+00:00", Extract(page).Published.ToString());
    }

    [Fact]
    public void The_url_date_settles_the_order_of_day_and_month()
    {
        var page = $$"""
            <html><head><title>Envoys meet again</title></head><body><article><h1>Envoys meet again</h1><div>03/10/2023</div>{{BodyHtml}}</article></body></html>
            """;
        var article = Extract(page, "https://wine.example/blog/2023/october/03/envoys-meet-again/");
        Assert.Equal("2023-10-03", article.Published.ToString());
        Assert.Contains("day and month order taken from the date in the URL", article.Warnings);
    }
}
