using Parley.Statements;
using Parley.Testing;

namespace Parley.Tests.Statements;

public class SourcelessTests
{
    private static readonly StatementExtractor WithSourceless = new(options: new StatementExtractorOptions { SourcelessAttributions = true });

    private static IReadOnlyList<Statement> From(string text)
    {
        var statements = WithSourceless.Extract(Some.Article(text));
        foreach (var s in statements) Extract.AssertSlices(text, s);
        return statements;
    }

    [Fact]
    public void Is_expected_to_is_an_attribution_of_the_whole_clause_without_a_speaker()
    {
        var s = Assert.Single(From("The Geneva round is expected to produce a joint statement on prisoner exchanges."));
        Assert.Equal("The Geneva round is expected to produce a joint statement on prisoner exchanges", s.Text);
        Assert.Equal("expected to", s.Cue);
        Assert.Null(s.SpeakerMention);
        Assert.Equal("Unknown", s.Party);
    }

    [Fact]
    public void Seemed_to_starts_at_a_relative_pronoun()
    {
        var s = Assert.Single(From("Observers watched the envoys, who seemed to have settled on a draft text by the evening."));
        Assert.Equal("who seemed to have settled on a draft text by the evening", s.Text);
        Assert.Equal("seemed to", s.Cue);
    }

    [Fact]
    public void Appeared_to_before_a_speech_verb_is_left_to_that_verb()
    {
        var s = Assert.Single(From("Lavrov appeared to suggest that Moscow would accept monitors."));
        Assert.Equal("suggest", s.Cue);
        Assert.Equal("Lavrov", s.SpeakerMention);
        Assert.Equal("Moscow would accept monitors", s.Text);
    }

    [Fact]
    public void Appeared_without_an_infinitive_is_not_an_attribution()
    {
        Assert.Empty(From("The foreign minister appeared on state television after the talks in Riyadh."));
    }

    [Fact]
    public void Asked_whether_gives_the_question_and_the_answer_is_its_own_statement()
    {
        var statements = From("Asked whether Kyiv would cede Donbas, Umerov said the question was not on the table.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("whether Kyiv would cede Donbas", statements[0].Text);
        Assert.Equal("Asked", statements[0].Cue);
        Assert.Null(statements[0].SpeakerMention);
        Assert.Equal("the question was not on the table", statements[1].Text);
        Assert.Equal("Umerov", statements[1].SpeakerMention);
    }

    [Fact]
    public void When_asked_about_gives_the_topic()
    {
        var s = Assert.Single(From("When asked about the frozen assets, the chancellor changed the subject."));
        Assert.Equal("the frozen assets", s.Text);
        Assert.Equal("asked about", s.Cue);
    }

    [Fact]
    public void Sourceless_attributions_are_off_by_default()
    {
        Assert.Empty(Extract.From("The Geneva round is expected to produce a joint statement on prisoner exchanges."));
    }

    [Fact]
    public void Asked_with_an_object_and_infinitive_keeps_the_object()
    {
        var s = Extract.Single("Zelensky asked the allies to send more air defence systems before the winter.");
        Assert.Equal("the allies to send more air defence systems before the winter", s.Text);
        Assert.Equal("Zelensky", s.SpeakerMention);
    }
}
