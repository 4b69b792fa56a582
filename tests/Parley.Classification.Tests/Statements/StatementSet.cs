using Parley.Classification.Statements;

namespace Parley.Classification.Tests.Statements;

/// <summary>A small synthetic set of labelled statements from a fixed seed: three issues, two stances, two parties.
/// Party shows in who is named ("the Moscow envoy" / "the Kyiv envoy"), issue in the topic words, stance in the verbs.</summary>
internal static class StatementSet
{
    private static readonly Dictionary<(string Issue, string Stance), string[]> Phrases = new()
    {
        [("nato", "support")] = ["wants Ukraine inside NATO soon", "said alliance membership for Ukraine is the only real protection", "pressed for a NATO invitation to Ukraine"],
        [("nato", "oppose")] = ["ruled out NATO membership for Ukraine", "said Ukraine will never join the alliance", "demanded a pledge that NATO will not admit Ukraine"],
        [("sanctions", "support")] = ["asked for the sanctions to be lifted", "called for an end to the economic restrictions on Moscow", "wants the sanctions eased and trade restored"],
        [("sanctions", "oppose")] = ["insisted the sanctions must stay in place", "urged tougher economic restrictions on Moscow", "said lifting the sanctions now would reward aggression"],
        [("ceasefire", "support")] = ["called for an immediate ceasefire along the front", "said the guns should fall silent this week", "backed a truce on the current line"],
        [("ceasefire", "oppose")] = ["rejected any ceasefire before a full settlement", "said a truce now would only let the enemy regroup", "dismissed the call for a pause in the fighting"],
    };

    private static readonly Dictionary<string, string[]> Speakers = new()
    {
        ["Russia"] = ["The Moscow envoy", "A Moscow negotiator", "The Moscow spokesman"],
        ["Ukraine"] = ["The Kyiv envoy", "A Kyiv negotiator", "The Kyiv spokesman"],
    };

    private static readonly string[] Tails = ["on Tuesday", "after the meeting", "in an interview", "at a briefing", "late on Friday", ""];

    public static IReadOnlyList<LabeledStatement> Generate(int seed, int perCell = 6, string articlePrefix = "a")
    {
        var random = new Random(seed);
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        var rows = new List<LabeledStatement>();
        var n = 0;
        foreach (var ((issue, stance), phrases) in Phrases.OrderBy(p => p.Key.Issue, StringComparer.Ordinal).ThenBy(p => p.Key.Stance, StringComparer.Ordinal))
            for (var i = 0; i < perCell; i++)
            {
                var party = i % 2 == 0 ? "Russia" : "Ukraine";
                var text = $"{Pick(Speakers[party])} {Pick(phrases)} {Pick(Tails)}".Trim() + ".";
                rows.Add(new LabeledStatement($"s{n}", $"{articlePrefix}{n / 4}", new DateOnly(2025, 3, 1), null, party, issue, stance, text));
                n++;
            }
        return rows;
    }

    public static string ToCsv(IEnumerable<LabeledStatement> rows)
    {
        var writer = new StringWriter();
        Parley.Classification.Tables.CsvWriter.WriteRecord(writer, ["id", "articleId", "date", "speaker", "party", "issue", "stance", "text"]);
        foreach (var r in rows)
            Parley.Classification.Tables.CsvWriter.WriteRecord(writer, [r.Id, r.ArticleId, r.Date?.ToString("yyyy-MM-dd") ?? "", r.Speaker ?? "", r.Party, r.Issue, r.Stance, r.Text]);
        return writer.ToString();
    }

    /// <summary>A resolver that knows two mentions, standing in for the gazetteer.</summary>
    public static SpeakerMatch? Resolve(string mention, DateOnly? date) => mention.ToLowerInvariant() switch
    {
        "the kremlin spokesman" => new SpeakerMatch("dmitry-peskov", "Dmitry Peskov", "Russia"),
        "ukraine's foreign minister" => new SpeakerMatch("andrii-sybiha", "Andrii Sybiha", "Ukraine"),
        _ => null,
    };

    public static ClassifierOptions Options(string cacheDirectory, int folds = 0) => new()
    {
        Folds = folds,
        CacheDirectory = cacheDirectory,
        ResolveSpeaker = Resolve,
        Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero)),
    };
}
