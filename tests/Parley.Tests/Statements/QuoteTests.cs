using Parley.Statements;
using Parley.Statements.Quotes;

namespace Parley.Tests.Statements;

public class QuoteTests
{
    [Theory]
    [InlineData("\"We are ready for a ceasefire,\" Zelensky said.")]
    [InlineData("“We are ready for a ceasefire,” Zelensky said.")]
    [InlineData("«We are ready for a ceasefire», Zelensky said.")]
    [InlineData("„We are ready for a ceasefire“, Zelensky said.")]
    public void Every_quotation_style_gives_a_quote_with_its_speaker(string text)
    {
        var s = Extract.Single(text);
        Assert.Equal(StatementKind.Quote, s.Kind);
        Assert.Equal("We are ready for a ceasefire", s.Text);
        Assert.Equal("Zelensky", s.SpeakerMention);
        Assert.Equal("volodymyr-zelensky", s.ActorId);
        Assert.Equal("Ukraine", s.Party);
        Assert.Equal("said", s.Cue);
    }

    [Fact]
    public void Single_quotes_inside_double_quotes_stay_inside_the_quote()
    {
        var s = Extract.Single("“They call it a ‘peace plan’ but it is a surrender,” Sybiha said.");
        Assert.Equal("They call it a ‘peace plan’ but it is a surrender", s.Text);
        Assert.Equal("andrii-sybiha", s.ActorId);
    }

    [Fact]
    public void Interrupted_quotation_is_one_quote()
    {
        var text = "“We are ready,” Peskov said, “but not at any price.”";
        var s = Extract.Single(text);
        Assert.Equal(StatementKind.Quote, s.Kind);
        Assert.Equal(1, s.Start);
        Assert.Equal(text.Length - 1, s.End);
        Assert.Equal("Peskov", s.SpeakerMention);
    }

    [Fact]
    public void Multi_paragraph_quotation_continues_when_the_next_paragraph_reopens_it()
    {
        var text = "Zelensky said: “We asked for guarantees.\n\n“We received promises. That is not the same.”\n\nThe talks ended.";
        var spans = QuoteFinder.Find(text);
        var span = Assert.Single(spans);
        Assert.True(span.Closed);
        Assert.Equal(text.IndexOf('“'), span.Open);
        Assert.Equal(text.IndexOf('”'), span.Close);
        var s = Extract.Single(text);
        Assert.Equal(StatementKind.Quote, s.Kind);
        Assert.StartsWith("We asked for guarantees.", s.Text);
        Assert.EndsWith("That is not the same.", s.Text);
        Assert.Equal("volodymyr-zelensky", s.ActorId);
    }

    [Fact]
    public void Odd_number_of_quote_marks_does_not_swallow_the_article()
    {
        var text = "Lavrov said Moscow wanted “guarantees for its security.\n\nPeskov said the Kremlin would study the plan.";
        var statements = Extract.From(text);
        Assert.Equal(2, statements.Count);
        Assert.Equal("sergei-lavrov", statements[0].ActorId);
        Assert.DoesNotContain("Peskov", statements[0].Text);
        Assert.Equal("the Kremlin would study the plan", statements[1].Text);
        Assert.Equal("dmitry-peskov", statements[1].ActorId);
    }

    [Fact]
    public void Unclosed_quotation_stops_at_its_paragraph()
    {
        var text = "He said “no deal.\n\nThe next day nothing happened.";
        var span = Assert.Single(QuoteFinder.Find(text));
        Assert.False(span.Closed);
        Assert.Equal(text.IndexOf('\n'), span.Close);
    }

    [Fact]
    public void Straight_quotes_pair_up_in_order()
    {
        var text = "\"One,\" he said, \"two.\" And \"three";
        var spans = QuoteFinder.Find(text);
        Assert.Equal(3, spans.Count);
        Assert.Equal([true, true, false], spans.Select(s => s.Closed));
        Assert.Equal(text.Length, spans[2].Close);
    }

    [Fact]
    public void Short_uncued_scare_quotes_are_not_statements()
    {
        Assert.Empty(Extract.From("The so-called “peace plan” was published on Tuesday."));
    }

