using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DuckDB.NET.Data;
using Parley.Articles;
using Parley.Positions;
using Parley.Serialization;
using Parley.Statements;

namespace Parley.Store;

/// <summary>
/// The corpus store: an embedded DuckDB database of articles, statements, classifications, positions and runs.
/// </summary>
/// <remarks>
/// <para>Content rows are keyed by content hashes (article id, statement id, statement id + model id), and every write is
/// <c>INSERT OR IGNORE</c>, so storing the same inputs twice adds nothing. Each batch is one transaction that also writes
/// the <c>sources</c> ledger, so a run killed at any point leaves whole batches behind and the next run skips exactly
/// the inputs those batches covered.</para>
/// <para>DuckDB lets one process hold a database file; opening a store that another process holds throws
/// <see cref="StoreInUseException"/> naming that process (or waits, with <see cref="CorpusStoreOptions.WaitForLock"/>).
/// One instance is not safe for concurrent use from several threads.</para>
/// </remarks>
/// <example>
/// <code>
/// await using var store = await CorpusStore.OpenAsync("out/parley.duckdb");
/// var counts = await store.CountAsync();
/// await store.ExportAsync("export", ExportFormat.Parquet);
/// </code>
/// </example>
public sealed class CorpusStore : IAsyncDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly TimeProvider _time;

    private CorpusStore(string path, DuckDBConnection connection, TimeProvider time)
    {
        Path = path;
        _connection = connection;
        _time = time;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    /// <exception cref="StoreInUseException">Another process holds the database and waiting was not asked for.</exception>
    public static async Task<CorpusStore> OpenAsync(string path, CorpusStoreOptions? options = null, CancellationToken ct = default)
    {
        options ??= new CorpusStoreOptions();
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        bool told = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var connection = new DuckDBConnection($"Data Source={full}");
            try
            {
                await connection.OpenAsync(ct);
                var store = new CorpusStore(full, connection, options.Time);
                if (!System.Text.RegularExpressions.Regex.IsMatch(options.MemoryLimit, @"^\d+(\.\d+)?\s*[KMGT]?i?B$", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
                    throw new ArgumentException($"'{options.MemoryLimit}' is not a memory size such as 512MB.", nameof(options));
                // DuckDB checkpoints whenever the write-ahead log passes 16 MB by default, and each checkpoint costs more
                // as the tables and their key indexes grow: at 50,000 articles the commits, not the inserts, made the
                // store's cost grow faster than the corpus. A 1 GB log means a few checkpoints per large run.
                await store.ExecuteAsync($"SET memory_limit = '{options.MemoryLimit}'; SET checkpoint_threshold = '1GB'; " + Schema.Create, ct);
                return store;
            }
            catch (DuckDBException ex) when (StoreInUseException.IsLockConflict(ex, out var pid))
            {
                await connection.DisposeAsync();
                var inUse = new StoreInUseException(full, pid, ex);
                if (!options.WaitForLock) throw inUse;
                if (!told) options.OnWaiting?.Invoke(inUse);
                told = true;
                await Task.Delay(options.LockPollInterval, options.Time, ct);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Marks runs left "running" by a process that died as "interrupted".</summary>
    /// <returns>How many runs were marked.</returns>
    public async Task<int> MarkInterruptedRunsAsync(CancellationToken ct = default)
    {
        await using var cmd = Command("UPDATE runs SET status = 'interrupted' WHERE status = 'running'");
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records the start of a run and returns its id.</summary>
    public async Task<string> BeginRunAsync(RunStart start, CancellationToken ct = default)
    {
        var now = _time.GetUtcNow();
        // Runs are events, not content: a time-ordered unique id, never a content hash.
        var runId = Guid.CreateVersion7(now).ToString("N");
        await using var cmd = Command(
            "INSERT INTO runs (run_id, started_at, status, corpus, model_id, code_version, batch_size, batches) " +
            "VALUES ($1, $2, 'running', $3, $4, $5, $6, 0)",
            runId, now.UtcDateTime, start.Corpus, start.ModelId, start.CodeVersion, start.BatchSize);
        await cmd.ExecuteNonQueryAsync(ct);
        return runId;
    }

    /// <summary>Records how a run ended.</summary>
    public async Task FinishRunAsync(string runId, RunEnd end, CancellationToken ct = default)
    {
        await using var cmd = Command(
            "UPDATE runs SET finished_at = $2, status = $3, files = $4, already_stored = $5, read = $6, extracted = $7, " +
            "failed = $8, duplicates = $9, statements = $10, positions = $11 WHERE run_id = $1",
            runId, _time.GetUtcNow().UtcDateTime, end.Status, end.Files, end.AlreadyStored, end.Read, end.Extracted,
            end.Failed, end.Duplicates, end.Statements, end.Positions);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Which of the given source keys an earlier batch already committed (as extracted or duplicate).</summary>
    /// <remarks>Inputs that failed are not returned: they are tried again on the next run, and fail visibly again if they still cannot be read.</remarks>
    public async Task<IReadOnlySet<string>> FindStoredSourcesAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0) return found;
        await using var cmd = Command($"SELECT key FROM sources WHERE outcome <> 'failed' AND key IN ({Placeholders(keys.Count)})", [.. keys]);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return found;
    }

    /// <summary>Which of the given article ids are already stored.</summary>
    public async Task<IReadOnlySet<string>> FindStoredArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0) return found;
        await using var cmd = Command($"SELECT id FROM articles WHERE id IN ({Placeholders(ids.Count)})", [.. ids]);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return found;
    }

    /// <summary>Writes one batch — articles, statements, classifications and its ledger rows — in one transaction.</summary>
    /// <remarks>Rows whose key is already stored are left as they are. Either the whole batch is committed or none of it.</remarks>
    public async Task<BatchCommit> CommitBatchAsync(StoreBatch batch, CancellationToken ct = default)
    {
        var committedAt = _time.GetUtcNow().UtcDateTime;
        await using var tx = await _connection.BeginTransactionAsync(ct);
        try
        {
            using (var appender = _connection.CreateAppender("temp", "main", "stage_articles"))
                foreach (var a in batch.Articles.DistinctBy(a => a.Id)) AppendArticle(appender, a);
            using (var appender = _connection.CreateAppender("temp", "main", "stage_statements"))
                foreach (var s in batch.Statements.DistinctBy(s => s.Id)) AppendStatement(appender, s);
            using (var appender = _connection.CreateAppender("temp", "main", "stage_classifications"))
                foreach (var s in batch.Statements.DistinctBy(s => s.Id).Where(s => s.Issue is not null || s.Stance is not null))
                    AppendClassification(appender, s, batch.ModelId);
            using (var appender = _connection.CreateAppender("temp", "main", "stage_sources"))
                foreach (var src in batch.Sources.DistinctBy(s => s.Key))
                    appender.CreateRow().AppendValue(src.Key).AppendValue(src.Path).AppendValue(src.Outcome)
                        .AppendValue(src.ArticleId).AppendValue(src.Error).AppendValue(batch.RunId)
                        .AppendValue((int?)batch.BatchNumber).AppendValue((DateTime?)committedAt).EndRow();

            int articles = await MoveAsync("articles", "stage_articles", ct);
            int statements = await MoveAsync("statements", "stage_statements", ct);
            int classifications = await MoveAsync("classifications", "stage_classifications", ct);
            await MoveAsync("sources", "stage_sources", ct);
            await using (var cmd = Command("UPDATE runs SET batches = greatest(coalesce(batches, 0), $2) WHERE run_id = $1",
                             batch.RunId, batch.BatchNumber))
                await cmd.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return new BatchCommit(articles, statements, classifications);
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            await ExecuteAsync("DELETE FROM stage_articles; DELETE FROM stage_statements; DELETE FROM stage_classifications; DELETE FROM stage_sources;", CancellationToken.None);
            throw;
        }
    }

    /// <summary>Replaces the positions of one model with a newly computed set, in one transaction.</summary>
    public async Task ReplacePositionsAsync(PositionSet set, CancellationToken ct = default)
    {
        await using var tx = await _connection.BeginTransactionAsync(ct);
        await using (var del = Command("DELETE FROM positions WHERE model_id = $1", set.ModelId))
            await del.ExecuteNonQueryAsync(ct);
        using (var appender = _connection.CreateAppender("positions"))
        {
            foreach (var p in set.Positions.DistinctBy(p => (p.Party, p.Issue, p.PeriodStart, p.PeriodEnd)))
            {
                var start = p.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var end = p.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                appender.CreateRow()
                    .AppendValue(ContentKey.Of("position", set.ModelId, p.Party, p.Issue, start, end))
                    .AppendValue(set.ModelId).AppendValue(p.Party).AppendValue(p.Issue)
                    .AppendValue((DateOnly?)p.PeriodStart).AppendValue((DateOnly?)p.PeriodEnd)
                    .AppendValue((double?)p.Value).AppendValue((double?)p.Low).AppendValue((double?)p.High)
                    .AppendValue((int?)p.Count).AppendValue((double?)p.EffectiveCount)
                    .AppendValue(Json(p.Outlets)).AppendValue(Json(p.StatementIds))
                    .EndRow();
            }
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Streams the statements classified by one model, with their classification, in date then id order.</summary>
    /// <remarks>Party is the classified party (the gazetteer's, or the model's where the gazetteer did not know).</remarks>
    public async IAsyncEnumerable<Statement> ReadClassifiedStatementsAsync(string modelId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var cmd = Command(
            "SELECT s.id, s.article_id, s.source, s.url, s.site, s.date, s.published, s.kind, s.text, s.start_offset, s.end_offset, " +
            "s.cue, s.cue_start, s.cue_end, s.speaker_mention, s.speaker_mention_start, s.speaker_mention_end, s.speaker, s.actor_id, " +
            "coalesce(c.party, s.party), s.anonymous, s.confidence, c.issue, c.stance, c.stance_score, c.party_source, c.stances " +
            "FROM statements s JOIN classifications c ON c.statement_id = s.id AND c.model_id = $1 ORDER BY s.date NULLS LAST, s.id",
            modelId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return new Statement
            {
                Id = r.GetString(0),
                ArticleId = r.GetString(1),
                Source = Str(r, 2),
                Url = Str(r, 3),
                Site = Str(r, 4),
                Date = r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5),
                Published = ArticleDate.TryParse(Str(r, 6), out var published) ? published : null,
                Kind = Enum.TryParse<StatementKind>(Str(r, 7), ignoreCase: true, out var kind) ? kind : StatementKind.Quote,
                Text = r.GetString(8),
                Start = r.GetInt32(9),
                End = r.GetInt32(10),
                Cue = Str(r, 11),
                CueStart = Int(r, 12),
                CueEnd = Int(r, 13),
                SpeakerMention = Str(r, 14),
                SpeakerMentionStart = Int(r, 15),
                SpeakerMentionEnd = Int(r, 16),
                Speaker = Str(r, 17),
                ActorId = Str(r, 18),
                Party = Str(r, 19) ?? Taxonomy.UnknownParty,
                Anonymous = !r.IsDBNull(20) && r.GetBoolean(20),
                Confidence = r.IsDBNull(21) ? 0 : r.GetDouble(21),
                Issue = Str(r, 22),
                Stance = Str(r, 23),
                StanceScore = r.IsDBNull(24) ? null : r.GetDouble(24),
                PartySource = Str(r, 25),
                Stances = Str(r, 26) is { } json ? JsonSerializer.Deserialize<List<IssueStance>>(json, ParleyJson.Options) : null,
            };
        }
    }

    /// <summary>Counts the rows of every table.</summary>
    public async Task<StoreCounts> CountAsync(CancellationToken ct = default)
    {
        await using var cmd = Command(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM statements), (SELECT count(*) FROM classifications), " +
            "(SELECT count(*) FROM positions), (SELECT count(*) FROM runs), (SELECT count(*) FROM sources)");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new StoreCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
    }

    /// <summary>Exports every table to <paramref name="directory"/>: Parquet partitioned by month, or one CSV per table.</summary>
    /// <remarks>
    /// Parquet goes to <c>DIR/&lt;table&gt;/month=YYYY-MM/data_0.parquet</c> (hive partitioning; articles by publication
    /// month, statements and classifications by the statement's date, positions by period start, runs by start; rows
    /// without a date under <c>month=undated</c>); an earlier export of the same table is replaced.
    /// CSV goes to <c>DIR/&lt;table&gt;.csv</c> with a header. List-valued columns (authors, paragraphs, stances, outlets,
    /// statement ids) are JSON text.
    /// </remarks>
    /// <returns>The paths written, one per table.</returns>
    public async Task<IReadOnlyList<string>> ExportAsync(string directory, ExportFormat format, CancellationToken ct = default)
    {
        var dir = System.IO.Path.GetFullPath(directory);
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        foreach (var (table, query) in Schema.Exports)
        {
            ct.ThrowIfCancellationRequested();
            if (format == ExportFormat.Parquet)
            {
                var target = System.IO.Path.Combine(dir, table);
                if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
                await ExecuteAsync($"COPY ({query}) TO {Literal(target)} (FORMAT PARQUET, PARTITION_BY (month), OVERWRITE_OR_IGNORE)", ct);
                written.Add(target);
            }
            else
            {
                var target = System.IO.Path.Combine(dir, table + ".csv");
                await ExecuteAsync($"COPY (SELECT * FROM {table}) TO {Literal(target)} (FORMAT CSV, HEADER)", ct);
                written.Add(target);
            }
        }
        return written;
    }

    /// <summary>Runs a query and returns its rows as dictionaries (for notebooks and tests; not for large results).</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, CancellationToken ct = default)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        await using var cmd = Command(sql);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (int i = 0; i < r.FieldCount; i++) row[r.GetName(i)] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Checkpoints and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
    }

    private async Task<int> MoveAsync(string table, string stage, CancellationToken ct)
    {
        // Staged rows are distinct by key (the caller's first row of each key wins), so only rows stored earlier conflict.
        await using var cmd = Command($"INSERT OR IGNORE INTO {table} SELECT * FROM {stage}");
        int moved = await cmd.ExecuteNonQueryAsync(ct);
        await ExecuteAsync($"DELETE FROM {stage}", ct);
        return moved;
    }

    private static void AppendArticle(DuckDBAppender appender, Article a) =>
        appender.CreateRow()
            .AppendValue(a.Id).AppendValue(a.Source).AppendValue(a.Url).AppendValue(a.CanonicalUrl).AppendValue(a.Site)
            .AppendValue(a.Title).AppendValue(a.Subtitle).AppendValue(Json(a.Authors))
            .AppendValue(a.Published?.ToString()).AppendValue((DateOnly?)a.Published?.Day)
            .AppendValue(a.Modified?.ToString()).AppendValue(a.Language).AppendValue(Json(a.Paragraphs)).AppendValue(a.Text)
            .AppendValue(a.SyndicatedFrom).AppendValue(a.Copyright).AppendValue((int?)a.WordCount).AppendValue(Json(a.Warnings))
            .EndRow();

    private static void AppendStatement(DuckDBAppender appender, Statement s) =>
        appender.CreateRow()
            .AppendValue(s.Id).AppendValue(s.ArticleId).AppendValue(s.Source).AppendValue(s.Url).AppendValue(s.Site)
            .AppendValue(s.Date).AppendValue(s.Published?.ToString()).AppendValue(s.Kind.ToString().ToLowerInvariant())
            .AppendValue(s.Text).AppendValue((int?)s.Start).AppendValue((int?)s.End)
            .AppendValue(s.Cue).AppendValue(s.CueStart).AppendValue(s.CueEnd)
            .AppendValue(s.SpeakerMention).AppendValue(s.SpeakerMentionStart).AppendValue(s.SpeakerMentionEnd)
            .AppendValue(s.Speaker).AppendValue(s.ActorId).AppendValue(s.Party).AppendValue((bool?)s.Anonymous)
            .AppendValue((double?)s.Confidence)
            .EndRow();

    private static void AppendClassification(DuckDBAppender appender, Statement s, string modelId) =>
        appender.CreateRow()
            .AppendValue(s.Id).AppendValue(modelId).AppendValue(s.Issue).AppendValue(s.Stance).AppendValue(s.StanceScore)
            .AppendValue(s.Party).AppendValue(s.PartySource).AppendValue(s.Stances is null ? null : Json(s.Stances))
            .EndRow();

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ParleyJson.Options);

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static string Placeholders(int n) => string.Join(", ", Enumerable.Range(1, n).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)));

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private DuckDBCommand Command(string sql, params object?[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        return cmd;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
