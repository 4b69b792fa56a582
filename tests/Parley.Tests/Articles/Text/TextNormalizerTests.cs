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

    [Theory]
    // UTF-8 read as Windows-1252: the apostrophe, the dashes, quotation marks, euro and trademark signs.
    [InlineData("Itâ€™s a â€œdealâ€ â€” or not â€“ for 5 â‚¬â„¢", "It’s a “deal” — or not – for 5 €™")]
    // UTF-8 read as Latin-1: the C1 control characters stand for the bytes 0x80–0x9F.
    [InlineData("Investor\u00e2\u0080\u0099s guide", "Investor’s guide")]
    [InlineData("cafÃ© Ã\u00a0 la carte, garÃ§on, Ã‰tat", "café à la carte, garçon, État")]
    [InlineData("Â©2025, Â£5", "©2025, £5")]
    [InlineData("Ð¿Ñ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€", "привет, мир")]
    [InlineData("ZaporiÅ¾Å¾ia, WrocÅ‚aw", "Zaporižžia, Wrocław")]
    public void Text_encoded_twice_is_repaired(string mojibake, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(mojibake));

    [Theory]
    [InlineData("château, pâté, São Paulo, SÃO PAULO, ESPAÑA, Þórður, Ðorðe, Ñandú, Äpfel, Åland")]
    [InlineData("â€")]
    [InlineData("Â")]
    public void Letters_that_only_look_like_encoding_leads_are_kept(string text) => Assert.Equal(text, TextNormalizer.Normalize(text));
}
