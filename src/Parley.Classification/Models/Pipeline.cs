using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;
using Parley.Classification.Features;

namespace Parley.Classification.Models;

/// <summary>One row as the ML.NET pipeline sees it: the features of a <see cref="FeatureLayout"/>, a label and a weight.</summary>
internal sealed class TextRow
{
    public VBuffer<float> Features { get; set; }

    public string Label { get; set; } = "";

    public float Weight { get; set; } = 1;
}

/// <summary>Builds and runs the ML.NET pipeline: label → key, then the trainer over the precomputed features.</summary>
/// <remarks>Featurization is Parley's own (<see cref="FeatureLayout"/>), done once per text for every head; ML.NET
/// learns from its vectors.</remarks>
internal static class Pipeline
{
    public static MLContext NewContext()
    {
        var ml = new MLContext(seed: 0);
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmMulticlassTrainer).Assembly);
        return ml;
    }

    /// <summary>The schema of rows whose feature vector has <paramref name="dimension"/> columns.</summary>
    public static SchemaDefinition Schema(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(TextRow));
        schema[nameof(TextRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return schema;
    }

    public static IDataView Load(MLContext ml, IEnumerable<TextRow> rows, int dimension) =>
        ml.Data.LoadFromEnumerable(rows, Schema(dimension));

    public static ITransformer Fit(MLContext ml, IReadOnlyList<TextRow> rows, int dimension, TextClassifierOptions options)
    {
        var pipeline = ml.Transforms.Conversion
            .MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .AppendCacheCheckpoint(ml)
            .Append(Trainer(ml, options));
        return pipeline.Fit(Load(ml, rows, dimension));
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
    public static string[] Labels(ITransformer model, MLContext ml, int dimension)
    {
        var schema = model.GetOutputSchema(Load(ml, [], dimension).Schema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Label"].GetKeyValues(ref names);
        return names.DenseValues().Select(v => v.ToString()).ToArray();
    }

    /// <summary>The raw class probabilities of each row, in label-key order.</summary>
    /// <remarks>Large batches are cut into one chunk per core and scored in parallel (transformers are thread-safe);
    /// the result does not depend on the chunking.</remarks>
    public static float[][] Scores(MLContext ml, ITransformer model, IReadOnlyList<TextRow> rows, int dimension)
    {
        var result = new float[rows.Count][];
        ForChunks(rows.Count, (start, count) => ScoreRange(ml, model, rows, start, count, dimension, result));
        return result;
    }

    /// <summary>Runs <paramref name="body"/> over consecutive ranges of <paramref name="count"/> items, one range per
    /// core when there are at least 1,024 items per range, in parallel.</summary>
    public static void ForChunks(int count, Action<int, int> body)
    {
        const int minChunk = 1024;
        var chunks = Math.Clamp(count / minChunk, 1, Environment.ProcessorCount);
        var size = (count + chunks - 1) / chunks;
        if (chunks == 1)
        {
            body(0, count);
            return;
        }
        Parallel.For(0, chunks, c =>
        {
            var start = c * size;
            var n = Math.Min(size, count - start);
            if (n > 0)
                body(start, n);
        });
    }

    private static void ScoreRange(MLContext ml, ITransformer model, IReadOnlyList<TextRow> rows, int start, int count, int dimension, float[][] result)
    {
        var slice = new TextRow[count];
        for (var i = 0; i < count; i++)
            slice[i] = rows[start + i];
        var output = model.Transform(Load(ml, slice, dimension));
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
