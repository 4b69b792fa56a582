using System.Diagnostics;
using Parley.Classification;
using Parley.Classification.Evaluation;
using Parley.Classification.Statements;
using Parley.Statements;

namespace Parley.Benchmarks.Classification;

/// <summary>Figures of the statement classifier: quality on labels with folds grouped by article, and speed.</summary>
/// <param name="Rows">Labelled rows evaluated.</param>
/// <param name="Folds">Grouped folds.</param>
/// <param name="Issue">Out-of-fold issue report.</param>
/// <param name="Stance">Out-of-fold stance report (stance toward the labelled issue).</param>
/// <param name="StanceEndToEnd">Out-of-fold stance of the main predicted issue against the labelled stance.</param>
/// <param name="Party">Out-of-fold party report, gazetteer plus model, on rows with a known party.</param>
/// <param name="PartyModelOnly">Out-of-fold party report of the model alone.</param>
/// <param name="GazetteerResolved">Share of known-party rows whose speaker the gazetteer resolved.</param>
/// <param name="Speed">Speed figures, or null when skipped.</param>
internal sealed record ClassificationBenchmarkResult(
    int Rows, int Folds,
    ClassificationReport Issue, ClassificationReport Stance, ClassificationReport StanceEndToEnd,
    ClassificationReport Party, ClassificationReport PartyModelOnly, double GazetteerResolved,
    SpeedFigures? Speed)
{
    /// <summary>Every labelled row with its out-of-fold predictions, in input order (for error analysis; not in the JSON figures).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<OutOfFoldRow> OutOfFold { get; init; } = [];
}

/// <summary>One labelled row and what the model trained on the other folds predicted for it.</summary>
/// <param name="Label">The labelled row.</param>
/// <param name="Fold">The fold the row was tested in.</param>
/// <param name="Issue">Predicted main issue and its probability.</param>
/// <param name="IssueScore">Probability of the predicted issue.</param>
/// <param name="Stance">Predicted stance toward the labelled issue.</param>
/// <param name="StanceScore">Probability of that stance.</param>
/// <param name="Party">Party, gazetteer plus model.</param>
/// <param name="PartySource">Where the party came from.</param>
internal sealed record OutOfFoldRow(LabeledStatement Label, int Fold, string Issue, double IssueScore, string Stance, double StanceScore,
    string Party, string? PartySource);

/// <summary>Measured speed.</summary>
/// <param name="TrainRows">Statements trained on.</param>
/// <param name="TrainSeconds">Training the three heads (no cross-validation) including computing all embeddings on an empty cache.</param>
/// <param name="EmbedSeconds">Of which computing the embeddings.</param>
/// <param name="TrainWithCrossValidationSeconds">Training one head with 5-fold cross-validation (embeddings cached).</param>
/// <param name="PredictRows">Statements classified in the empty-cache run.</param>
/// <param name="MeanWords">Mean words per statement in the prediction runs.</param>
/// <param name="ColdPerSecond">Statements/s classified with embeddings computed (empty cache).</param>
/// <param name="CachedPerSecond">Statements/s classified with embeddings cached.</param>
/// <param name="NoEmbeddingPerSecond">Statements/s of an n-gram-only text model (no embeddings at all).</param>
/// <param name="TrainCpuSeconds">Processor time of the training run (all threads): on a shared machine wall time overstates.</param>
/// <param name="ColdCpuPerSecond">Statements per processor-second with embeddings computed; × cores ≈ rate on an idle machine.</param>
/// <param name="CachedCpuPerSecond">Statements per processor-second with embeddings cached.</param>
/// <param name="Features">The feature set measured; for <see cref="FeatureSet.TextOnly"/> there are no embeddings, the
/// cold and cached figures are one run of the full statement classifier (three heads) and the cross-validation is skipped.</param>
internal sealed record SpeedFigures(int TrainRows, double TrainSeconds, double EmbedSeconds, double TrainWithCrossValidationSeconds,
    int PredictRows, double MeanWords, double ColdPerSecond, double CachedPerSecond, double NoEmbeddingPerSecond,
    double TrainCpuSeconds, double ColdCpuPerSecond, double CachedCpuPerSecond, FeatureSet Features = FeatureSet.TextAndEmbeddings);

internal static class ClassificationBenchmark
{
    public static ClassificationBenchmarkResult Run(IReadOnlyList<LabeledStatement> labels, int speedRows, bool speed, string cacheRoot,
        Func<string, DateOnly?, SpeakerMatch?>? resolveSpeaker, Action<string> progress, CancellationToken ct,
        FeatureSet features = FeatureSet.TextAndEmbeddings, bool quality = true)
    {
        var figures = !speed ? null
            : features == FeatureSet.TextOnly ? TextOnlySpeed(labels, speedRows, progress, ct)
            : Speed(labels, speedRows, cacheRoot, progress, ct);
        if (!quality)
        {
            var none = ClassificationReport.Compute(["-"], ["-"], [Array.Empty<float>()], []);
            return new ClassificationBenchmarkResult(0, 0, none, none, none, none, none, 0, figures);
        }
        var result = Quality(labels, cacheRoot, resolveSpeaker, features, progress, ct);
        return result with { Speed = figures };
    }

