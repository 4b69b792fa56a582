using Parley.Statements.Quotes;
using Parley.Statements.Segmentation;

namespace Parley.Tests.Statements;

public class SegmentationTests
{
    private static List<string> Sentences(string text) =>
        SentenceSplitter.Split(text, QuoteFinder.Find(text)).Select(s => text[s.Start..s.End]).ToList();

    [Fact]
    public void Abbreviations_and_initials_do_not_end_sentences()
    {
        var text = "Gen. Keith Kellogg met Mr. Umerov in the U.S. Embassy. J.D. Vance arrived later. The talks went on.";
        Assert.Equal(["Gen. Keith Kellogg met Mr. Umerov in the U.S. Embassy.", "J.D. Vance arrived later.", "The talks went on."],
            Sentences(text));
    }

    [Fact]
    public void No_10_and_decimals_stay_inside_the_sentence()
    {
        var text = "Officials at No. 10 said aid would rise by 2.5 billion euros. Kyiv welcomed it.";
        Assert.Equal(["Officials at No. 10 said aid would rise by 2.5 billion euros.", "Kyiv welcomed it."], Sentences(text));
    }

    [Fact]
    public void Dotted_acronym_before_a_sentence_starter_ends_the_sentence()
    {
        var text = "Kyiv signed the minerals deal with the U.S. The Kremlin said nothing.";
        Assert.Equal(["Kyiv signed the minerals deal with the U.S.", "The Kremlin said nothing."], Sentences(text));
    }

    [Fact]
    public void Quotation_spanning_sentences_stays_in_one_sentence()
    {
        var text = "“We will not yield. Never. Not one metre,” Zelensky said. The envoy left.";
        Assert.Equal(["“We will not yield. Never. Not one metre,” Zelensky said.", "The envoy left."], Sentences(text));
    }

    [Fact]
    public void Quotation_ending_with_a_period_ends_the_sentence()
    {
        var text = "Putin called it “a good basis.” Witkoff flew home.";
        Assert.Equal(["Putin called it “a good basis.”", "Witkoff flew home."], Sentences(text));
    }

    [Fact]
    public void Paragraph_breaks_end_sentences()
    {
        Assert.Equal(["Talks resume in Riyadh", "Delegations arrived."], Sentences("Talks resume in Riyadh\n\nDelegations arrived."));
    }

    [Fact]
    public void Quotation_ending_in_a_period_ends_the_sentence_before_a_new_clause()
    {
        var text = "Peskov called the plan \"a basis for talks.\" The envoy pointed to the prisoner exchange.";
        Assert.Equal(["Peskov called the plan \"a basis for talks.\"", "The envoy pointed to the prisoner exchange."], Sentences(text));
    }

    [Fact]
    public void Short_attribution_after_a_quotation_ending_in_a_period_stays_in_the_sentence()
    {
        var text = "\"We are ready.\" Umerov said. The talks resume on Friday.";
        Assert.Equal(["\"We are ready.\" Umerov said.", "The talks resume on Friday."], Sentences(text));
    }

    [Fact]
    public void Doubled_apostrophes_opening_a_sentence_start_it()
    {
        var text = "''We are ready,'' Umerov said. ''The talks resume on Friday.''";
        Assert.Equal(["''We are ready,'' Umerov said.", "''The talks resume on Friday.''"], Sentences(text));
    }

    [Fact]
    public void Quotation_ending_in_a_period_then_a_new_speech_clause_are_two_sentences()
    {
        var text = "Zelensky called the plan “a trap.” He also said, “We will not sign it.”";
        Assert.Equal(["Zelensky called the plan “a trap.”", "He also said, “We will not sign it.”"], Sentences(text));
    }
}
