using Parley.Articles.Metadata;

namespace Parley.Tests.Articles.Metadata;

public sealed class TitleCleanerTests
{
    [Theory]
    [InlineData("Talks resume in Geneva | Example News", "Example News", null, "Talks resume in Geneva")]
    [InlineData("Example News - Talks resume in Geneva", "Example News", null, "Talks resume in Geneva")]
    [InlineData("Talks resume in Geneva – news.example", null, "www.news.example", "Talks resume in Geneva")]
    [InlineData("Talks resume in Geneva | Wire", null, null, "Talks resume in Geneva")]
    [InlineData("Kyiv - Moscow talks stall", null, null, "Kyiv - Moscow talks stall")]
    public void Site_suffixes_and_prefixes_are_removed(string title, string? site, string? host, string expected) =>
        Assert.Equal(expected, TitleCleaner.Clean(title, site, host, null));

    [Theory]
    [InlineData("harbourweekly.example Notes on the corridor talks", "Notes on the corridor talks")]
    [InlineData("Notes on the corridor talks harbourweekly.example", "Notes on the corridor talks")]
    [InlineData("Harbourweekly Notes on the corridor talks", "Harbourweekly Notes on the corridor talks")]
    public void A_domain_written_out_before_or_after_the_title_without_a_separator_is_removed(string titleTag, string expected) =>
        Assert.Equal(expected, TitleCleaner.Clean(titleTag, null, "www.harbourweekly.example", null));
}
