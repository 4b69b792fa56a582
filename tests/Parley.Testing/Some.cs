using Parley.Articles;
using Parley.Statements;

namespace Parley.Testing;

/// <summary>Builders for test data: <c>Some.Article()</c> with only what a test cares about overridden.</summary>
public static class Some
{
    /// <summary>A small article with one paragraph.</summary>
    public static Article Article(string text = "Officials met in Geneva on Tuesday.", string id = "article-1") => new()
    {
        Id = id,
        Source = $"test://{id}",
        Url = $"https://news.example/{id}",
        Site = "Example News",
        Title = "Talks resume",
        Paragraphs = [text],
        Text = text,
        Published = ArticleDate.FromDay(new DateOnly(2025, 3, 4)),
        WordCount = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
    };

    /// <summary>A classified statement.</summary>
    public static Statement Statement(
        string party = "Russia", string issue = "nato", string stance = "oppose", double score = 1.0,
        DateOnly? date = null, string text = "Ukraine will never join NATO.", string? speaker = "Sergei Lavrov",
        string? site = "Example News", string articleId = "article-1", int start = 0) => new()
    {
        Id = $"{articleId}:{start}",
        ArticleId = articleId,
        Site = site,
        Url = $"https://news.example/{articleId}",
        Date = date ?? new DateOnly(2025, 3, 4),
        Kind = StatementKind.Quote,
        Text = text,
        Start = start,
        End = start + text.Length,
        Speaker = speaker,
        Party = party,
        Confidence = 0.9,
        Issue = issue,
        Stance = stance,
        StanceScore = score,
    };
}
