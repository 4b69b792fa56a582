using Parley.Articles;
using Parley.Positions;
using Parley.Statements;

namespace Parley.Store.Pipeline;

/// <summary>What extraction made of one input: an article, or why there is none.</summary>
internal sealed record ExtractedItem(string Source, Article? Article, string? Error);

/// <summary>Lists the input files of a corpus, sorted and stable.</summary>
internal interface ICorpusListing
{
    IReadOnlyList<string> Expand(string corpus);
}

/// <summary>Turns the bytes of one input into an article. One instance per worker thread.</summary>
internal interface IArticleStage
{
    ExtractedItem Extract(ReadOnlyMemory<byte> bytes, string source);
}

/// <summary>Finds the statements in one article. One instance per worker thread.</summary>
internal interface IStatementStage
{
    IReadOnlyList<Statement> Extract(Article article);
}

/// <summary>Classifies a batch of statements (issue, stance, party where unknown).</summary>
internal interface IClassifierStage
{
    /// <summary>Identifies the model: classifications are stored per model.</summary>
    string ModelId { get; }

    IReadOnlyList<Statement> Classify(IReadOnlyList<Statement> batch);
}

/// <summary>Positions and the report from the classified statements.</summary>
internal interface IReportStage
{
    IReadOnlyList<Position> Positions(IEnumerable<Statement> classified);

    /// <summary>Writes the report and returns the path of its HTML page.</summary>
    Task<string> WriteAsync(IReadOnlyList<Statement> classified, IReadOnlyList<Position> positions, string outDir, CancellationToken ct);
}

/// <summary>The stages <see cref="RunPipeline"/> composes: the seams between the store and the colleagues' stages.</summary>
internal sealed record PipelineStages(
    ICorpusListing Corpus,
    Func<IArticleStage> NewArticleStage,
    Func<IStatementStage> NewStatementStage,
    Func<CancellationToken, Task<IClassifierStage>> LoadClassifierAsync,
    IReportStage Report);
