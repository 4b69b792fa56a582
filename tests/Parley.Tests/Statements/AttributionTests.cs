using Parley.Statements;

namespace Parley.Tests.Statements;

public class AttributionTests
{
    [Fact]
    public void Titled_name_resolves_through_the_name()
    {
        var s = Extract.Single("Secretary of State Marco Rubio said the United States would step back if there was no progress.");
        Assert.Equal("Secretary of State Marco Rubio", s.SpeakerMention);
        Assert.Equal("Marco Rubio", s.Speaker);
        Assert.Equal("United States", s.Party);
    }

    [Fact]
    public void Pronoun_resolves_to_last_compatible_speaker()
    {
        var statements = Extract.From(
            "Kaja Kallas said Europe would keep up the pressure. Rutte met Zelensky in Kyiv. He said the alliance stood with Ukraine.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("He", statements[1].SpeakerMention);
        Assert.Equal("mark-rutte", statements[1].ActorId); // "he" skips Kallas (female) and the object Zelensky
        Assert.Equal("Other", statements[1].Party);
    }

    [Fact]
    public void She_skips_male_speakers()
    {
        var statements = Extract.From(
            "Meloni met Trump at the White House. Trump said the war must end. She said Italy would not send troops.");
        Assert.Equal("giorgia-meloni", statements[^1].ActorId);
        Assert.Equal("She", statements[^1].SpeakerMention);
    }

    [Fact]
    public void They_resolves_to_a_plural_or_an_institution()
    {
        var statements = Extract.From("Russian officials said the plan needed work. They said a summit was premature.");
        Assert.Equal(2, statements.Count);
        Assert.True(statements[1].Anonymous);
        Assert.Equal("Russia", statements[1].Party);
    }

    [Theory]
    [InlineData("the Ukrainian president", "volodymyr-zelensky")]
    [InlineData("the Kremlin leader", "vladimir-putin")]
    [InlineData("Russia's foreign minister", "sergei-lavrov")]
    [InlineData("the Kremlin spokesman", "dmitry-peskov")]
    [InlineData("the US envoy", "steve-witkoff")]
    [InlineData("the German chancellor", "friedrich-merz")]
    [InlineData("the NATO secretary general", "mark-rutte")]
    public void Role_nouns_resolve_to_the_holder_on_the_day(string role, string actorId)
    {
        var s = Extract.Single($"A ceasefire is possible this spring, {role} said.", new DateOnly(2025, 6, 10));
        Assert.Equal(role, s.SpeakerMention);
        Assert.Equal(actorId, s.ActorId);
    }

    [Fact]
    public void Generic_role_noun_resolves_to_the_nearest_earlier_holder()
    {
        var statements = Extract.From("Rutte met Zelensky in Brussels on Monday. The president said Ukraine needed air defence first.");
        var s = Assert.Single(statements);
        Assert.Equal("The president", s.SpeakerMention);
        Assert.Equal("volodymyr-zelensky", s.ActorId); // Rutte is nearer but holds no presidency
    }

    [Theory]
    [InlineData("a source close to the Ukrainian government", "Ukraine")]
    [InlineData("a senior European official", "Europe")]
    [InlineData("Russian officials", "Russia")]
    [InlineData("two US officials", "United States")]
    [InlineData("a diplomat", "Unknown")]
    public void Anonymous_sources_keep_the_party_of_their_affiliation(string source, string party)
    {
        var s = Extract.Single($"The meeting in Abu Dhabi went better than expected, {source} said.");
        Assert.True(s.Anonymous);
        Assert.Null(s.Speaker);
        Assert.Null(s.ActorId);
        Assert.Equal(source, s.SpeakerMention);
        Assert.Equal(party, s.Party);
    }

    [Theory]
    [InlineData("Kyiv", "government-of-ukraine", "Ukraine")]
    [InlineData("Moscow", "government-of-russia", "Russia")]
    [InlineData("Washington", "government-of-united-states", "United States")]
    [InlineData("The White House", "white-house", "United States")]
    [InlineData("The Kremlin", "kremlin", "Russia")]
    public void Capitals_and_institutions_speak_for_governments(string speaker, string actorId, string party)
    {
        var s = Extract.Single($"{speaker} said the prisoner exchange would go ahead this week.");
        Assert.Equal(actorId, s.ActorId);
        Assert.Equal(party, s.Party);
    }

    [Fact]
    public void Unknown_speakers_are_kept_with_party_unknown()
    {
        var s = Extract.Single("Olena Kovalenko, a teacher in Kharkiv, said nobody believed in the ceasefire anymore.");
        Assert.Equal("Olena Kovalenko", s.SpeakerMention);
        Assert.Null(s.ActorId);
        Assert.Equal("Unknown", s.Party);
        Assert.False(s.Anonymous);
    }

    [Fact]
    public void Statements_carry_the_article_provenance()
    {
        var s = Extract.Single("Umerov said the delegation was ready.");
        Assert.Equal("article-1", s.ArticleId);
        Assert.Equal("https://news.example/article-1", s.Url);
        Assert.Equal("Example News", s.Site);
        Assert.Equal(new DateOnly(2025, 3, 4), s.Date);
        Assert.InRange(s.Confidence, 0.01, 1);
        Assert.Equal(16, s.Id.Length);
    }
}
