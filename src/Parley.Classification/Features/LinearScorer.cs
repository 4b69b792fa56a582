using System.Numerics;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Parley.Classification.Embeddings;
using Parley.Classification.Evaluation;

namespace Parley.Classification.Features;

/// <summary>
/// Scores a trained maximum-entropy head by hand: <c>softmax(W·x + b)</c> over the sparse features of a
/// <see cref="FeatureLayout"/>, with the weights and biases read from ML.NET's <see cref="MaximumEntropyModelParameters"/>.
/// </summary>
/// <remarks>ML.NET's per-row machinery (data views, cursors, getters) costs far more than the few hundred
/// multiply-adds a statement needs; this gives the same probabilities (to float rounding) with no allocation per row.
/// Heads of other kinds (LightGBM) have no scorer and go through ML.NET.</remarks>
internal sealed class LinearScorer
{
    private readonly float[] _weights; // feature-major: _weights[column * Classes + k]
    private readonly float[] _bias;

    private LinearScorer(float[] weights, float[] bias)
    {
        _weights = weights;
        _bias = bias;
        Classes = bias.Length;
    }

    public int Classes { get; }

    /// <summary>The scorer of a fitted pipeline whose last step is a maximum-entropy model (L-BFGS or SDCA); null otherwise.</summary>
    public static LinearScorer? From(ITransformer model, int dimension)
    {
        var last = model is IEnumerable<ITransformer> chain ? chain.LastOrDefault() : model;
        if (last is not ISingleFeaturePredictionTransformer<object> { Model: MaximumEntropyModelParameters maxent })
            return null;
        VBuffer<float>[] rows = [];
        maxent.GetWeights(ref rows, out var classes);
        var bias = maxent.GetBiases().ToArray();
        if (classes != bias.Length || rows.Any(r => r.Length != dimension))
            return null;
        var weights = new float[dimension * classes];
        for (var k = 0; k < classes; k++)
        {
            var row = rows[k];
            var values = row.GetValues();
            if (row.IsDense)
                for (var j = 0; j < values.Length; j++)
                    weights[j * classes + k] = values[j];
            else
            {
                var indices = row.GetIndices();
                for (var j = 0; j < values.Length; j++)
                    weights[indices[j] * classes + k] = values[j];
            }
        }
        return new LinearScorer(weights, bias);
    }

    /// <summary>The logits <c>W·x + b</c> of the text last featurized into <paramref name="s"/> (its tags, when
    /// <paramref name="context"/> is a context of the layout, must be featurized too).</summary>
    /// <remarks>Single precision, as ML.NET computes them.</remarks>
    public void Logits(FeatureLayout layout, NGramScratch s, int context, int condition, float[]? embedding, Span<float> logits)
    {
        var k = Classes;
        var w = _weights;
        _bias.CopyTo(logits);
        for (var i = 0; i < s.Count; i++)
            Add(w, s.Columns[i] * k, s.Values[i], logits);
        AddContextAndEmbedding(layout, s, context, condition, embedding, logits);
    }

    /// <summary>Adds the bias and every feature but the text n-grams (added by a <see cref="SharedTextScorer"/>).</summary>
    public void AddAllButText(FeatureLayout layout, NGramScratch s, int context, int condition, float[]? embedding, Span<float> logits)
    {
        for (var c = 0; c < Classes; c++)
            logits[c] += _bias[c];
        AddContextAndEmbedding(layout, s, context, condition, embedding, logits);
    }

    /// <summary>The weight of text column <paramref name="column"/> for class <paramref name="k"/>.</summary>
    public float TextWeight(int column, int k) => _weights[column * Classes + k];

