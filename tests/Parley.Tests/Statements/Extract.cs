using Parley.Articles;
using Parley.Statements;
using Parley.Testing;

namespace Parley.Tests.Statements;

/// <summary>Runs the extractor on a text dated 2025-03-04 (or another day) and checks the offset contract on the way.</summary>
internal static class Extract
{
    private static readonly StatementExtractor Extractor = new();

    public static IReadOnlyList<Statement> From(string text, DateOnly? day = null)
    {
        var article = Some.Article(text) with { Published = ArticleDate.FromDay(day ?? new DateOnly(2025, 3, 4)) };
        var statements = Extractor.Extract(article);
        foreach (var s in statements) AssertSlices(text, s);
        return statements;
    }

    public static Statement Single(string text, DateOnly? day = null) => Assert.Single(From(text, day));

    public static void AssertSlices(string text, Statement s)
    {
        Assert.Equal(s.Text, text[s.Start..s.End]);
        if (s.Cue is not null) Assert.Equal(s.Cue, text[s.CueStart!.Value..s.CueEnd!.Value]);
        if (s.SpeakerMention is not null)
            Assert.Equal(s.SpeakerMention, text[s.SpeakerMentionStart!.Value..s.SpeakerMentionEnd!.Value]);
    }
}
