using Parley.Articles;
using Parley.Articles.Metadata;

using static Parley.Tests.Articles.Metadata.MetadataPages;

namespace Parley.Tests.Articles.Metadata;

/// <summary>How the title is chosen among the visible headline and the titles the page declares.</summary>
public sealed class HeadlineRulesTests
{
    [Fact]
    public void The_h1_that_the_declared_titles_confirm_beats_an_earlier_unrelated_h1()
    {
        var page = $$"""
            <html><head><title>Port talks stall over insurance | Harbour Weekly</title><meta property="og:site_name" content="Harbour Weekly"></head>
            <body><div class="promo"><h1>Join our readers' panel</h1></div>
            <article><h1>Port talks stall over insurance</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Port talks stall over insurance", Extract(page).Title);
    }

    [Fact]
    public void Section_headings_in_h1_give_way_to_the_title_two_sources_declare()
    {
        var page = $$"""
            <html><head><title>Notes from the second round</title><meta property="og:title" content="Notes from the second round"></head>
            <body><article><p>Round two, in order.</p><h1>Monday</h1>{{BodyHtml}}<h1>Tuesday</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Notes from the second round", Extract(page).Title);
    }

    [Fact]
    public void A_lone_h1_sharing_no_words_with_the_title_declared_twice_gives_way_to_that_title()
    {
        var page = $$"""
            <html><head><title>How ferry operators price winter crossings | Harbour Weekly</title>
            <meta property="og:title" content="How ferry operators price winter crossings"><meta property="og:site_name" content="Harbour Weekly"></head>
            <body><div class="hero"><h1>Book your seat today</h1></div><article>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("How ferry operators price winter crossings", Extract(page).Title);
    }

    [Fact]
    public void A_lone_h1_unlike_a_title_declared_only_once_is_still_the_headline()
    {
        var page = $$"""
            <html><head><title>How ferry operators price winter crossings | Harbour Weekly</title><meta property="og:site_name" content="Harbour Weekly"></head>
            <body><article><h1>Book your seat today</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Book your seat today", Extract(page).Title);
    }

    [Fact]
    public void A_single_h1_that_differs_from_the_declared_title_is_still_the_headline()
    {
        var page = $$"""
            <html><head><title>Ceasefire talks: what we know | Harbour Weekly</title><meta property="og:title" content="Ceasefire talks: what we know"></head>
            <body><article><h1>Everything known so far about the ceasefire talks</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Everything known so far about the ceasefire talks", Extract(page).Title);
    }

    [Fact]
    public void The_site_name_is_removed_from_the_visible_headline()
    {
        var page = $$"""
            <html><head><title>Envoys meet again – Harbour Weekly</title><meta property="og:site_name" content="Harbour Weekly"></head>
            <body><article><h1>Envoys meet again – Harbour Weekly</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Envoys meet again", Extract(page).Title);
    }

    [Fact]
    public void A_pipe_between_two_long_clauses_stays_in_the_visible_headline()
    {
        var page = $$"""
            <html><head><title>Why the grain deal matters to the whole region | What the new corridor means for farmers and ports</title><meta property="og:site_name" content="Harbour Weekly"></head>
            <body><article><h1>Why the grain deal matters to the whole region | What the new corridor means for farmers and ports</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Why the grain deal matters to the whole region | What the new corridor means for farmers and ports", Extract(page).Title);
    }

    [Theory]
    [InlineData("Grain deal explained in five questions | Explainer", "Grain deal explained in five questions")]
    [InlineData("Best ferry routes to the islands 2025 | Top 12 Crossings", "Best ferry routes to the islands 2025")]
    [InlineData("Opinion | Why the corridor talks stalled again", "Why the corridor talks stalled again")]
    [InlineData("Ferry timetables for the winter | Travel Advice | Harbour Region Council", "Ferry timetables for the winter")]
    public void Short_pipe_segments_around_the_visible_headline_are_taglines_and_are_dropped(string h1, string expected)
    {
        var page = $$"""
            <html><head><title>{{h1}}</title></head>
            <body><article><h1>{{h1}}</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal(expected, Extract(page).Title);
    }

    [Fact]
    public void A_pipe_after_a_headline_of_two_words_is_kept()
    {
        Assert.Equal("Ceasefire holds | Day three", TitleCleaner.DropPipeTaglines("Ceasefire holds | Day three"));
    }

    [Theory]
    [InlineData("Dec 18 2025 Preparing the second round of talks")]
    [InlineData("Analysis: Preparing the second round of talks")]
    public void A_date_or_section_label_around_the_declared_title_is_dropped_from_the_headline(string h1)
    {
        var page = $$"""
            <html><head><title>Preparing the second round of talks | Harbour Weekly</title><meta property="og:site_name" content="Harbour Weekly"></head>
            <body><article><h1>{{h1}}</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Preparing the second round of talks", Extract(page).Title);
    }

    [Theory]
    [InlineData("Best ferry routes to the islands in 2025 | Harbour Weekly", "Best ferry routes to the islands in 2025")]
    [InlineData("12 Best ferry routes to the islands - Harbour Weekly", "12 Best ferry routes to the islands")]
    public void A_declared_title_that_adds_only_a_year_or_a_count_to_the_headline_is_the_title(string declared, string expected)
    {
        var page = $$"""
            <html><head><title>{{declared}}</title><meta property="og:site_name" content="Harbour Weekly"></head>
            <body><article><h1>Best ferry routes to the islands</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal(expected, Extract(page).Title);
    }

