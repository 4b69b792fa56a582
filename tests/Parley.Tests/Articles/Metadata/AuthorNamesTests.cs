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
    public void Bylines_are_cleaned_into_names(string raw, string[] expected) =>
        Assert.Equal(expected, AuthorNames.Clean([raw]).ToArray());

    [Fact]
    public void Duplicate_names_from_several_sources_appear_once() =>
        Assert.Equal(["Jane Doe"], AuthorNames.Clean(["Jane Doe", "By Jane Doe"]).ToArray());
}
