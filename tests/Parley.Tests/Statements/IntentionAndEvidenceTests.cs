using Parley.Statements;

namespace Parley.Tests.Statements;

public class IntentionAndEvidenceTests
{
    [Fact]
    public void Wants_to_gives_the_infinitive_as_content()
    {
        var s = Extract.Single("Zelensky wants to meet Putin in Istanbul before the summer.");
        Assert.Equal("wants", s.Cue);
        Assert.Equal("Zelensky", s.SpeakerMention);
        Assert.Equal("to meet Putin in Istanbul before the summer", s.Text);
        Assert.Equal("Ukraine", s.Party);
    }

    [Fact]
    public void Wants_an_object_to_keeps_the_object_in_the_content()
    {
        var s = Extract.Single("Trump wants Kyiv to sign the minerals deal this week.");
        Assert.Equal("wants", s.Cue);
        Assert.Equal("Kyiv to sign the minerals deal this week", s.Text);
        Assert.Equal("donald-trump", s.ActorId);
    }

    [Fact]
    public void Plans_and_sought_to_are_intentions()
    {
        var statements = Extract.From("Macron plans to host the coalition of the willing in Paris. Merz sought to reassure Kyiv.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("to host the coalition of the willing in Paris", statements[0].Text);
        Assert.Equal("emmanuel-macron", statements[0].ActorId);
        Assert.Equal("sought", statements[1].Cue);
        Assert.Equal("to reassure Kyiv", statements[1].Text);
    }

    [Fact]
    public void Hopes_to_is_an_intention_and_hopes_that_a_belief()
    {
        var statements = Extract.From("Rubio hopes to close the gaps in Geneva. Witkoff hopes that a deal is near.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("to close the gaps in Geneva", statements[0].Text);
        Assert.Equal("a deal is near", statements[1].Text);
    }

    [Fact]
    public void Intention_nouns_and_plain_objects_are_not_statements()
    {
        Assert.Empty(Extract.From("The plans to rebuild Kharkiv were shown to donors."));
        Assert.Empty(Extract.From("Zelensky wanted more air defence systems."));
    }

    [Fact]
    public void A_poll_shows_is_attributed_to_the_poll()
    {
        var s = Extract.Single("A new poll shows most Ukrainians reject ceding the Donbas.");
        Assert.Equal("shows", s.Cue);
        Assert.Equal("A new poll", s.SpeakerMention);
        Assert.Equal("most Ukrainians reject ceding the Donbas", s.Text);
    }

    [Fact]
    public void A_survey_found_that_content()
    {
        var s = Extract.Single("The Kyiv survey found that 60 percent of respondents oppose territorial concessions.");
        Assert.Equal("found", s.Cue);
        Assert.Equal("The Kyiv survey", s.SpeakerMention);
        Assert.Equal("60 percent of respondents oppose territorial concessions", s.Text);
    }

    [Fact]
    public void Show_and_found_without_a_source_of_evidence_are_not_statements()
    {
        Assert.Empty(Extract.From("Zelensky showed reporters the damaged apartment block."));
        Assert.Empty(Extract.From("Negotiators found themselves back in Riyadh on Monday."));
    }
}

public class CalledQuotedTests
{
    [Fact]
    public void Called_an_object_a_quoted_label_is_a_mixed_statement()
    {
        var s = Extract.Single("Zelensky called the Russian memorandum \u201can ultimatum\u201d on Tuesday.");
        Assert.Equal("called", s.Cue);
        Assert.Equal("Zelensky", s.SpeakerMention);
        Assert.StartsWith("the Russian memorandum \u201can ultimatum\u201d", s.Text);
        Assert.Equal(StatementKind.Mixed, s.Kind);
    }

    [Fact]
    public void A_thing_called_by_a_quoted_name_is_not_a_statement()
    {
        Assert.Empty(Extract.From("Envoys met at a venue called \u201cthe Villa\u201d near Geneva."));
    }
}

public class RelativeClauseSpeakerTests
{
    [Fact]
    public void Who_said_inside_a_relative_clause_is_its_own_statement()
    {
        var statements = Extract.From("Merz, who said the plan needed serious work, told reporters that Europe would stay at the table.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("who", statements[0].SpeakerMention);
        Assert.Equal("the plan needed serious work", statements[0].Text);
        Assert.Equal("friedrich-merz", statements[0].ActorId);
        Assert.Equal("Merz", statements[1].SpeakerMention);
        Assert.Equal("Europe would stay at the table", statements[1].Text);
    }
}

public class ViewAsTests
{
    [Fact]
    public void Sees_an_object_as_something_is_a_statement_of_view()
    {
        var s = Extract.Single("Kallas sees the Russian proposal as an attempt to split the allies.");
        Assert.Equal("sees", s.Cue);
        Assert.Equal("Kallas", s.SpeakerMention);
        Assert.Equal("the Russian proposal as an attempt to split the allies", s.Text);
        Assert.Equal("Europe", s.Party);
    }

    [Fact]
    public void Seeing_without_as_is_not_a_statement()
    {
        Assert.Empty(Extract.From("Zelensky saw the damage in Sumy on Friday."));
    }
}

public class StanceObjectTests
{
    [Fact]
    public void Endorsed_a_named_object_is_a_statement_of_stance()
    {
        var s = Extract.Single("Orban endorsed Trump.");
        Assert.Equal("endorsed", s.Cue);
        Assert.Equal("Orban", s.SpeakerMention);
        Assert.Equal("Trump", s.Text);
        Assert.Equal("viktor-orban", s.ActorId);
    }

    [Fact]
    public void A_one_word_lower_case_object_is_not_enough()
    {
        Assert.Empty(Extract.From("Merz praised everyone."));
    }
}
