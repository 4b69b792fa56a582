using Parley.Articles.Text;

namespace Parley.Tests.Articles.Text;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Entities_are_decoded() => Assert.Equal("Talks & “progress” — 5 €", TextNormalizer.Normalize("Talks &amp; &ldquo;progress&rdquo; &mdash; 5&nbsp;&euro;"));

    [Fact]
    public void Odd_spaces_become_one_space() => Assert.Equal("a b c d", TextNormalizer.Normalize("a\u00A0b\u202Fc \t\n d"));

    [Fact]
    public void Zero_width_characters_and_soft_hyphens_are_removed() => Assert.Equal("negotiation", TextNormalizer.Normalize("nego\u00ADti\u200Ba\u2060tion\uFEFF"));

    [Fact]
    public void Text_is_composed_to_nfc() => Assert.Equal("Zelenskyi\u0439", TextNormalizer.Normalize("Zelenskyi\u0438\u0306"));

    [Theory]
    [InlineData("\"straight\"")]
    [InlineData("“curly”")]
    [InlineData("«guillemets»")]
    [InlineData("„low-high“")]
    [InlineData("'single' and ‘curly single’")]
    public void Quotation_marks_are_kept_as_typed(string text) => Assert.Equal(text, TextNormalizer.Normalize(text));
}