    private static SpeedFigures TextOnlySpeed(IReadOnlyList<LabeledStatement> labels, int rows, Action<string> progress, CancellationToken ct)
    {
        var train = Compose(labels, rows, salt: 1);
        var options = new ClassifierOptions { Folds = 0, PersistCache = false, Features = FeatureSet.TextOnly };
        progress($"training text-only heads on {train.Count} statements");
        var clock = Stopwatch.StartNew();
        var cpu = Cpu();
        using var model = StatementClassifier.Train(train, options, ct);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var trainCpu = Cpu() - cpu;
        var fresh = Compose(labels, Math.Min(1000, rows), salt: 7).Select(l => new Statement { Id = l.Id, ArticleId = l.ArticleId, Text = l.Text }).ToArray();
        var meanWords = fresh.Average(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var many = Enumerable.Range(0, 20).SelectMany(_ => fresh).ToArray();
        // Untimed runs first: the timed one measures steady-state (tier-1 JIT) code, as in a long job, not the JIT's
        // first tiers (.NET recompiles hot methods only after they have run for a while; one run was not enough).
        for (var warm = 0; warm < 3; warm++)
            model.Classify(many);
        progress($"classifying {many.Length} statements (text-only: issue, stance, party)");
        clock.Restart();
        cpu = Cpu();
        model.Classify(many);
        var rate = many.Length / clock.Elapsed.TotalSeconds;
        var cpuRate = many.Length / (Cpu() - cpu);
        return new SpeedFigures(train.Count, trainSeconds, 0, 0, many.Length, meanWords, rate, rate, rate, trainCpu, cpuRate, cpuRate, FeatureSet.TextOnly);
    }

    private static ClassificationBenchmarkResult Quality(IReadOnlyList<LabeledStatement> labels, string cacheRoot,
        Func<string, DateOnly?, SpeakerMatch?>? resolveSpeaker, FeatureSet features, Action<string> progress, CancellationToken ct)
    {
        var foldOf = GroupedFolds.Assign(labels.Select(l => (string?)l.ArticleId).ToArray(), 5);
        var folds = foldOf.Max() + 1;
        var n = labels.Count;
        var issue = new TextPrediction[n];
        var stance = new TextPrediction[n];
        var classified = new Statement[n];
        var partyModel = new TextPrediction[n];
        var options = new ClassifierOptions
        {
            Folds = 0,
            CacheDirectory = Path.Combine(cacheRoot, "quality"),
            ResolveSpeaker = resolveSpeaker,
            Features = features,
        };
        for (var f = 0; f < folds; f++)
        {
            ct.ThrowIfCancellationRequested();
            progress($"fold {f + 1}/{folds}");
            var train = labels.Where((_, i) => foldOf[i] != f).ToArray();
            var test = Enumerable.Range(0, n).Where(i => foldOf[i] == f).ToArray();
            using var model = StatementClassifier.Train(train, options, ct);
            var statements = test.Select(i => new Statement
            {
                Id = labels[i].Id,
                ArticleId = labels[i].ArticleId,
                Date = labels[i].Date,
                Text = labels[i].Text,
                Speaker = labels[i].Speaker,
                SpeakerMention = labels[i].Speaker,
            }).ToArray();
            var result = model.Classify(statements);
            // The speaker's party as the classifier found it (gazetteer, else the party head), never the label.
            var stances = model.PredictStance(test.Select(i => labels[i].Text).ToArray(), test.Select(i => labels[i].Issue).ToArray(),
                result.Select(r => r.Party).ToArray());
            var parties = model.PredictParty(test.Select(i => labels[i].Text).ToArray());
            for (var k = 0; k < test.Length; k++)
            {
                classified[test[k]] = result[k];
                stance[test[k]] = stances[k];
                partyModel[test[k]] = parties[k];
            }
        }
        static ClassificationReport Report(IReadOnlyList<string> truth, IReadOnlyList<string> predicted) =>
            ClassificationReport.Compute(truth, predicted,
                predicted.Select(_ => Array.Empty<float>()).ToArray(), []);
        var known = Enumerable.Range(0, n).Where(i => StatementClassifier.IsKnownParty(labels[i].Party)).ToArray();
        return new ClassificationBenchmarkResult(
            n, folds,
            Report(labels.Select(l => l.Issue).ToArray(), classified.Select(c => c.Issue!).ToArray()),
            ClassificationReport.Compute(labels.Select(l => l.Stance).ToArray(), stance.Select(s => s.Label).ToArray(),
                stance.Select(s => s.Probabilities.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (float)p.Value).ToArray()).ToArray(),
                stance[0].Probabilities.Keys.Order(StringComparer.Ordinal).ToArray()),
            Report(labels.Select(l => l.Stance).ToArray(), classified.Select(c => c.Stance!).ToArray()),
            Report(known.Select(i => labels[i].Party).ToArray(), known.Select(i => classified[i].Party).ToArray()),
            Report(known.Select(i => labels[i].Party).ToArray(), known.Select(i => partyModel[i].Label).ToArray()),
            known.Length == 0 ? 0 : (double)known.Count(i => classified[i].PartySource != "model") / known.Length,
            null)
        {
            OutOfFold = Enumerable.Range(0, n).Select(i => new OutOfFoldRow(labels[i], foldOf[i], classified[i].Issue!,
                classified[i].Stances?.FirstOrDefault()?.IssueScore ?? 0, stance[i].Label, stance[i].Score,
                classified[i].Party ?? "", classified[i].PartySource)).ToArray(),
        };
    }

