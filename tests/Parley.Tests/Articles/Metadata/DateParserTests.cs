using Parley.Articles.Metadata;

namespace Parley.Tests.Articles.Metadata;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("2025-03-04T10:15:00+02:00", "2025-03-04T10:15:00+02:00")]
    [InlineData("2025-03-04T10:15:00+0200", "2025-03-04T10:15:00+02:00")]
    [InlineData("2025-03-04T08:15:00Z", "2025-03-04T08:15:00+00:00")]
    [InlineData("2025-03-04 10:15:00", "2025-03-04T10:15:00")]
    [InlineData("2025-03-04", "2025-03-04")]
    [InlineData("Tue, 04 Mar 2025 10:15:00 GMT", "2025-03-04T10:15:00+00:00")]
    [InlineData("20250304", "2025-03-04")]
    public void Machine_dates_keep_their_precision(string input, string expected) =>
        Assert.Equal(expected, DateParser.Parse(input)?.ToString());

    [Theory]
    [InlineData("Published March 4, 2025 at 10:15 a.m.", "2025-03-04")]
    [InlineData("4 March 2025", "2025-03-04")]
    [InlineData("Updated: Mar. 4, 2025", "2025-03-04")]
    [InlineData("4 марта 2025 г.", "2025-03-04")]
    [InlineData("12 березня 2025", "2025-03-12")]
    [InlineData("3. März 2025", "2025-03-03")]
    [InlineData("14 de abril de 2025", "2025-04-14")]
    [InlineData("le 2 juin 2025", "2025-06-02")]
    [InlineData("04.03.2025", "2025-03-04")]
    [InlineData("03/14/2025", "2025-03-14")]
    [InlineData("5 listopada 2025", "2025-11-05")]
    public void Written_dates_in_european_languages_are_read(string input, string expected) =>
        Assert.Equal(expected, DateParser.FindWritten(input)?.ToString());

    [Theory]
    [InlineData("No date here at all")]
    [InlineData("Room 12 opens at 9")]
    [InlineData("31 February 2025")]
    public void Text_without_a_valid_date_gives_none(string input) => Assert.Null(DateParser.FindWritten(input));

    [Theory]
    [InlineData("https://news.example/world/2025/03/04/talks-resume", "2025-03-04")]
    [InlineData("https://news.example/2025-03-04-talks", "2025-03-04")]
    [InlineData("https://news.example/a/20250304/talks", "2025-03-04")]
    [InlineData("https://news.example/blog/2023/october/03/talks-resume/", "2023-10-03")]
    [InlineData("https://news.example/2025/mars/4/pourparlers", "2025-03-04")]
    public void Dates_in_urls_are_found(string url, string expected) => Assert.Equal(expected, DateParser.FromUrl(url)?.ToString());

    [Fact]
    public void Url_without_a_full_date_gives_none() => Assert.Null(DateParser.FromUrl("https://news.example/2025/03/talks"));

    [Fact]
    public void A_word_that_is_not_a_month_between_year_and_number_is_not_a_url_date() =>
        Assert.Null(DateParser.FromUrl("https://news.example/2025/top/10/ceasefire-facts"));
}
