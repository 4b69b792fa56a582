using System.IO.Compression;
using System.Text.RegularExpressions;
using Parley.Benchmarks.Generation;
using Parley.Store;

namespace Parley.Cli.Tests.Run;

/// <summary><c>parley run</c> as a child process: resume after a kill, a second process, bad input, the report.</summary>
[Collection("processes")]
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-run-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a killed child may still hold a file for a moment; the temp folder is cleaned by the OS */ }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> GenerateAsync(string name, int articles, int seed = 11)
    {
        var dir = Path.Combine(_dir, name);
        await new CorpusGenerator().WriteAsync(dir, articles, seed, ct: Ct);
        return dir;
    }

    private Task<ParleyProcess> Parley(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        ParleyProcess.RunAsync(_dir, environment, args);

    [Fact]
    public async Task A_run_killed_after_a_batch_resumes_and_ends_with_the_same_content_as_an_uninterrupted_run()
    {
        var corpus = await GenerateAsync("corpus", articles: 9);

        var whole = await Parley(null, "run", "--corpus", corpus, "--out", "whole", "--batch-size", "2");
        var killed = await Parley(new Dictionary<string, string> { ["PARLEY_CRASH_AFTER_BATCH"] = "2" },
            "run", "--corpus", corpus, "--out", "resumed", "--batch-size", "2");
        long committedBeforeKill;
        await using (var store = await CorpusStore.OpenAsync(Path.Combine(_dir, "resumed", "parley.duckdb"), ct: Ct))
            committedBeforeKill = (await store.CountAsync(Ct)).Sources;
        var resumed = await Parley(null, "run", "--corpus", corpus, "--out", "resumed", "--batch-size", "2");

        Assert.True(whole.ExitCode == 0, whole.Stderr);
        Assert.Equal(137, killed.ExitCode); // SIGKILL
        Assert.Equal(4, committedBeforeKill); // two batches of two inputs
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Matches(@"already in the store \(skipped\)\s*│\s*4\s", resumed.Stderr);
        Assert.Matches(@"read\s*│\s*5\s", resumed.Stderr);
        foreach (var table in new[] { "articles", "statements", "classifications", "positions" })
            Assert.Equal(await DumpAsync("whole", table), await DumpAsync("resumed", table));
        var runs = await QueryAsync("resumed", "SELECT status FROM runs ORDER BY started_at");
        Assert.Equal(["interrupted", "completed"], runs.Select(r => (string)r["status"]!));
    }

    [Fact]
    public async Task A_second_process_on_the_same_store_fails_with_a_message_naming_the_holder()
    {
        var corpus = await GenerateAsync("corpus", articles: 1);
        var db = Path.Combine(_dir, "out", "parley.duckdb");
        await using var holder = await CorpusStore.OpenAsync(db, ct: Ct);

        var second = await Parley(null, "run", "--corpus", corpus, "--out", "out");

        Assert.Equal(3, second.ExitCode);
        Assert.Contains($"is in use by another process (PID {Environment.ProcessId})", Flatten(second.Stderr));
    }

    [Fact]
    public async Task A_second_process_with_wait_runs_once_the_store_is_released()
    {
        var corpus = await GenerateAsync("corpus", articles: 1);
        var db = Path.Combine(_dir, "out", "parley.duckdb");
        var holder = await CorpusStore.OpenAsync(db, ct: Ct);
        using var second = ParleyProcess.Start(_dir, null, "run", "--corpus", corpus, "--out", "out", "--wait");

        bool waited = await second.WaitForStderrAsync("Waiting");
        await holder.DisposeAsync();
        await second.WaitAsync();

        Assert.True(waited, second.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Matches(@"extracted\s*│\s*1\s", second.Stderr);
    }

    [Fact]
    public async Task Bad_inputs_are_each_accounted_for_and_the_rest_is_processed()
    {
        var corpus = await GenerateAsync("corpus", articles: 4);
        var pages = Directory.GetFiles(corpus, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var bad = Path.Combine(corpus, "zz-bad");
        Directory.CreateDirectory(bad);
        File.Copy(pages[0], Path.Combine(bad, "duplicate.html"));
        await File.WriteAllBytesAsync(Path.Combine(bad, "empty.html"), [], Ct);
        var gzip = GzipBytes(await File.ReadAllBytesAsync(pages[1], Ct));
        await File.WriteAllBytesAsync(Path.Combine(bad, "truncated.html.gz"), gzip[..(gzip.Length / 2)], Ct);
        await WriteHugePageAsync(Path.Combine(bad, "huge.html"), 30 * 1024 * 1024);
        File.CreateSymbolicLink(Path.Combine(bad, "unreadable.html"), Path.Combine(_dir, "nowhere.html"));

        var run = await Parley(null, "run", "--corpus", corpus, "--out", "out", "--batch-size", "3");

        var stderr = Flatten(run.Stderr);
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"input files\s*│\s*9\s", stderr);
        Assert.Matches(@"extracted\s*│\s*4\s", stderr);
        Assert.Matches(@"duplicates \(same article id\)\s*│\s*1\s", stderr);
        Assert.Matches(@"failed\s*│\s*4\s", stderr);
        Assert.Contains("empty.html: the file is empty", stderr);
        Assert.Contains("truncated.html.gz: truncated gzip", stderr);
        Assert.Contains("unreadable.html: cannot read the file", stderr);
        Assert.Contains("huge.html: ", stderr);
        var outcomes = await QueryAsync("out", "SELECT outcome, count(*) AS n FROM sources GROUP BY outcome ORDER BY outcome");
        Assert.Equal([("duplicate", 1L), ("extracted", 4L), ("failed", 4L)], outcomes.Select(r => ((string)r["outcome"]!, (long)r["n"]!)));
    }

    [Fact]
    public async Task Running_twice_adds_no_rows()
    {
        var corpus = await GenerateAsync("corpus", articles: 3);

        var first = await Parley(null, "run", "--corpus", corpus, "--out", "out");
        var counts = await CountsAsync("out");
        var second = await Parley(null, "run", "--corpus", corpus, "--out", "out");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(counts with { Runs = 2 }, await CountsAsync("out"));
        Assert.Matches(@"already in the store \(skipped\)\s*│\s*3\s", second.Stderr);
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_written_fails_before_any_work()
    {
        var corpus = await GenerateAsync("corpus", articles: 1);
        await File.WriteAllTextAsync(Path.Combine(_dir, "taken"), "a file, not a folder", Ct);

        var run = await Parley(null, "run", "--corpus", corpus, "--out", Path.Combine("taken", "out"));

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("Cannot write to", run.Stderr);
        Assert.DoesNotContain("Load classifier", run.Stderr);
    }

    [Fact]
    public async Task Export_writes_parquet_that_reads_back_equal_to_the_store()
    {
        var corpus = await GenerateAsync("corpus", articles: 3);
        await Parley(null, "run", "--corpus", corpus, "--out", "out", "--no-report");

        var export = await Parley(null, "export", "--db", Path.Combine("out", "parley.duckdb"), "--out", "export");

        Assert.True(export.ExitCode == 0, export.Stderr);
        await using var store = await CorpusStore.OpenAsync(Path.Combine(_dir, "out", "parley.duckdb"), ct: Ct);
        var parquet = $"read_parquet('{Path.Combine(_dir, "export", "statements")}/*/*.parquet', hive_partitioning = true)";
        var differences = await store.QueryAsync(
            $"SELECT (SELECT count(*) FROM (SELECT * FROM statements EXCEPT ALL SELECT * EXCLUDE (month) FROM {parquet})) + " +
            $"(SELECT count(*) FROM (SELECT * EXCLUDE (month) FROM {parquet} EXCEPT ALL SELECT * FROM statements)) AS n", Ct);
        Assert.Equal(0L, differences.Single()["n"]);
        Assert.True((await store.CountAsync(Ct)).Statements > 0);
    }

    [Fact]
    public async Task The_report_shows_who_said_what_in_a_small_corpus()
    {
        var corpus = Path.Combine(_dir, "small");
        Directory.CreateDirectory(corpus);
        await File.WriteAllTextAsync(Path.Combine(corpus, "lavrov.html"), Page("Lavrov rules out NATO", "2025-03-04",
            "Foreign ministers met in Riyadh on Tuesday.",
            "“Ukraine will never join NATO,” Sergei Lavrov said on Tuesday."), Ct);
        await File.WriteAllTextAsync(Path.Combine(corpus, "zelensky.html"), Page("Zelensky insists on NATO", "2025-04-09",
            "The Ukrainian leader spoke in Kyiv.",
            "“Ukraine's future is in NATO,” Volodymyr Zelensky said on Wednesday."), Ct);

        var run = await Parley(null, "run", "--corpus", corpus, "--out", "out");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = Path.Combine(_dir, "out", "report.html");
        Assert.Contains("Report: " + report, Flatten(run.Stderr));
        var html = await File.ReadAllTextAsync(report, Ct);
        Assert.Contains("Ukraine will never join NATO", html);
        Assert.Contains("Sergei Lavrov", html);
        Assert.Contains("Volodymyr Zelensky", html);
        var statements = await QueryAsync("out",
            "SELECT s.speaker, s.party, c.issue FROM statements s JOIN classifications c ON c.statement_id = s.id ORDER BY s.date");
        Assert.Equal([("Sergei Lavrov", "Russia", "nato"), ("Volodymyr Zelensky", "Ukraine", "nato")],
            statements.Select(r => ((string)r["speaker"]!, (string)r["party"]!, (string)r["issue"]!)));
        var csv = await File.ReadAllLinesAsync(Path.Combine(_dir, "out", "statements.csv"), Ct);
        Assert.Equal(3, csv.Length); // header and the two statements
        Assert.True(File.Exists(Path.Combine(_dir, "out", "positions.csv")));
    }

    [Fact]
    public async Task With_no_arguments_parley_run_processes_the_demo_corpus_into_out()
    {
        var run = await Parley(null, "run");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Matches(@"failed\s*│\s*0\s", run.Stderr);
        Assert.True(File.Exists(Path.Combine(_dir, "out", "parley.duckdb")));
        Assert.True(File.Exists(Path.Combine(_dir, "out", "report.html")));
        var demoFiles = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "demo", "articles")).Length;
        Assert.Equal(demoFiles, (await CountsAsync("out")).Articles);
    }

    private static string Page(string title, string date, params string[] paragraphs) => $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Test Wire</title>
        <meta property="article:published_time" content="{date}T10:00:00+00:00"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>{title}</h1><p class="byline">By Test Reporter</p>
        {string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}
        </article><footer>© Test Wire</footer></body></html>
        """;

    private static byte[] GzipBytes(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    private static async Task WriteHugePageAsync(string path, long bytes)
    {
        await using var writer = new StreamWriter(path);
        await writer.WriteAsync("<html><head><title>Huge</title></head><body><article><p>The page goes on.</p>");
        var chunk = new string('x', 1023) + "\n";
        for (long written = 0; written < bytes; written += chunk.Length) await writer.WriteAsync("<!--" + chunk + "-->");
        await writer.WriteAsync("</article></body></html>");
    }

    /// <summary>Spectre wraps long lines to the console width; the tests read the text as one line.</summary>
    private static string Flatten(string text) => Regex.Replace(text, @"\r?\n(?!failed:|Report:|╭|│|├|╰)", "");

    private async Task<StoreCounts> CountsAsync(string name)
    {
        await using var store = await CorpusStore.OpenAsync(Path.Combine(_dir, name, "parley.duckdb"), ct: Ct);
        return await store.CountAsync(Ct);
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string name, string sql)
    {
        await using var store = await CorpusStore.OpenAsync(Path.Combine(_dir, name, "parley.duckdb"), ct: Ct);
        return await store.QueryAsync(sql, Ct);
    }

    private async Task<string> DumpAsync(string name, string table)
    {
        var rows = await QueryAsync(name, $"SELECT * FROM {table} ORDER BY ALL");
        return string.Join("\n", rows.Select(r => string.Join("|", r.Select(kv => $"{kv.Key}={kv.Value}"))));
    }
}
