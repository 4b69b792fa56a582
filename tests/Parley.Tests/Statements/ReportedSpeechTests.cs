using Parley.Statements;

namespace Parley.Tests.Statements;

public class ReportedSpeechTests
{
    [Fact]
    public void Speaker_said_that_content()
    {
        var s = Extract.Single("Putin said on Tuesday that Russia was open to bilateral ceasefire talks.");
        Assert.Equal(StatementKind.Reported, s.Kind);
        Assert.Equal("Russia was open to bilateral ceasefire talks", s.Text);
        Assert.Equal("said", s.Cue);
        Assert.Equal("Putin", s.SpeakerMention);
        Assert.Equal("vladimir-putin", s.ActorId);
        Assert.Equal("Russia", s.Party);
    }

    [Fact]
    public void Speaker_suggested_without_that()
    {
        var s = Extract.Single("Putin suggested for the first time that he would be open to direct talks with Kyiv.");
        Assert.Equal("suggested", s.Cue);
        Assert.Equal("he would be open to direct talks with Kyiv", s.Text);
    }

    [Fact]
    public void Content_then_speaker_said()
    {
        var s = Extract.Single("The sanctions will stay until Russia withdraws, the European Commission president said.");
        Assert.Equal("The sanctions will stay until Russia withdraws", s.Text);
        Assert.Equal("the European Commission president", s.SpeakerMention);
        Assert.Equal("ursula-von-der-leyen", s.ActorId);
        Assert.Equal("Europe", s.Party);
    }

    [Fact]
    public void Content_then_said_speaker()
    {
        var s = Extract.Single("The memorandum is ready for signing, said Kirill Dmitriev.");
        Assert.Equal("The memorandum is ready for signing", s.Text);
        Assert.Equal("Kirill Dmitriev", s.SpeakerMention);
        Assert.Equal("kirill-dmitriev", s.ActorId);
    }

    [Fact]
    public void Relative_clause_between_speaker_and_cue_is_skipped()
    {
        var s = Extract.Single("Zelensky, who met Starmer in London on Sunday, said Ukraine would not withdraw from Donetsk.");
        Assert.Equal("Zelensky", s.SpeakerMention);
        Assert.Equal("Ukraine would not withdraw from Donetsk", s.Text);
    }

    [Fact]
    public void Appositive_between_speaker_and_cue_is_skipped()
    {
        var s = Extract.Single("Dmitry Peskov, the Kremlin spokesman, said Moscow had received the draft.");
        Assert.Equal("Dmitry Peskov", s.SpeakerMention);
        Assert.Equal("dmitry-peskov", s.ActorId);
        Assert.Equal("Moscow had received the draft", s.Text);
    }

    [Fact]
    public void According_to_speaker_first()
    {
        var s = Extract.Single("According to Yuri Ushakov, the two presidents spoke for ninety minutes.");
        Assert.Equal("according to", s.Cue!.ToLowerInvariant());
        Assert.Equal("Yuri Ushakov", s.SpeakerMention);
        Assert.Equal("the two presidents spoke for ninety minutes", s.Text);
        Assert.Equal("Russia", s.Party);
    }

    [Fact]
    public void According_to_speaker_last()
    {
        var s = Extract.Single("The delegations will meet again in Istanbul, according to the Ukrainian Foreign Ministry.");
        Assert.Equal("The delegations will meet again in Istanbul", s.Text);
        Assert.Equal("the Ukrainian Foreign Ministry", s.SpeakerMention);
        Assert.Equal("ukrainian-foreign-ministry", s.ActorId);
        Assert.Equal("Ukraine", s.Party);
    }

    [Fact]
    public void Told_reporters_that()
    {
        var s = Extract.Single("Witkoff told reporters that the Russian side had accepted the framework.");
        Assert.Equal("told", s.Cue);
        Assert.Equal("the Russian side had accepted the framework", s.Text);
        Assert.Equal("steve-witkoff", s.ActorId);
    }

    [Fact]
    public void In_a_statement_is_skipped_before_the_content()
    {
        var s = Extract.Single("The Kremlin said in a statement that the call with Washington had been constructive.");
        Assert.Equal("the call with Washington had been constructive", s.Text);
        Assert.Equal("kremlin", s.ActorId);
    }

    [Theory]
    [InlineData("Lavrov ruled out any deployment of European troops in Ukraine.", "ruled out", "any deployment of European troops in Ukraine")]
    [InlineData("Lavrov rejected the idea of a European peacekeeping force.", "rejected", "the idea of a European peacekeeping force")]
    [InlineData("Lavrov has warned that any foreign troops would be legitimate targets.", "warned", "any foreign troops would be legitimate targets")]
    [InlineData("Lavrov accused Kyiv of sabotaging the talks.", "accused", "Kyiv of sabotaging the talks")]
    [InlineData("Lavrov insisted the root causes of the conflict must be addressed.", "insisted", "the root causes of the conflict must be addressed")]
    [InlineData("Lavrov claims the West is prolonging the war.", "claims", "the West is prolonging the war")]
    [InlineData("Lavrov is saying the talks have stalled.", "saying", "the talks have stalled")]
    public void Cue_verbs_in_every_tense(string text, string cue, string content)
    {
        var s = Extract.Single(text);
        Assert.Equal(cue, s.Cue);
        Assert.Equal(content, s.Text);
        Assert.Equal("sergei-lavrov", s.ActorId);
    }

