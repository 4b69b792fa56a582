using System.Diagnostics;
using System.Reflection;
using Parley.Articles;
using Parley.Positions;
using Parley.Statements;
using Parley.Store;

namespace Parley.Store.Pipeline;

/// <summary>Where the pipeline reports progress: a stage with its total, steps done, and messages for people.</summary>
internal interface IRunProgress
{
    void Start(string stage, int total);

    void Advance(string stage, int steps);

    void Message(string text);
}

/// <summary>What <c>parley run</c> was asked to do.</summary>
internal sealed record RunOptions
{
    public required string Corpus { get; init; }
    public required string Out { get; init; }
    public required string Db { get; init; }
    public int BatchSize { get; init; } = 64;
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    public bool WaitForLock { get; init; }
    /// <summary>Kill the process (SIGKILL) right after committing this batch: the deterministic crash point for resume tests.</summary>
    public int? CrashAfterBatch { get; init; }
    /// <summary>Compute positions and write the report after the store is filled.</summary>
    public bool WriteReport { get; init; } = true;
    /// <summary>Refuse to start when the output folder's volume has less free space than this.</summary>
    public long MinFreeBytes { get; init; } = 64L * 1024 * 1024;
    public string CodeVersion { get; init; } = CodeVersionOf(typeof(RunPipeline).Assembly);

    internal static string CodeVersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}

/// <summary>Time spent in one stage: wall-clock time from the <see cref="TimeProvider"/>, and the process's CPU time
/// (on a shared machine the CPU time is the figure that does not depend on the other processes).</summary>
internal sealed record StageTime(string Stage, TimeSpan Wall, TimeSpan Cpu, int Items);

/// <summary>Why an input produced no article.</summary>
internal sealed record RunFailure(string Source, string Error);

