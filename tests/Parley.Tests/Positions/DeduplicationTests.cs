using Parley.Positions;
using Parley.Statements;
using Parley.Testing;

namespace Parley.Tests.Positions;

public class DeduplicationTests
{
    private static readonly DateOnly Day = new(2025, 3, 4);

    private static Statement Copy(string articleId, string site, int dayOffset, string text = "We will never accept it.",
        string? speaker = "Dmitry Peskov", string stance = "oppose") =>
        Some.Statement(articleId: articleId, site: site, date: Day.AddDays(dayOffset), text: text, speaker: speaker, stance: stance);

    [Fact]
    public void Same_quote_from_three_outlets_counts_once_and_keeps_every_outlet()
    {
        var statements = new[]
        {
            Copy("a1", "Reuters-like Wire", 0, "“We will never accept it,” "),
            Copy("a2", "Daily Example", 1, "We will NEVER accept it"),
            Copy("a3", "Evening Sample", 2, "we will never accept it…"),
        };

        var p = Assert.Single(PositionSeries.Compute(statements));

        Assert.Equal(1, p.Count);
        Assert.Equal(["Daily Example", "Evening Sample", "Reuters-like Wire"], p.Outlets);
        Assert.Equal(["a1:0"], p.StatementIds);
    }

    [Fact]
    public void Copies_outside_the_window_count_again()
    {
        var statements = new[] { Copy("a1", "A", 0), Copy("a2", "B", 3), Copy("a3", "C", 4) };

        var groups = PositionSeries.Deduplicate(statements, windowDays: 3);

        Assert.Equal([["a1:0", "a2:0"], ["a3:0"]], groups.OrderBy(g => g.Statement.Date).Select(g => g.StatementIds.ToArray()));
    }

    [Fact]
    public void Same_words_from_different_speakers_are_different_statements()
    {
        var statements = new[] { Copy("a1", "A", 0, speaker: "Dmitry Peskov"), Copy("a2", "B", 0, speaker: "Sergei Lavrov") };

        Assert.Equal(2, PositionSeries.Deduplicate(statements).Count);
    }

    [Fact]
    public void Negative_window_turns_deduplication_off()
    {
        var statements = new[] { Copy("a1", "A", 0), Copy("a2", "B", 0) };

        var p = Assert.Single(PositionSeries.Compute(statements, new PositionOptions { DeduplicationWindowDays = -1 }));

        Assert.Equal(2, p.Count);
    }

    [Fact]
    public void Outlet_falls_back_to_the_url_host_without_www()
    {
        var s = Copy("a1", "x", 0) with { Site = null, Url = "https://www.example.org/news/1" };

        Assert.Equal(["example.org"], Assert.Single(PositionSeries.Deduplicate([s])).Outlets);
    }

    [Fact]
    public void Normalization_ignores_case_punctuation_and_quote_style()
    {
        Assert.Equal("it s a very fair proposal", QuoteDeduplication.Normalize("«It’s a VERY fair — proposal!»"));
        Assert.Equal(QuoteDeduplication.Normalize("\"It's a very fair proposal.\""), QuoteDeduplication.Normalize("„It’s a very fair proposal“"));
    }
}
