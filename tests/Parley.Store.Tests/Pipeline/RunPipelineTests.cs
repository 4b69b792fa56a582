using Microsoft.Extensions.Time.Testing;
using Parley.Store.Pipeline;
using Parley.Store;

namespace Parley.Store.Tests.Pipeline;

public sealed class RunPipelineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-pipeline-").FullName;
    private readonly RecordingProgress _progress = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Corpus => Path.Combine(_dir, "corpus");

    private void Write(string name, string text)
    {
        var path = Path.Combine(Corpus, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private Task<RunSummary> Run(string name, int batchSize = 2, PipelineStages? stages = null)
    {
        var pipeline = new RunPipeline(stages ?? FakeStages.Create(), _progress, new FakeTimeProvider());
        return pipeline.RunAsync(new RunOptions
        {
            Corpus = Corpus,
            Out = Path.Combine(_dir, name),
            Db = Path.Combine(_dir, name, "parley.duckdb"),
            BatchSize = batchSize,
            MinFreeBytes = 0,
        }, TestContext.Current.CancellationToken);
    }

    private void WriteMixedCorpus()
    {
        Write("a.txt", "Talks in Geneva\nLavrov: Ukraine will never join NATO.\nZelensky: NATO is our future.");
        Write("b.txt", "Another day\nZelensky: We want peace.");
        Write("c.txt", "No statements here at all.");
        Write("copy-of-a.txt", "Talks in Geneva\nLavrov: Ukraine will never join NATO.\nZelensky: NATO is our future.");
        Write("d.txt", "BROKEN page");
        Write("e.txt", "");
        File.CreateSymbolicLink(Path.Combine(Corpus, "f.txt"), Path.Combine(_dir, "does-not-exist.txt"));
    }

    [Fact]
    public async Task Every_input_is_accounted_for_as_extracted_duplicate_or_failed()
    {
        WriteMixedCorpus();

        var summary = await Run("out");

        Assert.Equal(7, summary.Files);
        Assert.Equal(7, summary.Read);
        Assert.Equal(3, summary.Extracted);
        Assert.Equal(1, summary.Duplicates);
        Assert.Equal(3, summary.Failed);
        Assert.Equal(3, summary.Statements);
        Assert.Equal(new Dictionary<string, int> { ["Russia"] = 1, ["Ukraine"] = 2 }, summary.StatementsPerParty);
        Assert.Equal(RunPipeline.ExitFailedItems, summary.ExitCode);
        Assert.Contains(summary.Failures, f => f.Source.EndsWith("d.txt", StringComparison.Ordinal) && f.Error == "no article found");
        Assert.Contains(summary.Failures, f => f.Source.EndsWith("e.txt", StringComparison.Ordinal) && f.Error == "the file is empty");
        Assert.Contains(summary.Failures, f => f.Source.EndsWith("f.txt", StringComparison.Ordinal) && f.Error.StartsWith("cannot read the file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clean_corpus_exits_zero_and_writes_the_report()
    {
        Write("a.txt", "Talks\nLavrov: Ukraine will never join NATO.");

        var summary = await Run("out");

        Assert.Equal(0, summary.ExitCode);
        Assert.Equal(Path.Combine(_dir, "out", "report.html"), summary.ReportPath);
        Assert.Equal("<p>1 statements</p>", await File.ReadAllTextAsync(summary.ReportPath!, TestContext.Current.CancellationToken));
        Assert.Equal(1, summary.Positions);
    }

    [Fact]
    public async Task Running_twice_adds_nothing_and_skips_every_stored_input()
    {
        WriteMixedCorpus();
        await Run("out");
        var before = await Counts("out");

        var second = await Run("out");

        Assert.Equal(before with { Runs = before.Runs + 1, Sources = before.Sources }, await Counts("out"));
        Assert.Equal(4, second.AlreadyStored);
        Assert.Equal(3, second.Read); // the three failed inputs are tried again, and fail again
        Assert.Equal(3, second.Failed);
        Assert.Equal(0, second.NewStatements);
    }

    [Fact]
    public async Task Batch_size_does_not_change_the_content_tables()
    {
        WriteMixedCorpus();
        for (int i = 0; i < 9; i++) Write($"more/{i}.txt", $"Item {i}\nLavrov: statement number {i}.\nZelensky: reply {i}, never.");

        await Run("small", batchSize: 1);
        await Run("large", batchSize: 100);

        foreach (var table in new[] { "articles", "statements", "classifications", "positions" })
            Assert.Equal(await Dump("small", table), await Dump("large", table));
    }

    [Fact]
    public async Task Classification_sees_one_batch_at_a_time()
    {
        for (int i = 0; i < 10; i++) Write($"{i}.txt", $"Item {i}\nLavrov: one {i}.\nZelensky: two {i}.");
        var sizes = new List<int>();

        await Run("out", batchSize: 3, stages: FakeStages.Create(batch => sizes.Add(batch.Count)));

        Assert.Equal([6, 6, 6, 2], sizes);
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_written_stops_the_run_before_any_work()
    {
        Write("a.txt", "Talks\nLavrov: Ukraine will never join NATO.");
        File.WriteAllText(Path.Combine(_dir, "not-a-folder"), "a file where the output folder should be");

        var summary = await Run(Path.Combine("not-a-folder", "out"));

        Assert.Equal(RunPipeline.ExitOutputUnusable, summary.ExitCode);
        Assert.Contains("Cannot write to", summary.Error);
        Assert.False(File.Exists(Path.Combine(_dir, "not-a-folder", "out", "parley.duckdb")));
    }

    [Fact]
    public async Task Too_little_free_space_stops_the_run_before_any_work()
    {
        Write("a.txt", "Talks\nLavrov: Ukraine will never join NATO.");
        var pipeline = new RunPipeline(FakeStages.Create(), _progress, new FakeTimeProvider());

        var summary = await pipeline.RunAsync(new RunOptions
        {
            Corpus = Corpus, Out = Path.Combine(_dir, "out"), Db = Path.Combine(_dir, "out", "parley.duckdb"),
            MinFreeBytes = long.MaxValue,
        }, TestContext.Current.CancellationToken);

        Assert.Equal(RunPipeline.ExitOutputUnusable, summary.ExitCode);
        Assert.Contains("MB free", summary.Error);
        Assert.False(File.Exists(Path.Combine(_dir, "out", "parley.duckdb")));
    }

    [Fact]
    public async Task Progress_advances_every_batch_stage_to_the_number_of_inputs()
    {
        for (int i = 0; i < 5; i++) Write($"{i}.txt", $"Item {i}\nLavrov: one {i}.");

        await Run("out", batchSize: 2);

        foreach (var stage in new[] { "Extract", "Statements", "Classify", "Store" })
            Assert.Equal((5, 5), (_progress.Totals[stage], _progress.Done[stage]));
        Assert.Equal((2, 2), (_progress.Totals["Positions and report"], _progress.Done["Positions and report"]));
    }

    private async Task<StoreCounts> Counts(string name)
    {
        await using var store = await CorpusStore.OpenAsync(Path.Combine(_dir, name, "parley.duckdb"), ct: TestContext.Current.CancellationToken);
        return await store.CountAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> Dump(string name, string table)
    {
        await using var store = await CorpusStore.OpenAsync(Path.Combine(_dir, name, "parley.duckdb"), ct: TestContext.Current.CancellationToken);
        var rows = await store.QueryAsync($"SELECT * FROM {table} ORDER BY ALL", TestContext.Current.CancellationToken);
        return string.Join("\n", rows.Select(r => string.Join("|", r.Select(kv => $"{kv.Key}={kv.Value}"))));
    }

    private sealed class RecordingProgress : IRunProgress
    {
        public Dictionary<string, int> Totals { get; } = [];
        public Dictionary<string, int> Done { get; } = [];
        public List<string> Messages { get; } = [];

        public void Start(string stage, int total) => (Totals[stage], Done[stage]) = (total, 0);
        public void Advance(string stage, int steps) => Done[stage] += steps;
        public void Message(string text) => Messages.Add(text);
    }
}
