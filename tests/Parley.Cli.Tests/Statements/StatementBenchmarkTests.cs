using Parley.Articles;
using Parley.Benchmarks.Statements;
using Parley.Cli.Commands;
using Parley.Statements;

namespace Parley.Cli.Tests.Statements;

public class StatementBenchmarkTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Statements", name);

    private static Statement Predicted(string text, int start, int end, StatementKind kind, int? mentionStart = null, int? mentionEnd = null) => new()
    {
        Id = $"{start}", ArticleId = "art-1", Kind = kind, Text = text[start..end], Start = start, End = end,
        SpeakerMentionStart = mentionStart, SpeakerMentionEnd = mentionEnd,
        SpeakerMention = mentionStart is int ms ? text[ms..mentionEnd!.Value] : null,
    };

    [Fact]
    public void Polnear_gold_comes_from_the_first_annotator_with_content_extents_and_sources()
    {
        var article = Assert.Single(PolnearBenchmark.Load(Fixture("polnear-fixture"), null));
        Assert.Equal("art-1", article.Name);
        Assert.Equal(3, article.Gold.Count); // the second annotator's file is ignored
        Assert.Equal((75, 99), (article.Gold[1].Start, article.Gold[1].End)); // discontinuous content: min start..max end
        Assert.Equal([(63, 69)], article.Gold[1].Sources);
        Assert.Empty(article.Gold[2].Sources);
        Assert.Equal([true, false, false], article.Gold.Select(g => g.IsDirectQuote));
    }

    [Fact]
    public void Polnear_metric_matches_one_to_one_largest_overlap_first()
    {
        var corpus = PolnearBenchmark.Load(Fixture("polnear-fixture"), null);
        var text = corpus[0].Text;
        IReadOnlyList<Statement> predicted =
        [
            Predicted(text, 24, 47, StatementKind.Quote, 50, 55),     // the quote, right speaker
            Predicted(text, 75, 99, StatementKind.Reported, 0, 5),    // Lavrov's content, wrong speaker
            Predicted(text, 102, 110, StatementKind.Reported),         // loses the last gold to the larger overlap below
            Predicted(text, 100, 142, StatementKind.Reported),
        ];
        var score = PolnearBenchmark.Score(corpus, [predicted], 1);
        Assert.Equal(new PrecisionRecall(3, 4, 3), score.All);
        Assert.Equal(0.75, score.All.Precision);
        Assert.Equal(1.0, score.All.Recall);
        Assert.Equal(new PrecisionRecall(1, 1, 1), score.DirectQuotes);
        Assert.Equal((1, 2), (score.SpeakerCorrect, score.SpeakerTotal));
    }

    [Fact]
    public void Less_than_half_of_the_shorter_span_is_no_match()
    {
        var corpus = PolnearBenchmark.Load(Fixture("polnear-fixture"), null);
        var text = corpus[0].Text;
        // A 22-character span sharing 9 characters with the 26-character quote: 9 < 11.
        var score = PolnearBenchmark.Score(corpus, [[Predicted(text, 40, 62, StatementKind.Reported)]], 1);
        Assert.Equal(0, score.All.Matched);
    }

    [Fact]
    public void Extractor_on_the_polnear_fixture()
    {
        var corpus = PolnearBenchmark.Load(Fixture("polnear-fixture"), null);
        var extractor = new StatementExtractor();
        var predicted = extractor.Extract(new Article { Id = "art-1", Source = "art-1.txt", Text = corpus[0].Text });
        var score = PolnearBenchmark.Score(corpus, [predicted], 1);
        Assert.Equal(new PrecisionRecall(2, 2, 3), score.All); // "were expected" is passive, not an attribution we find
        Assert.Equal(new PrecisionRecall(1, 1, 1), score.DirectQuotes);
        Assert.Equal((2, 2), (score.SpeakerCorrect, score.SpeakerTotal));
    }

    [Fact]
    public void Demo_gold_scorer_counts_statements_parties_and_actors()
    {
        var fixture = Fixture("demo-gold-fixture");
        var score = DemoGoldBenchmark.Run(Path.Combine(fixture, "gold"), Path.Combine(fixture, "articles"), StatementInputs.Load,
            article =>
            {
                var text = article.Text;
                int quote = text.IndexOf("We are ready", StringComparison.Ordinal);
                int plan = text.IndexOf("The plan", StringComparison.Ordinal);
                return
                [
                    new Statement { Id = "1", ArticleId = article.Id, Text = text[quote..(quote + 12)], Start = quote, End = quote + 12, Party = "Russia", ActorId = "dmitry-peskov" },
                    new Statement { Id = "2", ArticleId = article.Id, Text = text[plan..(plan + 8)], Start = plan, End = plan + 8, Party = "Unknown" },
                    new Statement { Id = "3", ArticleId = article.Id, Text = text[0..6], Start = 0, End = 6, Party = "Unknown" },
                ];
            });
        Assert.Empty(score.Problems);
        Assert.Equal(1, score.Articles);
        Assert.Equal(new PrecisionRecall(2, 3, 3), score.Statements);
        Assert.Equal(1, score.PartyCorrect);   // Peskov's quote; the official is Europe in the gold
        Assert.Equal(2, score.ActorCorrect);   // dmitry-peskov, and null for the anonymous official
    }

    [Fact]
    public void Extractor_reaches_the_demo_gold_fixture()
    {
        var fixture = Fixture("demo-gold-fixture");
        var score = DemoGoldBenchmark.Run(Path.Combine(fixture, "gold"), Path.Combine(fixture, "articles"), StatementInputs.Load);
        Assert.Empty(score.Problems);
        Assert.Equal(new PrecisionRecall(3, 3, 3), score.Statements);
        Assert.Equal(1.0, score.PartyAccuracy);
        Assert.Equal(1.0, score.ActorAccuracy);
    }

    [Fact]
    public void Demo_gold_scorer_reports_missing_articles_and_goes_on()
    {
        var dir = Directory.CreateTempSubdirectory("parley-gold-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.json"), """{"article": "missing.html", "statements": []}""");
            File.WriteAllText(Path.Combine(dir.FullName, "b.json"), "{ broken");
            var score = DemoGoldBenchmark.Run(dir.FullName, dir.FullName, StatementInputs.Load);
            Assert.Equal(2, score.Problems.Count);
            Assert.Equal(0, score.Articles);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
