using Parley.Classification.Embeddings;

namespace Parley.Classification.Tests.Embeddings;

public sealed class EmbeddingCacheTests
{
    [Fact]
    public void A_second_run_reads_embeddings_from_disk_instead_of_the_model()
    {
        using var dir = new TempDirectory();
        string[] texts = ["The talks resumed in Geneva.", "Nobody expects a deal this week.", "The talks resumed in Geneva."];

        float[][] first;
        using (var embedder = new SentenceEmbedder(new EmbeddingCache(dir.Path)))
        {
            first = embedder.Embed(texts, TestContext.Current.CancellationToken);
            Assert.Equal(2, embedder.Computed);
        }
        using var again = new SentenceEmbedder(new EmbeddingCache(dir.Path));
        var second = again.Embed(texts, TestContext.Current.CancellationToken);

        Assert.Equal(0, again.Computed);
        Assert.Equal(first.Select(v => v.ToArray()), second);
        Assert.Equal(SentenceEmbedder.Dimensions, second[0].Length);
        Assert.Equal(1, Math.Sqrt(second[1].Sum(x => x * x)), 3);
    }

    [Fact]
    public void Similar_sentences_embed_closer_than_unrelated_ones()
    {
        using var embedder = new SentenceEmbedder(new EmbeddingCache());
        var v = embedder.Embed(["Russia rejects the ceasefire proposal.", "Moscow turned down the truce plan.", "The recipe needs two eggs and flour."], TestContext.Current.CancellationToken);

        static double Cos(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
        Assert.True(Cos(v[0], v[1]) > Cos(v[0], v[2]) + 0.2);
    }
}