    [Fact]
    public void A_declared_title_that_adds_words_to_the_headline_does_not_replace_it()
    {
        var page = $$"""
            <html><head><title>Best ferry routes to the islands, tested by our staff | Harbour Weekly</title><meta property="og:site_name" content="Harbour Weekly"></head>
            <body><article><h1>Best ferry routes to the islands</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Best ferry routes to the islands", Extract(page).Title);
    }

    [Fact]
    public void A_longer_headline_that_merely_contains_the_declared_title_is_kept_whole()
    {
        var page = $$"""
            <html><head><title>House prices in the capital | Harbour Weekly</title></head>
            <body><article><h1>House prices in the capital: a district by district breakdown</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("House prices in the capital: a district by district breakdown", Extract(page).Title);
    }

    [Fact]
    public void A_truncated_structured_headline_is_completed_from_the_declared_title_it_begins()
    {
        const string full = "Monday briefing: what the delegations agreed about prisoner exchanges, the maritime corridor and the monitoring of the line";
        var cut = full[..105] + "...";
        var page = $$"""
            <html><head><title>{{full}} - Harbour Weekly</title><meta property="og:site_name" content="Harbour Weekly">
            <script type="application/ld+json">{"@type":"Article","headline":"{{cut}}"}</script></head>
            <body><div class="post">{{BodyHtml}}</div></body></html>
            """;
        Assert.Equal(full, Extract(page).Title);
    }

    [Theory]
    [InlineData("<body class=\"single-post nv-sidebar-left menu_slide_left\"><article>", "")]
    [InlineData("<body><article><div class=\"entry-header\">", "</div>")]
    [InlineData("<body><article><header class=\"story-header\">", "</header>")]
    public void An_h1_in_the_article_header_or_under_a_body_with_layout_classes_is_not_page_chrome(string open, string close)
    {
        var page = $$"""
            <html><head><title>Corridor deal: the risks | Harbour Weekly</title><meta property="og:site_name" content="Harbour Weekly"></head>
            {{open}}<h1>Ten ways the grain arrangement could still fail</h1>{{close}}{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Ten ways the grain arrangement could still fail", Extract(page).Title);
    }

    [Fact]
    public void An_h1_in_the_site_header_is_page_chrome()
    {
        var page = $$"""
            <html><head><title>Corridor deal: the risks | Harbour Weekly</title><meta property="og:site_name" content="Harbour Weekly"></head>
            <body><div class="site-header"><h1>Ten ways to enjoy the harbour this summer</h1></div><article>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Corridor deal: the risks", Extract(page).Title);
    }

    [Theory]
    [InlineData("The Harbour Master? Guide to Winter Crossings")]
    [InlineData("The Harbour Master\uFFFDs Guide to Winter Crossings")]
    public void A_headline_whose_apostrophe_the_encoding_lost_is_repaired_from_the_declared_title(string h1)
    {
        var page = $$"""
            <html><head><title>The Harbour Master's Guide to Winter Crossings</title></head>
            <body><article><h1>{{h1}}</h1>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("The Harbour Master's Guide to Winter Crossings", Extract(page).Title);
    }

    [Fact]
    public void A_question_in_the_headline_is_not_taken_for_a_lost_character()
    {
        Assert.Null(TitleCleaner.RepairedBy("Who pays for the corridor?", ["Who pays for the corridor? The bill explained"]));
        Assert.Null(TitleCleaner.RepairedBy("Talks resume? Not yet", ["Talks resume in Geneva"]));
    }

    [Fact]
    public void A_section_name_in_h1_is_not_the_headline()
    {
        var page = $$"""
            <html><head><title>Why the corridor talks stalled</title></head>
            <body><div class="section"><h1>Our Blog</h1></div><article><h2>Why the corridor talks stalled</h2>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Why the corridor talks stalled", Extract(page).Title);
    }

    [Fact]
    public void An_h1_that_only_names_the_host_is_not_the_headline()
    {
        var page = $$"""
            <html><head><title>Notes on the corridor talks</title></head>
            <body><header><h1>harbourweekly.example</h1></header><article><h2>Notes on the corridor talks</h2>{{BodyHtml}}</article></body></html>
            """;
        Assert.Equal("Notes on the corridor talks", Extract(page, "https://harbourweekly.example/notes/corridor").Title);
    }

    [Theory]
    [InlineData("GitHub", "gist.github.com", true)]
    [InlineData("Example com", "promotions.example.com", true)]
    [InlineData("news example", "www.news.example", true)]
    [InlineData("Top 19 companies", "www.movers.example", false)]
    [InlineData("Guide", "www.guidepost.example", false)]
    [InlineData("com", "www.guidepost.com", false)]
    public void A_title_segment_names_the_host_by_its_registered_name(string segment, string host, bool expected) =>
        Assert.Equal(expected, TitleCleaner.NamesHost(TitleCleaner.Key(segment), host));

    [Fact]
    public void A_suffix_naming_the_parent_domain_is_removed_from_a_subdomain_page_title()
    {
        Assert.Equal("Corridor talks, a timeline", TitleCleaner.Clean("Corridor talks, a timeline · Example", "Notes", "notes.example.org", null));
    }
}
