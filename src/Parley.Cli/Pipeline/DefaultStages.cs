using System.Security.Cryptography;
using Parley.Articles;
using Parley.Classification.Statements;
using Parley.Positions;
using Parley.Serialization;
using Parley.Statements;
using Parley.Store;
using Parley.Store.Pipeline;

namespace Parley.Cli.Pipeline;

/// <summary>The real stages behind the pipeline's seams: the extractor, the statement finder, the classifier, positions and the report.</summary>
internal static class DefaultStages
{
    /// <param name="modelPath">A saved statement model, or null for the default model (trained from the labels on first use, then cached).</param>
    /// <param name="message">Where the classifier's progress lines go.</param>
    public static PipelineStages Create(string? modelPath, Action<string> message) => new(
        new FileListing(),
        () => new ArticleStage(new ArticleExtractor()),
        () => new StatementStage(new StatementExtractor()),
        ct => LoadClassifierAsync(modelPath, message, ct),
        new ReportStage());

    private static async Task<IClassifierStage> LoadClassifierAsync(string? modelPath, Action<string> message, CancellationToken ct)
    {
        if (modelPath is not null)
        {
            var bytes = await File.ReadAllBytesAsync(modelPath, ct);
            var id = "file-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
            return new ClassifierStage(StatementClassifier.Load(modelPath), id);
        }
        var classifier = await StatementClassifier.LoadOrTrainDefaultAsync(new ClassifierOptions { Progress = message }, ct);
        var card = classifier.Card;
        // Same labels, taxonomy, trainer and format give the same model (training is seeded), so the same id.
        var modelId = "default-" + ContentKey.Of(card.Name, card.TrainingDataHash, card.TaxonomyFingerprint, card.Trainer,
            card.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))[..16];
        return new ClassifierStage(classifier, modelId);
    }

    /// <summary>Every file under the corpus folder (recursively), or the one file given, in ordinal path order.</summary>
    private sealed class FileListing : ICorpusListing
    {
        public IReadOnlyList<string> Expand(string corpus) =>
            File.Exists(corpus) ? [Path.GetFullPath(corpus)]
            : [.. Directory.EnumerateFiles(Path.GetFullPath(corpus), "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None })
                .Where(p => !Path.GetFileName(p).StartsWith('.'))
                .Order(StringComparer.Ordinal)];
    }

    private sealed class ArticleStage(ArticleExtractor extractor) : IArticleStage
    {
        public ExtractedItem Extract(ReadOnlyMemory<byte> bytes, string source)
        {
            var result = extractor.ExtractBytes(bytes, source);
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

        public IReadOnlyList<Statement> Classify(IReadOnlyList<Statement> batch) => batch.Count == 0 ? [] : classifier.Classify(batch);

        public void Dispose() => classifier.Dispose();
    }

    /// <summary>Positions from <see cref="PositionSeries"/>; the CSVs of positions and classified statements.</summary>
    private sealed class ReportStage : IReportStage
    {
        public IReadOnlyList<Position> Positions(IEnumerable<Statement> classified) => PositionSeries.Compute(classified);

        public async Task<string> WriteAsync(IReadOnlyList<Statement> classified, IReadOnlyList<Position> positions, string outDir, CancellationToken ct)
        {
            Directory.CreateDirectory(outDir);
            await using (var writer = new StreamWriter(Path.Combine(outDir, "positions.csv")))
                PositionSeries.WriteCsv(positions, writer);
            var statements = Path.Combine(outDir, "statements.jsonl");
            await using (var writer = new StreamWriter(statements))
                foreach (var s in classified) await writer.WriteLineAsync(ParleyJson.ToLine(s).AsMemory(), ct);
            return Path.Combine(outDir, "positions.csv");
        }
    }
}
