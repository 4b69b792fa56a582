using System.Security.Cryptography;
using Parley.Articles;
using Parley.Charts;
using Parley.Classification;
using Parley.Classification.Statements;
using Parley.Positions;
using Parley.Statements;
using Parley.Store;
using Parley.Store.Pipeline;

namespace Parley.Cli.Pipeline;

/// <summary>The real stages behind the pipeline's seams: the extractor, the statement finder, the classifier, positions and the report.</summary>
internal static class DefaultStages
{
    /// <param name="modelPath">A saved statement model, or null for the default model (trained from the labels on first use, then cached).</param>
    /// <param name="message">Where the classifier's progress lines go.</param>
    /// <param name="urls">For a fetched corpus: each page file's full path → the URL it was fetched from.</param>
    /// <param name="features">The default model's features (ignored with a saved model).</param>
    public static PipelineStages Create(string? modelPath, Action<string> message, IReadOnlyDictionary<string, string>? urls = null,
        FeatureSet features = FeatureSet.TextAndEmbeddings)
    {
        var report = new ReportStage();
        return new(
            new FileListing(),
            () => new ArticleStage(new ArticleExtractor(), urls),
            () => new StatementStage(new StatementExtractor()),
            async ct =>
            {
                var classifier = await LoadClassifierAsync(modelPath, message, features, ct);
                report.ModelCard = classifier.Card;
                return classifier;
            },
            report);
    }

    private static async Task<ClassifierStage> LoadClassifierAsync(string? modelPath, Action<string> message, FeatureSet features, CancellationToken ct)
    {
        if (modelPath is not null)
        {
            var bytes = await File.ReadAllBytesAsync(modelPath, ct);
            var id = "file-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
            return new ClassifierStage(StatementClassifier.Load(modelPath), id);
        }
        var classifier = await StatementClassifier.LoadOrTrainDefaultAsync(new ClassifierOptions { Progress = message, Features = features }, ct);
        var card = classifier.Card;
        // Same labels, taxonomy, trainer and format give the same model (training is seeded), so the same id.
        var modelId = "default-" + ContentKey.Of(card.Name, card.TrainingDataHash, card.TaxonomyFingerprint, card.Trainer,
            card.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))[..16];
        return new ClassifierStage(classifier, modelId);
    }

    /// <summary>The article files of the corpus (<see cref="ArticleFiles.Expand"/>: recursive, sorted, stable).</summary>
    private sealed class FileListing : ICorpusListing
    {
        public IReadOnlyList<string> Expand(string corpus) => ArticleFiles.Expand([corpus]);
    }

    private sealed class ArticleStage(ArticleExtractor extractor, IReadOnlyDictionary<string, string>? urls) : IArticleStage
    {
        public ExtractedItem Extract(ReadOnlyMemory<byte> bytes, string source)
        {
            var result = extractor.ExtractBytes(bytes, source, urls?.GetValueOrDefault(Path.GetFullPath(source)));
            return new ExtractedItem(result.Source, result.Succeeded ? result.Article : null, result.Succeeded ? null : result.Error ?? "no article found");
        }
    }

    private sealed class StatementStage(StatementExtractor extractor) : IStatementStage
    {
        public IReadOnlyList<Statement> Extract(Article article) => extractor.Extract(article);
    }

    private sealed class ClassifierStage(StatementClassifier classifier, string modelId) : IClassifierStage, IDisposable
    {
        public string ModelId => modelId;

        public ModelCard Card => classifier.Card;

        public IReadOnlyList<Statement> Classify(IReadOnlyList<Statement> batch) => batch.Count == 0 ? [] : classifier.Classify(batch);

        public void Dispose() => classifier.Dispose();
    }

    /// <summary>Positions from <see cref="PositionSeries"/>; the HTML report and its CSVs from <see cref="Report"/>.</summary>
    private sealed class ReportStage : IReportStage
    {
        public ModelCard? ModelCard { get; set; }

        public IReadOnlyList<Position> Positions(IEnumerable<Statement> classified) => PositionSeries.Compute(classified);

        public async Task<string> WriteAsync(IReadOnlyList<Statement> classified, IReadOnlyList<Position> positions, string outDir, CancellationToken ct)
        {
            var result = await Report.WriteAsync(classified, outDir, new ReportOptions { ModelCard = ModelCard }, ct);
            return result.ReportPath;
        }
    }
}
