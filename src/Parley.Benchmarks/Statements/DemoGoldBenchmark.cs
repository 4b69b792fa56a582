using System.Text.Json;
using Parley.Articles;
using Parley.Serialization;
using Parley.Statements;

namespace Parley.Benchmarks.Statements;

/// <summary>The scores of a statement extractor against hand-written gold in the demo format.</summary>
/// <param name="Articles">Gold files scored.</param>
/// <param name="Statements">Statement spans: matched one-to-one when they overlap by half of the shorter.</param>
/// <param name="PartyCorrect">Matched statements whose predicted party equals the gold party.</param>
/// <param name="ActorCorrect">Matched statements whose predicted actor id equals the gold actor id (null = null).</param>
/// <param name="Problems">Gold files or articles that could not be read, one message each.</param>
public sealed record DemoGoldScore(int Articles, PrecisionRecall Statements, int PartyCorrect, int ActorCorrect, IReadOnlyList<string> Problems)
{
    /// <summary>Share of matched statements with the gold party.</summary>
    public double PartyAccuracy => Statements.Matched == 0 ? 0 : (double)PartyCorrect / Statements.Matched;

    /// <summary>Share of matched statements with the gold actor.</summary>
    public double ActorAccuracy => Statements.Matched == 0 ? 0 : (double)ActorCorrect / Statements.Matched;
}

/// <summary>One statement of a demo gold file (<c>data/demo/gold/&lt;article&gt;.json</c>).</summary>
internal sealed record GoldStatement
{
    public string? Kind { get; init; }
    public string Text { get; init; } = "";
    public int Start { get; init; }
    public int End { get; init; }
    public string? Cue { get; init; }
    public string? SpeakerMention { get; init; }
    public int? SpeakerMentionStart { get; init; }
    public int? SpeakerMentionEnd { get; init; }
    public string? Speaker { get; init; }
    public string? ActorId { get; init; }
    public string Party { get; init; } = "Unknown";
}

internal sealed record GoldFile
{
    public string Article { get; init; } = "";
    public List<GoldStatement> Statements { get; init; } = [];
}

/// <summary>Scores statement extraction against gold files in the demo format (see <c>COMMON.md</c>).</summary>
public static class DemoGoldBenchmark
{
    /// <summary>Scores every <c>*.json</c> gold file in <paramref name="goldDir"/> against its article.</summary>
    /// <param name="goldDir">Folder of gold files.</param>
    /// <param name="articlesDir">Folder of the articles the gold files name.</param>
    /// <param name="load">Reads an article file: the article, or an error message.</param>
    /// <param name="extract">The system under test; default a <see cref="StatementExtractor"/> with defaults.</param>
    public static DemoGoldScore Run(string goldDir, string articlesDir, Func<string, (Article? Article, string? Error)> load,
        Func<Article, IReadOnlyList<Statement>>? extract = null)
    {
        if (!Directory.Exists(goldDir)) throw new DirectoryNotFoundException($"Gold folder {goldDir} does not exist.");
        extract ??= new StatementExtractor().Extract;
        var problems = new List<string>();
        var total = default(PrecisionRecall);
        int party = 0, actor = 0, articles = 0;
        foreach (var goldPath in Directory.GetFiles(goldDir, "*.json").Order(StringComparer.Ordinal))
        {
            GoldFile? gold;
            try
            {
                using var stream = File.OpenRead(goldPath);
                gold = JsonSerializer.Deserialize<GoldFile>(stream, ParleyJson.Options);
            }
            catch (JsonException ex)
            {
                problems.Add($"{goldPath}: not a gold file ({ex.Message})");
                continue;
            }
            if (gold is null || gold.Article.Length == 0)
            {
                problems.Add($"{goldPath}: names no article");
                continue;
            }
            var articlePath = Path.Combine(articlesDir, gold.Article);
            var (article, error) = load(articlePath);
            if (article is null)
            {
                problems.Add($"{articlePath}: {error ?? "could not be read"}");
                continue;
            }
            articles++;
            var text = article.Text;
            var predicted = extract(article);
            var goldSpans = gold.Statements.Select(g => SpanMatching.Locate(text, g.Text, g.Start, g.End)).ToList();
            var predictedSpans = predicted.Select(s => SpanMatching.Locate(text, s.Text, s.Start, s.End)).ToList();
            var matches = SpanMatching.Match(goldSpans, predictedSpans);
            total += new PrecisionRecall(matches.Count, predicted.Count, gold.Statements.Count);
            foreach (var (g, p) in matches)
            {
                if (string.Equals(gold.Statements[g].Party, predicted[p].Party, StringComparison.OrdinalIgnoreCase)) party++;
                if (string.Equals(gold.Statements[g].ActorId, predicted[p].ActorId, StringComparison.Ordinal)) actor++;
            }
        }
        return new DemoGoldScore(articles, total, party, actor, problems);
    }
}