    private void AddContextAndEmbedding(FeatureLayout layout, NGramScratch s, int context, int condition, float[]? embedding, Span<float> logits)
    {
        var k = Classes;
        var w = _weights;
        if (condition >= 0)
            Add(w, (layout.ConditionOffset + condition) * k, 1f, logits);
        if (context >= 0)
        {
            Add(w, (layout.ContextOffset + context) * k, 1f, logits);
            for (var i = 0; i < s.TagCount; i++)
                Add(w, (layout.TagOffset + s.TagColumns[i]) * k, s.TagValues[i], logits);
        }
        if (layout.Embeddings && embedding is not null)
        {
            AddDense(w, layout.EmbeddingOffset * k, embedding, layout.EmbeddingWeight, logits);
            if (layout.ContextEmbeddings && context >= 0)
                AddDense(w, (layout.ContextEmbeddingOffset + context * SentenceEmbedder.Dimensions) * k, embedding, layout.EmbeddingWeight, logits);
        }
    }

    /// <summary>Calibrated probabilities from logits: ML.NET's softmax, then <see cref="TemperatureScaling.Apply(ReadOnlySpan{float}, double, Span{float})"/>.</summary>
    public static void Probabilities(ReadOnlySpan<float> logits, double temperature, Span<float> probabilities)
    {
        Span<double> z = stackalloc double[logits.Length];
        for (var c = 0; c < logits.Length; c++)
            z[c] = logits[c];
        Span<float> raw = stackalloc float[logits.Length];
        TemperatureScaling.Softmax(z, raw);
        TemperatureScaling.Apply(raw, temperature, probabilities);
    }

    private static void Add(float[] w, int start, float value, Span<float> logits)
    {
        var row = w.AsSpan(start, logits.Length);
        for (var c = 0; c < row.Length; c++)
            logits[c] += row[c] * value;
    }

    private static void AddDense(float[] w, int start, float[] x, float scale, Span<float> logits)
    {
        var k = logits.Length;
        for (var d = 0; d < x.Length; d++)
        {
            var value = x[d] * scale;
            var row = w.AsSpan(start + d * k, k);
            for (var c = 0; c < k; c++)
                logits[c] += row[c] * value;
        }
    }
}

/// <summary>The text n-gram weights of several heads over one shared vocabulary, side by side per column, so one
/// n-gram costs one memory fetch for all heads (the weight tables are megabytes: the fetches dominate), added with
/// SIMD vectors.</summary>
internal sealed class SharedTextScorer
{
    private readonly float[] _weights; // _weights[column * _stride + offset of the head + k], rows padded to whole vectors
    private readonly int _vectors;
    private readonly int _stride;

    public SharedTextScorer(int columns, IReadOnlyList<LinearScorer> heads)
    {
        Width = heads.Sum(h => h.Classes);
        _vectors = (Width + Vector<float>.Count - 1) / Vector<float>.Count;
        _stride = _vectors * Vector<float>.Count;
        _weights = new float[columns * _stride];
        var offset = 0;
        foreach (var head in heads)
        {
            for (var column = 0; column < columns; column++)
                for (var k = 0; k < head.Classes; k++)
                    _weights[column * _stride + offset + k] = head.TextWeight(column, k);
            offset += head.Classes;
        }
    }

    /// <summary>The heads' classes together: the length of the logits this scorer fills.</summary>
    public int Width { get; }

    /// <summary>Sets <paramref name="logits"/> (all heads, side by side) to the text n-grams' contribution.</summary>
    public void TextLogits(NGramScratch s, Span<float> logits)
    {
        var rows = MemoryMarshal.Cast<float, Vector<float>>(_weights.AsSpan());
        Span<Vector<float>> sum = stackalloc Vector<float>[_vectors];
        sum.Clear();
        var columns = s.Columns;
        var values = s.Values;
        for (var i = 0; i < s.Count; i++)
        {
            var row = rows.Slice(columns[i] * _vectors, _vectors);
            var value = new Vector<float>(values[i]);
            for (var v = 0; v < row.Length; v++)
                sum[v] += row[v] * value;
        }
        MemoryMarshal.Cast<Vector<float>, float>(sum)[..Width].CopyTo(logits);
    }
}
