using Parley.Fetching.Politeness;

namespace Parley.Tests.Fetching;

public class RobotsTxtTests
{
    private const string Rules = """
        # a news site
        User-agent: *
        Disallow: /search
        Disallow: /private/
        Allow: /private/press-releases/
        Disallow: /*.pdf$

        User-agent: ParleyBot
        User-agent: OtherBot
        Disallow: /drafts/
        Crawl-delay: 1.5

        User-agent: BadBot
        Disallow: /
        """;

    [Theory]
    [InlineData("/news/talks-resume", true)]
    [InlineData("/search?q=ceasefire", false)]
    [InlineData("/private/notes", false)]
    [InlineData("/private/press-releases/statement", true)]
    [InlineData("/files/plan.pdf", false)]
    [InlineData("/files/plan.pdf?download=1", true)]
    public void Star_group_applies_to_an_agent_without_its_own_group(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(Rules, "SomeCrawler/2.0").IsAllowed(path));

    [Fact]
    public void An_agents_own_group_replaces_the_star_group()
    {
        var robots = RobotsTxt.Parse(Rules, "ParleyBot/1.0");
        Assert.True(robots.IsAllowed("/search"));
        Assert.False(robots.IsAllowed("/drafts/plan"));
        Assert.Equal(TimeSpan.FromSeconds(1.5), robots.CrawlDelay);
    }

    [Fact]
    public void Longest_match_wins_and_allow_wins_a_tie()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /a\nAllow: /a\nDisallow: /b/c\nAllow: /b\n", "x");
        Assert.True(robots.IsAllowed("/a/page"));
        Assert.False(robots.IsAllowed("/b/c/page"));
        Assert.True(robots.IsAllowed("/b/d"));
    }

    [Fact]
    public void Empty_disallow_allows_everything_and_robots_txt_itself_is_always_allowed()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:\n", "x").IsAllowed("/anything"));
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow: /\n", "x").IsAllowed("/robots.txt"));
        Assert.False(RobotsTxt.Parse("User-agent: *\nDisallow: /\n", "x").IsAllowed("/news"));
    }
}
