using System.Diagnostics;
using System.Text.RegularExpressions;
using Parley.Articles;
using Parley.Statements;

namespace Parley.Benchmarks.Statements;

/// <summary>One gold attribution of a PolNeAR article: its content extent and its source fragments.</summary>
internal sealed record GoldAttribution(int Start, int End, IReadOnlyList<(int Start, int End)> Sources, bool IsDirectQuote);

/// <summary>One PolNeAR article: its text and gold attributions from the first annotator file in name order.</summary>
internal sealed record PolnearArticle(string Name, string Path, string Text, IReadOnlyList<GoldAttribution> Gold);

/// <summary>The scores of a statement extractor on a PolNeAR split.</summary>
/// <param name="Articles">Articles scored.</param>
/// <param name="All">All attributions.</param>
/// <param name="DirectQuotes">Gold contents containing a quotation mark against predicted quote/mixed statements.</param>
/// <param name="SpeakerCorrect">Matched pairs (gold with a source) whose predicted mention overlaps a gold source.</param>
/// <param name="SpeakerTotal">Matched pairs whose gold attribution has a source.</param>
/// <param name="Seconds">Extraction wall-clock time (all articles, one thread, after a warm-up pass).</param>
/// <param name="CpuSeconds">Processor time the process spent during extraction: the figure that holds on a busy machine.</param>
public sealed record PolnearScore(int Articles, PrecisionRecall All, PrecisionRecall DirectQuotes, int SpeakerCorrect, int SpeakerTotal, double Seconds, double CpuSeconds = 0)
{
    /// <summary>Articles per second of processor time on one thread.</summary>
    public double ArticlesPerCpuSecond => CpuSeconds <= 0 ? 0 : Articles / CpuSeconds;

    /// <summary>Share of matched pairs with a gold source whose predicted speaker mention overlaps it.</summary>
    public double SpeakerAccuracy => SpeakerTotal == 0 ? 0 : (double)SpeakerCorrect / SpeakerTotal;

    /// <summary>Articles per second on one thread.</summary>
    public double ArticlesPerSecond => Seconds <= 0 ? 0 : Articles / Seconds;
}

/// <summary>
/// Scores statement extraction on a corpus in the PolNeAR layout (<c>text/&lt;article&gt;.txt</c> and
/// <c>attributions/&lt;article&gt;_&lt;annotator&gt;.ann</c>, BRAT standoff), exactly as
/// <c>shared/bench/README.md</c> defines the metric.
/// </summary>
public static partial class PolnearBenchmark
{
    [GeneratedRegex(@"^(?<id>T\d+)\t(?<type>\S+) (?<spans>[\d ;]+)\t", RegexOptions.CultureInvariant)]
    private static partial Regex SpanLine();

