using Parley.Articles.Metadata;

namespace Parley.Tests.Articles.Metadata;

public sealed class AuthorNamesTests
{
    [Theory]
    [InlineData("By Jane Doe", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe and John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Jane Doe, John Roe & Ana Silva", new[] { "Jane Doe", "John Roe", "Ana Silva" })]
    [InlineData("Jane Doe, Senior Correspondent", new[] { "Jane Doe" })]
    [InlineData("Jane Doe - Diplomatic Editor", new[] { "Jane Doe" })]
    [InlineData("Written by Jane Doe | Updated 4 March 2025", new[] { "Jane Doe" })]
    [InlineData("Jane Doe Email the author", new[] { "Jane Doe" })]
    [InlineData("Автор: Олена Коваленко", new[] { "Олена Коваленко" })]
    [InlineData("Staff Writer", new string[0])]
    [InlineData("https://news.example/authors/jane", new string[0])]
    [InlineData("\"Jane Doe\"", new[] { "Jane Doe" })]
    [InlineData("«Олена Коваленко»", new[] { "Олена Коваленко" })]
    [InlineData("Jane Doe Last updated: 4 March 2025", new[] { "Jane Doe" })]
    public void Bylines_are_cleaned_into_names(string raw, string[] expected) =>
        Assert.Equal(expected, AuthorNames.Clean([raw]).ToArray());

    [Fact]
    public void Duplicate_names_from_several_sources_appear_once() =>
        Assert.Equal(["Jane Doe"], AuthorNames.Clean(["Jane Doe", "By Jane Doe"]).ToArray());

    [Theory]
    [InlineData("Roy, Aniruddha", "Aniruddha Roy")]
    [InlineData("van der Merwe, Marna", "Marna van der Merwe")]
    [InlineData("Aniruddha Roy", "Aniruddha Roy")]
    [InlineData("Roy, A., Patel, J.", "Roy, A., Patel, J.")]
    public void A_scholarly_last_name_first_tag_is_turned_around(string tag, string expected) =>
        Assert.Equal(expected, AuthorNames.FromLastFirst(tag));

    [Fact]
    public void Every_citation_author_tag_is_an_author_in_order_first_name_first()
    {
        var page = $$"""
            <html><head><title>Merging aligned language models</title>
            <meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Patel, Jyoti">
            </head><body><article><h1>Merging aligned language models</h1>{{MetadataPages.BodyHtml}}</article></body></html>
            """;

        Assert.Equal(["Aniruddha Roy", "Jyoti Patel"], MetadataPages.Extract(page).Authors);
    }
}
