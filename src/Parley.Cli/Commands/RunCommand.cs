using System.ComponentModel;
using System.Globalization;
using Parley.Cli.Pipeline;
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

        [CommandOption("--out <DIR>")]
        [Description("Folder for the report and CSVs. Default: ./out.")]
        public string Out { get; init; } = "out";

        [CommandOption("--db <FILE>")]
        [Description("The DuckDB store. Default: <out>/parley.duckdb.")]
        public string? Db { get; init; }

        [CommandOption("--model <FILE>")]
        [Description("A saved statement model (parley train). Default: the default model, trained from the shipped labels on first use and cached.")]
        public string? Model { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description("Articles per batch (one transaction each). Default: 64.")]
        public int BatchSize { get; init; } = 64;

        [CommandOption("--wait")]
        [Description("If another process holds the store, wait for it instead of failing.")]
        public bool Wait { get; init; }

        [CommandOption("--no-report")]
        [Description("Stop after the store: no positions, no report.")]
        public bool NoReport { get; init; }

        public override ValidationResult Validate() =>
            BatchSize < 1 ? ValidationResult.Error("--batch-size must be at least 1.")
            : Model is not null && !File.Exists(Model) ? ValidationResult.Error($"--model {Model}: no such file.")
            : ValidationResult.Success();
    }

    /// <summary>The demo corpus copied beside the program by the build.</summary>
    internal static string DemoCorpus => Path.Combine(AppContext.BaseDirectory, "data", "demo", "articles");

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new RunOptions
        {
            Corpus = settings.Corpus ?? DemoCorpus,
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
            summary = await RunAsync(console, options, settings.Model, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]parley run: cancelled. Batches committed so far are kept; run the same command again to resume.[/]");
            return RunPipeline.ExitCancelled;
        }
        RunSummaryTable.Write(console, summary);
        return summary.ExitCode;
    }

    internal static async Task<RunSummary> RunAsync(IAnsiConsole console, RunOptions options, string? model, CancellationToken ct)
    {
        RunSummary summary = null!;
        await console.Progress()
            .AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var progress = new SpectreRunProgress(ctx, console);
                var pipeline = new RunPipeline(DefaultStages.Create(model, progress.Message), progress, TimeProvider.System);
                summary = await pipeline.RunAsync(options, ct);
            });
        return summary;
    }
}
