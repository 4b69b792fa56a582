using Microsoft.Extensions.Time.Testing;
using Parley.Articles;
using Parley.Positions;
using Parley.Statements;
using Parley.Testing;

namespace Parley.Store.Tests;

public sealed class CorpusStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-store-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "parley.duckdb");

    private Task<CorpusStore> Open() => CorpusStore.OpenAsync(Db, new CorpusStoreOptions { Time = _time }, TestContext.Current.CancellationToken);

    private static StoreBatch Batch(string runId, int number, params (Article Article, Statement[] Statements)[] items) => new(
        runId, number, "model-a",
        [.. items.Select(i => i.Article)],
        [.. items.SelectMany(i => i.Statements)],
        [.. items.Select(i => new SourceOutcome(ContentKey.Of(i.Article.Source), i.Article.Source, "extracted", i.Article.Id))]);

    private static (Article, Statement[]) TwoStatementArticle(string id, DateOnly day) => (
        Some.Article(id: id) with { Published = ArticleDate.FromDay(day) },
        [
            Some.Statement(articleId: id, start: 0, date: day, party: "Russia", issue: "nato", stance: "oppose"),
            Some.Statement(articleId: id, start: 40, date: day, party: "Ukraine", issue: "nato", stance: "support",
                speaker: "Volodymyr Zelensky", text: "Ukraine belongs in NATO."),
        ]);

    [Fact]
    public async Task Storing_the_same_batch_twice_adds_nothing_the_second_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Open();
        var run = await store.BeginRunAsync(new RunStart("corpus", "model-a", "test", 10), ct);
        var batch = Batch(run, 1, TwoStatementArticle("a1", new DateOnly(2025, 3, 4)), TwoStatementArticle("a2", new DateOnly(2025, 4, 9)));

        var first = await store.CommitBatchAsync(batch, ct);
        var second = await store.CommitBatchAsync(batch with { BatchNumber = 2 }, ct);

        Assert.Equal(new BatchCommit(2, 4, 4), first);
        Assert.Equal(new BatchCommit(0, 0, 0), second);
        var counts = await store.CountAsync(ct);
        Assert.Equal((2, 4, 4, 2), (counts.Articles, counts.Statements, counts.Classifications, counts.Sources));
    }

    [Fact]
    public async Task Duplicate_article_ids_within_a_batch_keep_the_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Open();
        var first = Some.Article("First text.", id: "same") with { Source = "one.html" };
        var second = Some.Article("Second text.", id: "same") with { Source = "two.html" };
        var batch = new StoreBatch("r", 1, "m", [first, second], [], []);

        var commit = await store.CommitBatchAsync(batch, ct);

        Assert.Equal(1, commit.Articles);
        var rows = await store.QueryAsync("SELECT source, text FROM articles", ct);
        Assert.Equal("one.html", rows.Single()["source"]);
        Assert.Equal("First text.", rows.Single()["text"]);
    }

    [Fact]
    public async Task A_batch_that_fails_leaves_no_rows_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Open();
        var (article, statements) = TwoStatementArticle("a1", new DateOnly(2025, 3, 4));
        // A ledger row without a key violates its primary key, so the batch fails after the articles were staged.
        var bad = new StoreBatch("r", 1, "m", [article], statements, [new SourceOutcome(null!, "x", "extracted")]);

        await Assert.ThrowsAnyAsync<Exception>(() => store.CommitBatchAsync(bad, ct));

        var counts = await store.CountAsync(ct);
        Assert.Equal((0, 0, 0, 0), (counts.Articles, counts.Statements, counts.Classifications, counts.Sources));
        // The store still works after the rollback.
        var ok = await store.CommitBatchAsync(bad with { Sources = [new SourceOutcome("k", "x", "extracted")] }, ct);
        Assert.Equal(new BatchCommit(1, 2, 2), ok);
    }

    [Fact]
    public async Task Ledger_reports_committed_sources_but_not_failed_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Open();
        await store.CommitBatchAsync(new StoreBatch("r", 1, "m", [], [], [
            new SourceOutcome("k1", "a.html", "extracted", "a1"),
            new SourceOutcome("k2", "b.html", "duplicate", "a1"),
            new SourceOutcome("k3", "c.html", "failed", Error: "empty file")]), ct);

        var found = await store.FindStoredSourcesAsync(["k1", "k2", "k3", "k4"], ct);

        Assert.Equal(["k1", "k2"], found.Order());
    }

    [Fact]
    public async Task Classified_statements_read_back_as_they_were_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Open();
        var day = new DateOnly(2025, 3, 4);
        var statement = Some.Statement(articleId: "a1", date: day) with
        {
            Cue = "said", CueStart = 30, CueEnd = 34, PartySource = "gazetteer", Anonymous = true,
            Published = new ArticleDate(new DateTimeOffset(2025, 3, 4, 10, 15, 0, TimeSpan.FromHours(2)), true, true),
            Stances = [new IssueStance("nato", "oppose", 0.8, 0.9)],
        };
        await store.CommitBatchAsync(new StoreBatch("r", 1, "m", [Some.Article(id: "a1")], [statement], []), ct);

        var back = new List<Statement>();
        await foreach (var s in store.ReadClassifiedStatementsAsync("m", ct)) back.Add(s);

        var only = Assert.Single(back);
        Assert.Equal(statement with { Stances = null }, only with { Stances = null });
        Assert.Equal(statement.Stances, only.Stances);
        Assert.Empty(await ToListAsync(store.ReadClassifiedStatementsAsync("another-model", ct)));
    }

    [Fact]
    public async Task Runs_record_times_from_the_time_provider()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Open();
        var run = await store.BeginRunAsync(new RunStart("demo", "m", "1.0", 50), ct);
        _time.Advance(TimeSpan.FromMinutes(3));
        await store.FinishRunAsync(run, new RunEnd("completed", 5, 0, 5, 4, 1, 0, 12, 3), ct);

        var row = (await store.QueryAsync("SELECT * FROM runs", ct)).Single();

        Assert.Equal(new DateTime(2025, 6, 1, 12, 0, 0), row["started_at"]);
        Assert.Equal(new DateTime(2025, 6, 1, 12, 3, 0), row["finished_at"]);
        Assert.Equal("completed", row["status"]);
        Assert.Equal(4, row["extracted"]);
        Assert.Equal(1, row["failed"]);
    }

    [Fact]
    public async Task A_run_left_running_is_marked_interrupted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var store = await Open())
            await store.BeginRunAsync(new RunStart("demo", "m", "1.0", 50), ct);

        await using var reopened = await Open();
        var marked = await reopened.MarkInterruptedRunsAsync(ct);

        Assert.Equal(1, marked);
        Assert.Equal("interrupted", (await reopened.QueryAsync("SELECT status FROM runs", ct)).Single()["status"]);
    }

    [Fact]
    public async Task Positions_of_a_model_are_replaced_not_added()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Open();
        var april = new Position("Russia", "nato", new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30), -0.8, -1, -0.5, 3, 2.5, ["A"], ["s1", "s2", "s3"]);
        var may = april with { PeriodStart = new DateOnly(2025, 5, 1), PeriodEnd = new DateOnly(2025, 5, 31) };

        await store.ReplacePositionsAsync(new PositionSet("m", [april, may]), ct);
        await store.ReplacePositionsAsync(new PositionSet("m", [april]), ct);
        await store.ReplacePositionsAsync(new PositionSet("other", [april]), ct);

        var rows = await store.QueryAsync("SELECT model_id, period_start, statement_ids FROM positions ORDER BY model_id", ct);
        Assert.Equal(2, rows.Count);
        Assert.Equal("m", rows[0]["model_id"]);
        Assert.Equal("[\"s1\",\"s2\",\"s3\"]", rows[0]["statement_ids"]);
    }

    [Fact]
    public async Task Parquet_export_reads_back_equal_to_the_tables()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Open();
        await store.CommitBatchAsync(Batch("r", 1,
            TwoStatementArticle("a1", new DateOnly(2025, 3, 4)),
            TwoStatementArticle("a2", new DateOnly(2025, 4, 9)),
            (Some.Article(id: "undated") with { Published = null }, [])), ct);
        var export = Path.Combine(_dir, "export");

        await store.ExportAsync(export, ExportFormat.Parquet, ct);

        Assert.True(File.Exists(Path.Combine(export, "articles", "month=2025-03", "data_0.parquet")));
        Assert.True(File.Exists(Path.Combine(export, "articles", "month=2025-04", "data_0.parquet")));
        Assert.True(File.Exists(Path.Combine(export, "articles", "month=undated", "data_0.parquet")));
        foreach (var table in new[] { "articles", "statements", "classifications" })
        {
            var parquet = $"read_parquet('{Path.Combine(export, table)}/*/*.parquet', hive_partitioning = true)";
            // Both directions of EXCEPT ALL empty: the same multiset of rows, column for column.
            var missing = await store.QueryAsync($"SELECT count(*) AS n FROM (SELECT * FROM {table} EXCEPT ALL SELECT * EXCLUDE (month) FROM {parquet})", ct);
            var extra = await store.QueryAsync($"SELECT count(*) AS n FROM (SELECT * EXCLUDE (month) FROM {parquet} EXCEPT ALL SELECT * FROM {table})", ct);
            Assert.Equal(0L, missing.Single()["n"]);
            Assert.Equal(0L, extra.Single()["n"]);
        }
        var count = await store.QueryAsync($"SELECT count(*) AS n FROM read_parquet('{Path.Combine(export, "statements")}/*/*.parquet')", ct);
        Assert.Equal(4L, count.Single()["n"]);
    }

    [Fact]
    public async Task Csv_export_writes_one_file_per_table_with_a_header()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Open();
        await store.CommitBatchAsync(Batch("r", 1, TwoStatementArticle("a1", new DateOnly(2025, 3, 4))), ct);
        var export = Path.Combine(_dir, "csv");

        await store.ExportAsync(export, ExportFormat.Csv, ct);

        var lines = await File.ReadAllLinesAsync(Path.Combine(export, "statements.csv"), ct);
        Assert.StartsWith("id,article_id,source,url,site,date,", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.True(File.Exists(Path.Combine(export, "runs.csv")));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