    private static SpeedFigures Speed(IReadOnlyList<LabeledStatement> labels, int rows, string cacheRoot, Action<string> progress, CancellationToken ct)
    {
        // Distinct statements of realistic length: each joins two labelled texts, cut to 20–40 words, keeping the first's labels.
        var train = Compose(labels, rows, salt: 1);
        var trainOptions = new ClassifierOptions { Folds = 0, CacheDirectory = Path.Combine(cacheRoot, "speed-train") };
        progress($"training on {train.Count} statements (empty embedding cache)");
        var clock = Stopwatch.StartNew();
        var cpu = Cpu();
        double embedSeconds;
        using (var embedder = TextClassifier.CreateEmbedder(trainOptions.Head("embeddings")))
        {
            embedder.Embed(train.Select(t => t.Text).ToArray(), ct);
            embedSeconds = clock.Elapsed.TotalSeconds;
        }
        using var model = StatementClassifier.Train(train, trainOptions, ct);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var trainCpu = Cpu() - cpu;

        progress("training one head with 5-fold cross-validation");
        clock.Restart();
        using (TextClassifier.Train(train.Select(t => new LabeledText(t.Text, t.Issue, t.ArticleId)).ToArray(),
                   trainOptions.Head("issue") with { Folds = 5 }, ct))
        { }
        var cvSeconds = clock.Elapsed.TotalSeconds;

        var fresh = Compose(labels, Math.Min(1000, rows), salt: 7).Select(l => new Statement { Id = l.Id, ArticleId = l.ArticleId, Text = l.Text }).ToArray();
        var meanWords = fresh.Average(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        using var cold = StatementClassifier.Train(train, trainOptions with { CacheDirectory = Path.Combine(cacheRoot, "speed-predict"), PersistCache = false }, ct);
        progress($"classifying {fresh.Length} new statements (embeddings computed)");
        clock.Restart();
        cpu = Cpu();
        cold.Classify(fresh);
        var coldRate = fresh.Length / clock.Elapsed.TotalSeconds;
        var coldCpuRate = fresh.Length / (Cpu() - cpu);

        var many = Enumerable.Range(0, 20).SelectMany(_ => fresh).ToArray();
        progress($"classifying {many.Length} statements (embeddings cached)");
        cold.Classify(fresh.Take(10).ToArray());
        clock.Restart();
        cpu = Cpu();
        cold.Classify(many);
        var cachedRate = many.Length / clock.Elapsed.TotalSeconds;
        var cachedCpuRate = many.Length / (Cpu() - cpu);

        using var ngrams = TextClassifier.Train(train.Select(t => new LabeledText(t.Text, t.Issue)).ToArray(),
            new TextClassifierOptions { UseEmbeddings = false, Folds = 0, PersistEmbeddings = false }, ct);
        var texts = many.Select(s => s.Text).ToArray();
        ngrams.Predict(texts.Take(10).ToArray(), ct: ct);
        clock.Restart();
        ngrams.Predict(texts, ct: ct);
        var ngramRate = texts.Length / clock.Elapsed.TotalSeconds;

        return new SpeedFigures(train.Count, trainSeconds, embedSeconds, cvSeconds, fresh.Length, meanWords, coldRate, cachedRate, ngramRate,
            trainCpu, coldCpuRate, cachedCpuRate);
    }

    private static double Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    internal static IReadOnlyList<LabeledStatement> Compose(IReadOnlyList<LabeledStatement> labels, int count, int salt)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<LabeledStatement>(count);
        var random = new Random(salt);
        for (var attempt = 0; result.Count < count && attempt < count * 20; attempt++)
        {
            var a = labels[random.Next(labels.Count)];
            var b = labels[random.Next(labels.Count)];
            var words = $"{a.Text} {b.Text}".Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var text = string.Join(' ', words.Take(random.Next(20, 41)));
            if (seen.Add(text))
                result.Add(a with { Id = $"{a.Id}+{b.Id}", Text = text });
        }
        return result;
    }
}