    [Fact]
    public void Quotation_in_the_next_sentence_goes_to_the_speaker_before_it()
    {
        var text = "Rubio spoke to reporters after the meeting in Riyadh.\n\nRubio said the talks were useful. “We made real progress on the ceasefire today.”";
        var statements = Extract.From(text);
        Assert.Equal(2, statements.Count);
        Assert.Equal("the talks were useful", statements[0].Text);
        Assert.Equal("We made real progress on the ceasefire today.", statements[1].Text);
        Assert.Equal("marco-rubio", statements[1].ActorId);
        Assert.Null(statements[1].Cue);
        Assert.Equal("Rubio", statements[1].SpeakerMention);
    }

    [Fact]
    public void Quotation_after_a_colon_attribution_goes_to_that_speaker()
    {
        var text = "Kallas told reporters in Brussels:\n\n“Europe must be at the table when Ukraine's future is decided.”";
        var s = Extract.Single(text);
        Assert.Equal(StatementKind.Quote, s.Kind);
        Assert.Equal("kaja-kallas", s.ActorId);
        Assert.Equal("Europe", s.Party);
        Assert.Equal("Kallas", s.SpeakerMention);
    }

    [Fact]
    public void Doubled_apostrophes_are_quotation_marks_only_when_asked()
    {
        var text = "''We will sign nothing under pressure,'' Mr. Umerov said.";
        var article = Parley.Testing.Some.Article(text);
        var off = new StatementExtractor().Extract(article);
        Assert.DoesNotContain(off, s => s.Kind == StatementKind.Quote);
        var on = new StatementExtractor(options: new StatementExtractorOptions { DoubledApostropheQuotes = true }).Extract(article);
        var s = Assert.Single(on);
        Assert.Equal(StatementKind.Quote, s.Kind);
        Assert.Equal("We will sign nothing under pressure", s.Text);
        Assert.Equal("Mr. Umerov", s.SpeakerMention);
        Assert.Equal("rustem-umerov", s.ActorId);
        Extract.AssertSlices(text, s);
    }

    [Fact]
    public void Continued_quotation_joins_the_first_only_when_asked()
    {
        var text = "“We are ready,” Peskov said. “The rest depends on Kyiv.”";
        var article = Parley.Testing.Some.Article(text);
        var separate = new StatementExtractor().Extract(article);
        Assert.Equal(["We are ready", "The rest depends on Kyiv."], separate.Select(s => s.Text));
        Assert.All(separate, s => Assert.Equal("dmitry-peskov", s.ActorId));
        var joined = Assert.Single(new StatementExtractor(options: new StatementExtractorOptions { JoinContinuedQuotes = true }).Extract(article));
        Assert.Equal(text[1..^1], joined.Text);
        Extract.AssertSlices(text, joined);
    }

    [Fact]
    public void Curly_opening_mark_closed_by_a_straight_one_is_one_quotation()
    {
        var statements = Extract.From("“We will not withdraw from our land,\" Umerov said. \"The talks go on.\"");
        var first = statements[0];
        Assert.Equal(StatementKind.Quote, first.Kind);
        Assert.Equal("We will not withdraw from our land", first.Text); // a trailing comma is not part of the quote
        Assert.Equal("Umerov", first.SpeakerMention);
    }

    [Fact]
    public void Continued_quotation_joins_across_the_speakers_participle_clause_when_asked()
    {
        const string text = "“We will not sign on those terms,” Umerov said, referring to the draft memorandum. “The door stays open for talks.”";
        var extractor = new StatementExtractor(options: new StatementExtractorOptions { JoinContinuedQuotes = true });
        var statements = extractor.Extract(Parley.Testing.Some.Article(text));
        Assert.Equal(2, statements.Count);
        Assert.Equal("We will not sign on those terms,” Umerov said, referring to the draft memorandum. “The door stays open for talks.", statements[0].Text);
        Assert.Equal("the draft memorandum", statements[1].Text);
        Assert.Equal("referring to", statements[1].Cue);
    }

    [Fact]
    public void Quotation_after_the_attribution_is_the_content_when_no_quotation_comes_before()
    {
        var s = Extract.Single("Asked what Kyiv wanted from the talks, Umerov said, “A ceasefire first, then everything else.”");
        Assert.Equal(StatementKind.Quote, s.Kind);
        Assert.Equal("A ceasefire first, then everything else.", s.Text);
        Assert.Equal("Umerov", s.SpeakerMention);
    }
}