    /// <summary>Loads a split ("dev", "train") or, when <paramref name="split"/> is null, the folder itself.</summary>
    internal static IReadOnlyList<PolnearArticle> Load(string dataset, string? split)
    {
        var root = split is null ? dataset : Path.Combine(dataset, split);
        var textDir = Path.Combine(root, "text");
        var annDir = Path.Combine(root, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
            throw new DirectoryNotFoundException($"{root} has no text/ and attributions/ folders (PolNeAR layout).");
        var annotations = Directory.GetFiles(annDir, "*.ann").Order(StringComparer.Ordinal).ToList();
        var articles = new List<PolnearArticle>();
        foreach (var path in Directory.GetFiles(textDir, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var text = File.ReadAllText(path);
            var ann = annotations.FirstOrDefault(a => Path.GetFileName(a).StartsWith(name + "_", StringComparison.Ordinal));
            articles.Add(new PolnearArticle(name, path, text, ann is null ? [] : ParseAnn(File.ReadAllLines(ann), text)));
        }
        return articles;
    }

    internal static List<GoldAttribution> ParseAnn(IEnumerable<string> lines, string text)
    {
        var spans = new Dictionary<string, List<(int Start, int End)>>(StringComparer.Ordinal);
        var events = new List<Dictionary<string, string>>();
        foreach (var line in lines)
        {
            if (line.StartsWith('T'))
            {
                var m = SpanLine().Match(line);
                if (!m.Success) continue;
                var fragments = m.Groups["spans"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(f => f.Split(' ')).Select(p => (int.Parse(p[0]), int.Parse(p[1]))).ToList();
                spans[m.Groups["id"].Value] = fragments;
            }
            else if (line.StartsWith('E'))
            {
                var parts = line.Split('\t');
                if (parts.Length < 2) continue;
                events.Add(parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(a => a.Split(':')).Where(a => a.Length == 2)
                    .GroupBy(a => a[0]).ToDictionary(g => g.Key, g => g.First()[1]));
            }
        }
        var gold = new List<GoldAttribution>();
        foreach (var e in events)
        {
            if (!e.TryGetValue("Content", out var contentId) || !spans.TryGetValue(contentId, out var content)) continue;
            int start = content.Min(f => f.Start), end = content.Max(f => f.End);
            var sources = e.TryGetValue("Source", out var sourceId) && spans.TryGetValue(sourceId, out var s) ? s : [];
            // The content text plus the character on each side, so a quotation annotated without its marks counts.
            int from = Math.Max(0, start - 1), to = Math.Min(text.Length, end + 1);
            var extent = text.AsSpan(from, to - from);
            bool direct = extent.IndexOfAny('"', '\u201C', '\u201D') >= 0;
            gold.Add(new GoldAttribution(start, end, sources, direct));
        }
        return gold;
    }

    /// <summary>Runs an extractor on every article of the split and scores it.</summary>
    /// <param name="dataset">The PolNeAR folder (with <c>train/</c> and <c>dev/</c>).</param>
    /// <param name="split">"dev" or "train"; null when <paramref name="dataset"/> is a split folder itself.</param>
    /// <param name="extract">The system under test; default a <see cref="StatementExtractor"/> with
    /// <see cref="StatementExtractorOptions.PolnearUnits"/>, PolNeAR's units of annotation.</param>
    /// <param name="predictionsOut">When given, every predicted statement is written there as JSONL (for error analysis).</param>
    public static PolnearScore Run(string dataset, string? split, Func<Article, IReadOnlyList<Statement>>? extract = null,
        TextWriter? predictionsOut = null)
    {
        // PolNeAR annotates a speaker's turn ("“…,” he said. “…”") as one attribution, each cue of a coordinated
        // chain ("said A and warned B") as its own, and attributions without a source ("is expected to").
        var extractor = new StatementExtractor(options: StatementExtractorOptions.PolnearUnits);
        extract ??= extractor.Extract;
        var corpus = Load(dataset, split);
        var articles = corpus.Select(a => new Article { Id = a.Name, Source = a.Path, Text = a.Text, Paragraphs = [a.Text] }).ToList();
        foreach (var article in articles.Take(20)) extract(article); // warm-up (JIT)
        var predictions = new List<IReadOnlyList<Statement>>(articles.Count);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var article in articles) predictions.Add(extract(article));
        watch.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        if (predictionsOut is not null)
            foreach (var statement in predictions.SelectMany(p => p))
                predictionsOut.WriteLine(Parley.Serialization.ParleyJson.ToLine(statement));
        return Score(corpus, predictions, watch.Elapsed.TotalSeconds) with { CpuSeconds = cpu };
    }

    internal static PolnearScore Score(IReadOnlyList<PolnearArticle> corpus, IReadOnlyList<IReadOnlyList<Statement>> predictions, double seconds)
    {
        var all = default(PrecisionRecall);
        var direct = default(PrecisionRecall);
        int speakerCorrect = 0, speakerTotal = 0;
        for (int a = 0; a < corpus.Count; a++)
        {
            var text = corpus[a].Text;
            var gold = corpus[a].Gold;
            var predicted = predictions[a];
            var predictedSpans = predicted.Select(s => SpanMatching.Locate(text, s.Text, s.Start, s.End)).ToList();
            var goldSpans = gold.Select(g => (g.Start, g.End)).ToList();
            var matches = SpanMatching.Match(goldSpans, predictedSpans);
            all += new PrecisionRecall(matches.Count, predicted.Count, gold.Count);
            foreach (var (g, p) in matches)
            {
                if (gold[g].Sources.Count == 0) continue;
                speakerTotal++;
                var s = predicted[p];
                if (s.SpeakerMentionStart is int ms && s.SpeakerMentionEnd is int me
                    && gold[g].Sources.Any(f => Math.Min(f.End, me) > Math.Max(f.Start, ms)))
                    speakerCorrect++;
            }
            var goldQuotes = Enumerable.Range(0, gold.Count).Where(g => gold[g].IsDirectQuote).ToList();
            var predictedQuotes = Enumerable.Range(0, predicted.Count).Where(p => predicted[p].Kind is StatementKind.Quote or StatementKind.Mixed).ToList();
            var quoteMatches = SpanMatching.Match(goldQuotes.Select(g => goldSpans[g]).ToList(), predictedQuotes.Select(p => predictedSpans[p]).ToList());
            direct += new PrecisionRecall(quoteMatches.Count, predictedQuotes.Count, goldQuotes.Count);
        }
        return new PolnearScore(corpus.Count, all, direct, speakerCorrect, speakerTotal, seconds);
    }

    /// <summary>The calibration baseline of the benchmark README: every “…” and "…" span as a quote, no speaker.</summary>
    public static IReadOnlyList<Statement> QuoteSpansBaseline(Article article)
    {
        var text = article.Text;
        var result = new List<Statement>();
        foreach (Match m in QuoteBaseline().Matches(text))
            result.Add(new Statement
            {
                Id = $"{article.Id}:{m.Index}", ArticleId = article.Id, Kind = StatementKind.Quote,
                Text = m.Value, Start = m.Index, End = m.Index + m.Length,
            });
        return result;
    }

    [GeneratedRegex("\u201C[^\u201D]*\u201D|\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteBaseline();
}
