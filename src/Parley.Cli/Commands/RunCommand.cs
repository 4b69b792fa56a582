using System.ComponentModel;
using System.Globalization;
using Parley.Classification.Statements;
using Parley.Cli.Pipeline;
using Parley.Fetching.Sources;
using Parley.Store.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley run</c>: the main job, from a corpus folder to the store and the report
/// (extract → statements → classify → store → positions → report).
/// </summary>
/// <remarks>With no arguments it runs on the demo corpus shipped beside the program, into <c>./out</c>.</remarks>
internal sealed class RunCommand(IAnsiConsole console) : AsyncCommand<RunCommand.Settings>
{
    /// <summary>The environment variable that kills the process right after committing batch N (for resume tests).</summary>
    public const string CrashAfterBatchVariable = "PARLEY_CRASH_AFTER_BATCH";

    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--corpus <DIR>")]
        [Description("Folder of pages (.html, .htm, .html.gz, .txt), searched recursively. Default: the demo corpus shipped with parley.")]
        public string? Corpus { get; init; }

        [CommandOption("--urls <FILE>")]
        [Description("Fetch the URLs listed in FILE (one per line) into <out>/archive and run on them, instead of a corpus folder.")]
        public string[] UrlFiles { get; init; } = [];

        [CommandOption("--feed <URL>")]
        [Description("Fetch the items of an RSS or Atom feed and run on them (repeatable).")]
        public string[] Feeds { get; init; } = [];

        [CommandOption("--sitemap <URL>")]
        [Description("Fetch the pages of a sitemap or news sitemap and run on them (repeatable).")]
        public string[] Sitemaps { get; init; } = [];

        [CommandOption("--since <DATE>")]
        [Description("With --feed or --sitemap: only items published on or after DATE (YYYY-MM-DD).")]
        public string? Since { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for the report and CSVs. Default: ./out.")]
        public string Out { get; init; } = "out";

        [CommandOption("--db <FILE>")]
        [Description("The DuckDB store. Default: <out>/parley.duckdb.")]
        public string? Db { get; init; }

        [CommandOption("--model <FILE>")]
        [Description("A saved statement model (parley train). Default: the default model, trained from the shipped labels on first use and cached.")]
        public string? Model { get; init; }

        [CommandOption("--features <SET>")]
        [Description("The default model's features: text+embeddings (default, better) or text (n-grams only: many times faster, for large corpora). Ignored with --model.")]
        public string Features { get; init; } = "text+embeddings";

        [CommandOption("--batch-size <N>")]
        [Description("Articles per batch (one transaction each). Default: 64.")]
        public int BatchSize { get; init; } = 64;

        [CommandOption("--wait")]
        [Description("If another process holds the store, wait for it instead of failing.")]
        public bool Wait { get; init; }

        [CommandOption("--no-report")]
        [Description("Stop after the store: no positions, no report.")]
        public bool NoReport { get; init; }

        /// <summary>The fetch sources named, if any.</summary>
        public SourceSet Sources() => new()
        {
            UrlFiles = UrlFiles, Feeds = Feeds, Sitemaps = Sitemaps,
            Since = SourceSet.TryParseSince(Since, out var since) ? since : null,
        };

        public override ValidationResult Validate() =>
            TrainCommand.ParseFeatures(Features) is null
                ? ValidationResult.Error($"--features must be text+embeddings or text, not '{Features}'.")
            : !SourceSet.TryParseSince(Since, out _)
                ? ValidationResult.Error($"--since '{Since}' is not a date (YYYY-MM-DD).")
            : Corpus is not null && UrlFiles.Length + Feeds.Length + Sitemaps.Length > 0
                ? ValidationResult.Error("give either --corpus or --urls/--feed/--sitemap, not both.")
            : BatchSize < 1 ? ValidationResult.Error("--batch-size must be at least 1.")
            : Model is not null && !File.Exists(Model) ? ValidationResult.Error($"--model {Model}: no such file.")
            : ValidationResult.Success();
    }

    /// <summary>The demo corpus copied beside the program by the build.</summary>
    internal static string DemoCorpus => Path.Combine(AppContext.BaseDirectory, "data", "demo", "articles");

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var sources = settings.Sources();
        FetchedCorpus.Result? fetched = null;
        if (!sources.IsEmpty)
        {
            try
            {
                Directory.CreateDirectory(settings.Out);
                fetched = await FetchedCorpus.FetchAsync(sources, settings.Out, console, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]parley run: cannot write the fetched pages under {settings.Out}: {ex.Message}[/]");
                return RunPipeline.ExitOutputUnusable;
            }
            foreach (var problem in fetched.Problems) console.MarkupLineInterpolated($"[yellow]parley run: {problem}[/]");
            console.MarkupLineInterpolated($"fetched {fetched.Pages} of {fetched.Listed} URL(s) into {Path.Combine(settings.Out, "archive")}: {fetched.Skipped} skipped, {fetched.Failed} failed");
        }
        var options = new RunOptions
        {
            Corpus = fetched?.Corpus ?? settings.Corpus ?? DemoCorpus,
            Out = settings.Out,
            Db = settings.Db ?? Path.Combine(settings.Out, "parley.duckdb"),
            BatchSize = settings.BatchSize,
            WaitForLock = settings.Wait,
            WriteReport = !settings.NoReport,
            CrashAfterBatch = int.TryParse(Environment.GetEnvironmentVariable(CrashAfterBatchVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
        };
        RunSummary summary;
        try
        {
            summary = await RunAsync(console, options, settings.Model, cancellationToken,
                fetched is null ? null : FetchedCorpus.ReadManifest(fetched.Corpus), TrainCommand.ParseFeatures(settings.Features)!.Value);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]parley run: cancelled. Batches committed so far are kept; run the same command again to resume.[/]");
            return RunPipeline.ExitCancelled;
        }
        RunSummaryTable.Write(console, summary);
        // A URL that could not be fetched is a failed input like an unreadable file.
        return summary.ExitCode == 0 && fetched is { } f && (f.Failed > 0 || f.Problems.Count > 0) ? RunPipeline.ExitFailedItems : summary.ExitCode;
    }

    internal static async Task<RunSummary> RunAsync(IAnsiConsole console, RunOptions options, string? model, CancellationToken ct,
        IReadOnlyDictionary<string, string>? urls = null, FeatureSet features = FeatureSet.TextAndEmbeddings)
    {
        RunSummary summary = null!;
        await console.Progress()
            .AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var progress = new SpectreRunProgress(ctx, console);
                var pipeline = new RunPipeline(DefaultStages.Create(model, progress.Message, urls, features), progress, TimeProvider.System);
                summary = await pipeline.RunAsync(options, ct);
            });
        return summary;
    }
}