/// <summary>What a run did, for the summary table and the tests.</summary>
internal sealed record RunSummary
{
    public int ExitCode { get; init; }
    public string? Error { get; init; }
    public string Status { get; init; } = "completed";
    public int Files { get; init; }
    public int AlreadyStored { get; init; }
    public int Read { get; init; }
    public int Extracted { get; init; }
    public int Duplicates { get; init; }
    public int Failed { get; init; }
    public int Statements { get; init; }
    public int NewStatements { get; init; }
    public int Batches { get; init; }
    public int Positions { get; init; }
    public IReadOnlyDictionary<string, int> StatementsPerParty { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<StageTime> StageTimes { get; init; } = [];
    public IReadOnlyList<RunFailure> Failures { get; init; } = [];
    public string? ReportPath { get; init; }
    public string? ModelId { get; init; }
    public long PeakWorkingSet { get; init; }
    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// The main job: corpus → extract → statements → classify → store, in batches, then positions → report.
/// </summary>
/// <remarks>
/// Inputs flow through in batches of <see cref="RunOptions.BatchSize"/>; only one batch is in memory at a time (the
/// report at the end reads the classified statements back from the store). Each batch is committed in one
/// transaction together with its ledger rows, so a killed run resumes after the last committed batch. Every input is
/// accounted for: extracted, duplicate, failed (with the reason) or already stored by an earlier run.
/// </remarks>
internal sealed class RunPipeline(PipelineStages stages, IRunProgress progress, TimeProvider time)
{
    public const int ExitFailedItems = 1;
    public const int ExitStoreInUse = 3;
    public const int ExitOutputUnusable = 4;
    public const int ExitInputMissing = 5;
    public const int ExitStoreFailed = 6;
    public const int ExitCancelled = 130;

    public async Task<RunSummary> RunAsync(RunOptions options, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        // Check everything that can be checked before any work is done, so nothing is lost to a late failure.
        if (!Directory.Exists(options.Corpus) && !File.Exists(options.Corpus))
            return Fail(ExitInputMissing, $"The corpus {options.Corpus} does not exist.");
        if (OutputProblem(options.Out, options.MinFreeBytes) is { } outProblem) return Fail(ExitOutputUnusable, outProblem);
        var dbDir = Path.GetDirectoryName(Path.GetFullPath(options.Db))!;
        if (OutputProblem(dbDir, options.MinFreeBytes) is { } dbProblem) return Fail(ExitOutputUnusable, dbProblem);

        CorpusStore store;
        try
        {
            store = await CorpusStore.OpenAsync(options.Db, new CorpusStoreOptions
            {
                Time = time,
                WaitForLock = options.WaitForLock,
                OnWaiting = ex => progress.Message($"{ex.Message} Waiting…"),
            }, ct);
        }
        catch (StoreInUseException ex)
        {
            return Fail(ExitStoreInUse, ex.Message);
        }

        await using (store)
        {
            try
            {
                return await RunWithStoreAsync(store, options, started, ct);
            }
            catch (Exception ex) when (ex is DuckDB.NET.Data.DuckDBException or IOException)
            {
                // A full disk or a failing device: the batch in flight was rolled back, the committed ones are kept.
                return Fail(ExitStoreFailed, $"The store or the output could not be written: {ex.Message} " +
                    "Batches committed before this are kept; run the same command again to resume.");
            }
        }
    }

    private async Task<RunSummary> RunWithStoreAsync(CorpusStore store, RunOptions options, long started, CancellationToken ct)
    {
        var times = new StageClock(time);
        var files = stages.Corpus.Expand(options.Corpus);
        var counts = new Counts();
        var perParty = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<RunFailure>();
        string? reportPath = null;
        int positionCount = 0;
        string modelId = "";
        string runId = "";

        {
            progress.Start("Load classifier", 1);
            var classifier = await times.TimeAsync("load model", 0, () => stages.LoadClassifierAsync(ct));
            modelId = classifier.ModelId;
            progress.Advance("Load classifier", 1);

            await store.MarkInterruptedRunsAsync(ct);
            runId = await store.BeginRunAsync(new RunStart(Path.GetFullPath(options.Corpus), modelId, options.CodeVersion, options.BatchSize), ct);

            string[] batchStages = ["Extract", "Statements", "Classify", "Store"];
            foreach (var stage in batchStages) progress.Start(stage, files.Count);

            var articleStages = new ThreadLocal<IArticleStage>(stages.NewArticleStage);
            var statementStages = new ThreadLocal<IStatementStage>(stages.NewStatementStage);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = ct };
            int batchNumber = 0;

            foreach (var chunk in files.Chunk(Math.Max(1, options.BatchSize)))
            {
                ct.ThrowIfCancellationRequested();
                var keys = chunk.Select(path => SourceKey(path, modelId)).ToArray();
                var stored = await store.FindStoredSourcesAsync(keys, ct);
                var todo = Enumerable.Range(0, chunk.Length).Where(i => !stored.Contains(keys[i])).ToArray();
                counts.AlreadyStored += chunk.Length - todo.Length;
                if (todo.Length == 0)
                {
                    foreach (var stage in batchStages) progress.Advance(stage, chunk.Length);
                    continue;
                }

                // Extract: read and parse in parallel; results stay in input order.
                var items = new ExtractedItem[todo.Length];
                times.Time("extract", todo.Length, () => Parallel.For(0, todo.Length, parallel, j =>
                    items[j] = ReadAndExtract(articleStages.Value!, chunk[todo[j]])));
                progress.Advance("Extract", chunk.Length);

                // Duplicates: an article already stored, or seen earlier in this batch, keeps its first copy.
                var ids = items.Where(i => i.Article is not null).Select(i => i.Article!.Id).Distinct().ToArray();
                var known = new HashSet<string>(await store.FindStoredArticlesAsync(ids, ct), StringComparer.Ordinal);
                var outcomes = new SourceOutcome[todo.Length];
                var fresh = new List<Article>();
                for (int j = 0; j < todo.Length; j++)
                {
                    var (key, path, item) = (keys[todo[j]], chunk[todo[j]], items[j]);
                    if (item.Article is null)
                    {
                        outcomes[j] = new SourceOutcome(key, path, "failed", Error: item.Error);
                        failures.Add(new RunFailure(path, item.Error ?? "no article found"));
                        counts.Failed++;
                    }
                    else if (!known.Add(item.Article.Id))
                    {
                        outcomes[j] = new SourceOutcome(key, path, "duplicate", item.Article.Id);
                        counts.Duplicates++;
                    }
                    else
                    {
                        outcomes[j] = new SourceOutcome(key, path, "extracted", item.Article.Id);
                        fresh.Add(item.Article);
                        counts.Extracted++;
                    }
                }
                counts.Read += todo.Length;

                var found = new IReadOnlyList<Statement>[fresh.Count];
                times.Time("statements", fresh.Count, () => Parallel.For(0, fresh.Count, parallel, j =>
                    found[j] = statementStages.Value!.Extract(fresh[j])));
                var statements = found.SelectMany(s => s).ToList();
                progress.Advance("Statements", chunk.Length);

                var classified = times.Time("classify", statements.Count, () => classifier.Classify(statements));
                progress.Advance("Classify", chunk.Length);

                batchNumber++;
                var commit = await times.TimeAsync("store", todo.Length, () =>
                    store.CommitBatchAsync(new StoreBatch(runId, batchNumber, modelId, fresh, classified, outcomes), ct));
                progress.Advance("Store", chunk.Length);
                counts.Statements += classified.Count;
                counts.NewStatements += commit.Statements;
                counts.Batches = batchNumber;
                foreach (var s in classified) perParty[s.Party] = perParty.GetValueOrDefault(s.Party) + 1;

                if (options.CrashAfterBatch == batchNumber)
                {
                    // The deterministic crash point: die as abruptly as SIGKILL, with no cleanup, right after a commit.
                    progress.Message($"PARLEY_CRASH_AFTER_BATCH={batchNumber}: killing the process.");
                    Process.GetCurrentProcess().Kill();
                }
            }
            articleStages.Dispose();
            statementStages.Dispose();
            (classifier as IDisposable)?.Dispose();

            if (options.WriteReport)
            {
                progress.Start("Positions and report", 2);
                var all = new List<Statement>();
                await foreach (var s in store.ReadClassifiedStatementsAsync(modelId, ct)) all.Add(s);
                var positions = times.Time("positions", all.Count, () => stages.Report.Positions(all));
                await store.ReplacePositionsAsync(new PositionSet(modelId, positions), ct);
                positionCount = positions.Count;
                progress.Advance("Positions and report", 1);
                reportPath = await times.TimeAsync("report", all.Count, () => stages.Report.WriteAsync(all, positions, options.Out, ct));
                progress.Advance("Positions and report", 1);
            }
        }

        var status = counts.Failed > 0 ? "failed" : "completed";
        await store.FinishRunAsync(runId, new RunEnd(status, files.Count, counts.AlreadyStored, counts.Read, counts.Extracted,
            counts.Failed, counts.Duplicates, counts.Statements, positionCount), ct);

        return new RunSummary
        {
            ExitCode = counts.Failed > 0 ? ExitFailedItems : 0,
            Status = status,
            Files = files.Count,
            AlreadyStored = counts.AlreadyStored,
            Read = counts.Read,
            Extracted = counts.Extracted,
            Duplicates = counts.Duplicates,
            Failed = counts.Failed,
            Statements = counts.Statements,
            NewStatements = counts.NewStatements,
            Batches = counts.Batches,
            Positions = positionCount,
            StatementsPerParty = perParty,
            StageTimes = times.Stages,
            Failures = failures,
            ReportPath = reportPath,
            ModelId = modelId,
            PeakWorkingSet = PeakWorkingSet(),
            Elapsed = time.GetElapsedTime(started),
        };
    }

    private static ExtractedItem ReadAndExtract(IArticleStage stage, string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ExtractedItem(path, null, $"cannot read the file: {ex.Message}");
        }
        if (bytes.Length == 0) return new ExtractedItem(path, null, "the file is empty");
        if (GzipTruncation(bytes) is { } truncated) return new ExtractedItem(path, null, truncated);
        try
        {
            return stage.Extract(bytes, path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One page that breaks the extractor must not stop the corpus; the error is kept with the input.
            return new ExtractedItem(path, null, $"extraction crashed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Why a gzip file is cut short, or null when it is whole (or not gzip).</summary>
    /// <remarks>.NET's GZipStream returns what it can of a truncated stream without an error, so a page cut off in
    /// transfer would be extracted as a shorter article. The gzip trailer holds the uncompressed size (mod 2^32):
    /// a stream that decompresses to another size, or stops early, is truncated. (A multi-member gzip file, rare
    /// for pages, would be reported too: its trailer gives only the last member's size.)</remarks>
    internal static string? GzipTruncation(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b) return null;
        if (bytes.Length < 18) return "truncated gzip: the file is shorter than a gzip header and trailer";
        uint expected = BitConverter.ToUInt32(bytes, bytes.Length - 4);
        long actual = 0;
        try
        {
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes, writable: false), System.IO.Compression.CompressionMode.Decompress);
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0) actual += read;
        }
        catch (InvalidDataException ex)
        {
            return $"corrupt gzip data: {ex.Message}";
        }
        return (uint)actual == expected ? null
            : $"truncated gzip: {actual:N0} bytes decompressed, the trailer says {expected:N0}";
    }

