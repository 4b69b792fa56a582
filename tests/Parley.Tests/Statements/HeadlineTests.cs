using Parley.Statements;

namespace Parley.Tests.Statements;

public class HeadlineTests
{
    [Fact]
    public void Name_and_colon_opening_a_paragraph_is_a_statement()
    {
        var s = Extract.Single("Kallas: Europe will never recognise the annexation of Crimea\n\nThe EU foreign policy chief spoke in Brussels.");
        Assert.Equal(":", s.Cue);
        Assert.Equal("Kallas", s.SpeakerMention);
        Assert.Equal("kaja-kallas", s.ActorId);
        Assert.Equal("Europe", s.Party);
        Assert.Equal("Europe will never recognise the annexation of Crimea", s.Text);
    }

    [Fact]
    public void Link_words_end_the_mention()
    {
        var s = Extract.Single("Lavrov on Witkoff Plan: Moscow needs to study the text first");
        Assert.Equal("Lavrov", s.SpeakerMention);
        Assert.Equal("sergei-lavrov", s.ActorId);
        Assert.Equal("Moscow needs to study the text first", s.Text);
    }

    [Fact]
    public void Labels_and_colons_later_in_a_paragraph_are_not_headlines()
    {
        Assert.Empty(Extract.From("Update: talks in Geneva resumed on Sunday evening."));
        Assert.Empty(Extract.From("The agenda was short. Geneva: talks resumed on Sunday evening."));
        Assert.Empty(Extract.From("Talks resumed in Geneva on Sunday: three delegations attended."));
    }
}
