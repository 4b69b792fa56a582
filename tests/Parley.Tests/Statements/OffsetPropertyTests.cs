using CsCheck;
using Parley.Statements;
using Parley.Testing;

namespace Parley.Tests.Statements;

public class OffsetPropertyTests
{
    private static readonly string[] Pieces =
    [
        "Zelensky", "Putin", "he", "she", "the Kremlin", "said", "told reporters", "according to", "that", "warned",
        "Kyiv", "ceasefire", "talks", "U.S.", "Mr.", "No. 10", "2.5", ",", ".", ";", ":", "?", "!", "\"", "“", "”",
        "«", "»", "„", "‘", "’", "'", "(", ")", "—", "\n", "\n\n", " ", " ", " ", "a source close to Kyiv", "adding",
        "who", "Gen.", "J.D. Vance", "the Ukrainian president", "…", "\r\n",
    ];

    private static readonly Gen<string> Texts =
        Gen.OneOf(Pieces).Array[0, 80].Select(parts => string.Join(" ", parts))
            .Select(Gen.Int[0, 3], (text, glue) => glue == 0 ? text.Replace(" ", "") : text);

    [Fact]
    public void Every_emitted_offset_pair_slices_out_exactly_the_emitted_text()
    {
        var extractor = new StatementExtractor();
        Texts.Sample(text =>
        {
            var statements = extractor.Extract(Some.Article(text));
            foreach (var s in statements)
            {
                Extract.AssertSlices(text, s);
                Assert.True(s.Start >= 0 && s.End <= text.Length && s.Start < s.End);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Mutated_news_text_never_breaks_the_offset_contract()
    {
        const string seed = "“We will not give up our land,” Zelensky told reporters in Kyiv. Putin said on Tuesday that " +
                            "Russia was ready. According to a source close to the Kremlin, the U.S. envoy will return.\n\n" +
                            "„Nein“, said Merz. «Non», Macron said, adding that Europe must be at the table.";
        var extractor = new StatementExtractor();
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Int[0, 20], Gen.OneOf(Pieces)).Array[1, 12].Sample(edits =>
        {
            var text = seed;
            foreach (var (at, cut, insert) in edits)
            {
                int start = Math.Min(at, text.Length);
                int remove = Math.Min(cut, text.Length - start);
                text = text.Remove(start, remove).Insert(start, insert);
            }
            foreach (var s in extractor.Extract(Some.Article(text))) Extract.AssertSlices(text, s);
        }, iter: 3000);
    }
}