    private static string SourceKey(string path, string modelId)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var info = new FileInfo(full);
            if (info.Exists) return ContentKey.OfSource(full, info.Length, info.LastWriteTimeUtc, modelId);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Falls through: an unreadable file is keyed by path alone and fails again, visibly, on the next run.
        }
        return ContentKey.OfSource(full, -1, DateTime.MinValue, modelId);
    }

    /// <summary>Why a folder cannot take the run's output, or null when it can.</summary>
    internal static string? OutputProblem(string directory, long minFreeBytes)
    {
        string full = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".parley-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, new byte[4096]);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"Cannot write to {full}: {ex.Message} Choose another folder with --out/--db.";
        }
        try
        {
            long free = new DriveInfo(full).AvailableFreeSpace;
            if (free < minFreeBytes)
                return $"The volume of {full} has only {free / (1024 * 1024)} MB free; the run needs at least {minFreeBytes / (1024 * 1024)} MB. Free some space or choose another folder.";
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // Free space is unknown on some file systems; the write probe above already passed.
        }
        return null;
    }

    internal static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    private static RunSummary Fail(int exitCode, string message) => new() { ExitCode = exitCode, Error = message, Status = "not started" };

    private sealed class Counts
    {
        public int AlreadyStored, Read, Extracted, Duplicates, Failed, Statements, NewStatements, Batches;
    }

    /// <summary>Time spent per stage: wall time from the <see cref="TimeProvider"/>, CPU time from the process.</summary>
    private sealed class StageClock(TimeProvider time)
    {
        private readonly List<StageTime> _stages = [];

        public IReadOnlyList<StageTime> Stages => _stages;

        public T Time<T>(string stage, int items, Func<T> work)
        {
            var (start, cpu) = (time.GetTimestamp(), Cpu());
            try { return work(); }
            finally { Add(stage, time.GetElapsedTime(start), Cpu() - cpu, items); }
        }

        public void Time(string stage, int items, Action work) => Time(stage, items, () => { work(); return 0; });

        public async Task<T> TimeAsync<T>(string stage, int items, Func<Task<T>> work)
        {
            var (start, cpu) = (time.GetTimestamp(), Cpu());
            try { return await work(); }
            finally { Add(stage, time.GetElapsedTime(start), Cpu() - cpu, items); }
        }

        private static TimeSpan Cpu()
        {
            using var self = Process.GetCurrentProcess();
            return self.TotalProcessorTime;
        }

        private void Add(string stage, TimeSpan wall, TimeSpan cpu, int items)
        {
            int i = _stages.FindIndex(s => s.Stage == stage);
            if (i < 0) _stages.Add(new StageTime(stage, wall, cpu, items));
            else _stages[i] = _stages[i] with { Wall = _stages[i].Wall + wall, Cpu = _stages[i].Cpu + cpu, Items = _stages[i].Items + items };
        }
    }
}