    [Fact]
    public void Partial_quote_inside_reported_speech_is_mixed()
    {
        var s = Extract.Single("Trump called the Russian proposal “a very fair proposal” in Washington on Friday.");
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.Contains("“a very fair proposal”", s.Text);
        Assert.Equal("donald-trump", s.ActorId);
        Assert.Equal("United States", s.Party);
    }

    [Fact]
    public void Adding_that_is_a_second_statement_of_the_same_speaker()
    {
        var statements = Extract.From("Peskov said the Kremlin was studying the draft, adding that no date had been set.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("the Kremlin was studying the draft", statements[0].Text);
        Assert.Equal("no date had been set", statements[1].Text);
        Assert.Equal("adding", statements[1].Cue);
        Assert.Equal("dmitry-peskov", statements[1].ActorId);
    }

    [Fact]
    public void Nouns_that_look_like_cues_are_not_cues()
    {
        Assert.Empty(Extract.From("His claims about the front line were disputed by the reports from the region."));
    }

    [Fact]
    public void Cue_words_inside_quotation_marks_are_content()
    {
        var s = Extract.Single("“Nobody said this would be easy,” Macron said.");
        Assert.Equal("Nobody said this would be easy", s.Text);
        Assert.Equal("Macron", s.SpeakerMention);
        Assert.Equal("emmanuel-macron", s.ActorId);
    }

    [Fact]
    public void And_said_is_a_cue_with_the_subject_of_the_sentence()
    {
        var s = Extract.Single("Kallas flew to Kyiv on Monday and said Europe would fund the air defence plan.");
        Assert.Equal("said", s.Cue);
        Assert.Equal("Kallas", s.SpeakerMention);
        Assert.Equal("Europe would fund the air defence plan", s.Text);
    }

    [Fact]
    public void A_coordinated_speech_verb_stays_in_the_statement_by_default()
    {
        var s = Extract.Single("Sybiha said the talks had stalled and warned that Kyiv would not sign a ceasefire on those terms.");
        Assert.Equal("the talks had stalled and warned that Kyiv would not sign a ceasefire on those terms", s.Text);
    }

    [Fact]
    public void A_coordinated_speech_verb_starts_a_second_statement_when_asked()
    {
        const string text = "Sybiha said the talks had stalled and warned that Kyiv would not sign a ceasefire on those terms.";
        var extractor = new StatementExtractor(options: new StatementExtractorOptions { SplitCoordinatedStatements = true });
        var statements = extractor.Extract(Parley.Testing.Some.Article(text));
        Assert.Equal(2, statements.Count);
        Assert.Equal("the talks had stalled", statements[0].Text);
        Assert.Equal("Kyiv would not sign a ceasefire on those terms", statements[1].Text);
        Assert.Equal("warned", statements[1].Cue);
        Assert.Equal("Sybiha", statements[1].SpeakerMention);
    }

    [Fact]
    public void While_another_speaker_said_starts_a_statement_of_its_own()
    {
        var statements = Extract.From("Most of the Ukrainians polled said they backed the talks, while 30 percent said they opposed any deal.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("they backed the talks", statements[0].Text);
        Assert.Equal("Most of the Ukrainians polled", statements[0].SpeakerMention);
        Assert.Equal("they opposed any deal", statements[1].Text);
        Assert.Equal("30 percent", statements[1].SpeakerMention);
    }

    [Fact]
    public void Coordinated_subjects_do_not_split_the_content()
    {
        var s = Extract.Single("Witkoff said Moscow and Kyiv agreed to exchange prisoners next week.");
        Assert.Equal("Moscow and Kyiv agreed to exchange prisoners next week", s.Text);
    }

    [Fact]
    public void Stated_is_a_cue()
    {
        var s = Extract.Single("The Polish president stated that no troops would be sent without a ceasefire.");
        Assert.Equal("stated", s.Cue);
        Assert.Equal("no troops would be sent without a ceasefire", s.Text);
    }

    [Fact]
    public void Adding_after_a_comma_inside_the_closing_mark_is_a_second_statement()
    {
        var statements = Extract.From("Lavrov called the proposal “a dead end,” adding that Moscow had not been consulted.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("the proposal “a dead end,”", statements[0].Text);
        Assert.Equal("Moscow had not been consulted", statements[1].Text);
        Assert.Equal("adding", statements[1].Cue);
        Assert.Equal("Lavrov", statements[1].SpeakerMention);
    }

    [Theory]
    [InlineData("''We will not sign on those terms,'' Sybiha said.", "''We will not sign on those terms,''")]
    [InlineData("\u2018We will not sign on those terms,\u2019 Sybiha said.", "\u2018We will not sign on those terms,\u2019")]
    [InlineData("''We will not sign on those terms,'' said Sybiha.", "''We will not sign on those terms,''")]
    public void Apostrophe_quotation_marks_before_the_attribution_end_the_content(string text, string content)
    {
        var s = Extract.Single(text);
        Assert.Equal(content, s.Text);
        Assert.Equal("Sybiha", s.SpeakerMention);
        Assert.Equal("andrii-sybiha", s.ActorId);
    }

    [Fact]
    public void Relative_who_without_a_comma_is_the_mention()
    {
        var s = Extract.Single("The plan angered Baltic diplomats who say the frozen assets must stay frozen.");
        Assert.Equal("who", s.SpeakerMention);
        Assert.Equal("say", s.Cue);
        Assert.Equal("the frozen assets must stay frozen", s.Text);
    }

    [Theory]
    [InlineData("Several said the ceasefire would not hold through the winter.", "Several")]
    [InlineData("Many say the ceasefire would not hold through the winter.", "Many")]
    public void A_quantifier_alone_can_be_the_speaker(string text, string mention)
    {
        var s = Extract.Single(text);
        Assert.Equal(mention, s.SpeakerMention);
        Assert.Equal("the ceasefire would not hold through the winter", s.Text);
    }

    [Fact]
    public void Participle_after_a_comma_is_never_an_inverted_attribution()
    {
        var s = Extract.Single("Zelensky left the meeting early on Friday, calling it “a reward for aggression.”");
        Assert.Equal("calling", s.Cue);
        Assert.Equal("Zelensky", s.SpeakerMention);
        Assert.Equal("it “a reward for aggression.”", s.Text);
    }

    [Fact]
    public void Participle_takes_the_subject_of_its_clause_when_the_sentence_opens_with_a_phrase()
    {
        var s = Extract.Single("Speaking in Brussels after the summit, Kallas left the room, calling the plan “a gift to Moscow.”");
        Assert.Equal("Kallas", s.SpeakerMention);
        Assert.Equal("kaja-kallas", s.ActorId);
    }

    [Fact]
    public void Participle_with_its_own_subject_after_with()
    {
        var s = Extract.Single("The poll closed on Friday, with 60 percent of Ukrainians saying they would reject any territorial concession.");
        Assert.Equal("60 percent of Ukrainians", s.SpeakerMention);
        Assert.Equal("saying", s.Cue);
        Assert.Equal("they would reject any territorial concession", s.Text);
    }

    [Theory]
    [InlineData("Editor’s note: this article was updated after the Kremlin released its readout of the call.")]
    [InlineData("Olena Petrenko reported from Kyiv and Anna Weber from Berlin.")]
    public void Notes_and_byline_credits_are_not_statements(string text)
    {
        Assert.Empty(Extract.From(text));
    }

    [Fact]
    public void Referring_to_after_a_quotation_is_a_second_statement_of_its_speaker()
    {
        var statements = Extract.From("“We will not give up a single village,” Zelensky said, referring to the towns of the Donetsk region.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("We will not give up a single village", statements[0].Text);
        Assert.Equal("referring to", statements[1].Cue);
        Assert.Equal("the towns of the Donetsk region", statements[1].Text);
        Assert.Equal("Zelensky", statements[1].SpeakerMention);
    }

    [Theory]
    [InlineData("Budanov, the intelligence chief, called the memorandum “a list of ultimatums.”", "Budanov", "the memorandum “a list of ultimatums.”")]
    [InlineData("Tusk called Orban, his Hungarian counterpart, a “Kremlin messenger.”", "Tusk", "Orban, his Hungarian counterpart, a “Kremlin messenger.”")]
    [InlineData("Zelensky calls the new line the “fortress belt.”", "Zelensky", "the new line the “fortress belt.”")]
    public void Called_an_object_a_quoted_label(string text, string mention, string content)
    {
        var s = Extract.Single(text);
        Assert.Equal(mention, s.SpeakerMention);
        Assert.Equal(content, s.Text);
        Assert.Equal(StatementKind.Mixed, s.Kind);
    }

    [Fact]
    public void Calls_as_a_noun_is_not_a_cue()
    {
        Assert.Empty(Extract.From("His calls for a “coalition of the willing” found little support in Washington."));
    }

    [Fact]
    public void Passive_with_an_adverb_is_not_the_subjects_statement()
    {
        Assert.Empty(Extract.From("The Ukrainian delegation was not told about the new map before the meeting."));
    }

    [Fact]
    public void A_new_clause_with_a_pronoun_subject_ends_the_content_when_coordinated_statements_are_split()
    {
        const string text = "Lammy argued that the sanctions were working, and he urged the allies to stay the course.";
        var split = new StatementExtractor(options: new StatementExtractorOptions { SplitCoordinatedStatements = true });
        var statements = split.Extract(Parley.Testing.Some.Article(text));
        Assert.Equal("the sanctions were working", statements[0].Text);
        var whole = Extract.From(text);
        Assert.Equal("the sanctions were working, and he urged the allies to stay the course", whole[0].Text);
    }
}
