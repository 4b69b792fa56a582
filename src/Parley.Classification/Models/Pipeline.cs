using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;
using Parley.Classification.Embeddings;

namespace Parley.Classification.Models;

/// <summary>One row as the ML.NET pipeline sees it.</summary>
internal sealed class TextRow
{
    public string Text { get; set; } = "";

    /// <summary>A categorical side feature (the issue, for the stance model); empty when unused.</summary>
    public string Context { get; set; } = "";

    /// <summary>The words of <see cref="Text"/> tagged with <see cref="Context"/>; empty when unused.</summary>
    public string ContextWords { get; set; } = "";

    public string Label { get; set; } = "";

    /// <summary>The embedding placed in the block of <see cref="Context"/> (zero elsewhere): per-context embedding weights.</summary>
    [VectorType(ContextBlocks * SentenceEmbedder.Dimensions)]
    public VBuffer<float> ContextEmbedding { get; set; } = new(ContextBlocks * SentenceEmbedder.Dimensions, 0, [], []);

    /// <summary>How many context blocks there are; a context's block is a stable hash of its name.</summary>
    public const int ContextBlocks = 32;

    [VectorType(SentenceEmbedder.Dimensions)]
    public float[] Embedding { get; set; } = new float[SentenceEmbedder.Dimensions];

    public float Weight { get; set; } = 1;
}

/// <summary>Builds and runs the ML.NET pipeline: word and character n-grams + sentence embedding + context → trainer.</summary>
internal static class Pipeline
{
    public static MLContext NewContext()
    {
        var ml = new MLContext(seed: 0);
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmMulticlassTrainer).Assembly);
        return ml;
    }

    public static ITransformer Fit(MLContext ml, IReadOnlyList<TextRow> rows, TextClassifierOptions options)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var features = new List<string> { "NGrams" };
        if (options.UseEmbeddings)
            features.Add("Embedding");
        var conjoin = options.ConjoinContext && rows.Any(r => r.ContextWords.Length > 0);
        if (rows.Any(r => r.Context.Length > 0))
            features.Add("ContextOneHot");
        if (conjoin)
            features.Add("ContextNGrams");
        if (conjoin && options.UseEmbeddings)
            features.Add(nameof(TextRow.ContextEmbedding));
        var contextText = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion
            .MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Text.FeaturizeText("NGrams", text, nameof(TextRow.Text)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("ContextOneHot", nameof(TextRow.Context)));
        if (conjoin)
            pipeline = pipeline.Append(ml.Transforms.Text.FeaturizeText("ContextNGrams", contextText, nameof(TextRow.ContextWords)));
        var full = pipeline
            .Append(ml.Transforms.Concatenate("Features", [.. features]))
            .AppendCacheCheckpoint(ml)
            .Append(Trainer(ml, options));
        return full.Fit(data);
    }

    private static IEstimator<ITransformer> Trainer(MLContext ml, TextClassifierOptions options) => options.Trainer switch
    {
        TrainerKind.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            ExampleWeightColumnName = nameof(TextRow.Weight),
            NumberOfIterations = 200,
            LearningRate = 0.1,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = 5,
            Seed = 0,
            Silent = true,
            NumberOfThreads = 1,
        }),
        TrainerKind.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            ExampleWeightColumnName = nameof(TextRow.Weight),
            // SDCA's L2 is on another scale than L-BFGS's; its own data-driven default works, 0.01 collapses it.
            MaximumNumberOfIterations = 100,
            NumberOfThreads = 1,
        }),
        _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            ExampleWeightColumnName = nameof(TextRow.Weight),
            // L-BFGS's default L1 = L2 = 1 collapses to the majority class on a few hundred rows.
            L1Regularization = 0,
            L2Regularization = (float)options.L2,
            NumberOfThreads = 1,
        }),
    };

    /// <summary>The class labels in score-vector order (the label key values).</summary>
    public static string[] Labels(ITransformer model, MLContext ml)
    {
        var schema = model.GetOutputSchema(ml.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Label"].GetKeyValues(ref names);
        return names.DenseValues().Select(v => v.ToString()).ToArray();
    }

    /// <summary>The raw class probabilities of each row, in label-key order.</summary>
    /// <remarks>Large batches are cut into one chunk per core and scored in parallel (transformers are thread-safe);
    /// the result does not depend on the chunking.</remarks>
    public static float[][] Scores(MLContext ml, ITransformer model, IReadOnlyList<TextRow> rows)
    {
        var result = new float[rows.Count][];
        const int minChunk = 1024;
        var chunks = Math.Clamp(rows.Count / minChunk, 1, Environment.ProcessorCount);
        var size = (rows.Count + chunks - 1) / chunks;
        Parallel.For(0, chunks, c =>
        {
            var start = c * size;
            var count = Math.Min(size, rows.Count - start);
            if (count > 0)
                ScoreRange(ml, model, rows, start, count, result);
        });
        return result;
    }

    private static void ScoreRange(MLContext ml, ITransformer model, IReadOnlyList<TextRow> rows, int start, int count, float[][] result)
    {
        var slice = new TextRow[count];
        for (var i = 0; i < count; i++)
            slice[i] = rows[start + i];
        var output = model.Transform(ml.Data.LoadFromEnumerable(slice));
        using var cursor = output.GetRowCursor([output.Schema["Score"]]);
        var getter = cursor.GetGetter<VBuffer<float>>(output.Schema["Score"]);
        VBuffer<float> score = default;
        var n = start;
        while (cursor.MoveNext())
        {
            getter(ref score);
            result[n++] = score.DenseValues().ToArray();
        }
    }
}
