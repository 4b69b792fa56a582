using Parley.Articles;
using Parley.Positions;
using Parley.Statements;

namespace Parley.Store;

/// <summary>How <see cref="CorpusStore.OpenAsync"/> opens the database.</summary>
public sealed record CorpusStoreOptions
{
    /// <summary>Where the times written to the <c>runs</c> table and the lock-wait clock come from.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether to wait for another process to release the database instead of failing.</summary>
    /// <value>Defaults to false: opening a store another process holds throws <see cref="StoreInUseException"/>.</value>
    public bool WaitForLock { get; init; }

    /// <summary>How often to try again while waiting for the lock.</summary>
    /// <value>Defaults to one second.</value>
    public TimeSpan LockPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>DuckDB's memory limit for this connection (its buffer pool; the store spills to disk beyond it).</summary>
    /// <value>Defaults to "512MB", so the store's share of a long run stays flat as the database grows.</value>
    public string MemoryLimit { get; init; } = "512MB";

    /// <summary>Called once when the store is found locked and <see cref="WaitForLock"/> is set (e.g. to tell the user).</summary>
    /// <value>Defaults to null.</value>
    public Action<StoreInUseException>? OnWaiting { get; init; }
}

/// <summary>What became of one input file, recorded in the store's ledger in the same transaction as its rows.</summary>
/// <param name="Key">Content key of the input: a hash of its path, size, modification time and the model id.</param>
/// <param name="Path">The input path.</param>
/// <param name="Outcome"><c>extracted</c>, <c>duplicate</c> (its article was already stored) or <c>failed</c>.</param>
/// <param name="ArticleId">The article id when extraction succeeded.</param>
/// <param name="Error">Why extraction failed.</param>
public sealed record SourceOutcome(string Key, string Path, string Outcome, string? ArticleId = null, string? Error = null);

/// <summary>One batch of work to commit atomically: what was extracted, found and classified from a set of inputs.</summary>
/// <param name="RunId">The run committing the batch.</param>
/// <param name="BatchNumber">The batch's number within the run, from 1.</param>
/// <param name="ModelId">The classifier's id; classifications are keyed by statement and model.</param>
/// <param name="Articles">Extracted articles (duplicates are ignored by id).</param>
/// <param name="Statements">Classified statements of those articles.</param>
/// <param name="Sources">The ledger rows: one per input file in the batch.</param>
public sealed record StoreBatch(
    string RunId,
    int BatchNumber,
    string ModelId,
    IReadOnlyList<Article> Articles,
    IReadOnlyList<Statement> Statements,
    IReadOnlyList<SourceOutcome> Sources);

/// <summary>How many rows a committed batch added (rows already present are not counted).</summary>
/// <param name="Articles">New articles.</param>
/// <param name="Statements">New statements.</param>
/// <param name="Classifications">New classifications.</param>
public sealed record BatchCommit(int Articles, int Statements, int Classifications);

/// <summary>Row counts of the store's tables.</summary>
/// <param name="Articles">Rows in <c>articles</c>.</param>
/// <param name="Statements">Rows in <c>statements</c>.</param>
/// <param name="Classifications">Rows in <c>classifications</c>.</param>
/// <param name="Positions">Rows in <c>positions</c>.</param>
/// <param name="Runs">Rows in <c>runs</c>.</param>
/// <param name="Sources">Rows in the <c>sources</c> ledger.</param>
public sealed record StoreCounts(long Articles, long Statements, long Classifications, long Positions, long Runs, long Sources);

/// <summary>What a run was given, written to the <c>runs</c> table when it starts.</summary>
/// <param name="Corpus">The corpus folder or inputs.</param>
/// <param name="ModelId">The classifier's id (name and data hash).</param>
/// <param name="CodeVersion">The version of the code that ran (assembly informational version).</param>
/// <param name="BatchSize">Articles per batch.</param>
public sealed record RunStart(string Corpus, string ModelId, string CodeVersion, int BatchSize);

/// <summary>What a run did, written to the <c>runs</c> table when it ends.</summary>
/// <param name="Status"><c>completed</c>, <c>failed</c> (something could not be processed) or <c>cancelled</c>.</param>
/// <param name="Files">Input files found.</param>
/// <param name="AlreadyStored">Inputs skipped because an earlier run stored them.</param>
/// <param name="Read">Inputs read in this run.</param>
/// <param name="Extracted">Articles extracted.</param>
/// <param name="Failed">Inputs that failed.</param>
/// <param name="Duplicates">Articles already in the store under the same id.</param>
/// <param name="Statements">Statements found.</param>
/// <param name="Positions">Positions computed.</param>
public sealed record RunEnd(
    string Status, int Files, int AlreadyStored, int Read, int Extracted, int Failed, int Duplicates, int Statements, int Positions);

/// <summary>The formats <see cref="CorpusStore.ExportAsync"/> writes.</summary>
public enum ExportFormat
{
    /// <summary>Parquet, partitioned by month (<c>table/month=2025-04/data_0.parquet</c>).</summary>
    Parquet,
    /// <summary>One CSV file per table, with a header.</summary>
    Csv,
}

/// <summary>The positions of one model, replacing that model's earlier positions.</summary>
/// <param name="ModelId">The classifier's id.</param>
/// <param name="Positions">All positions computed from the store's classified statements.</param>
public sealed record PositionSet(string ModelId, IReadOnlyList<Position> Positions);
