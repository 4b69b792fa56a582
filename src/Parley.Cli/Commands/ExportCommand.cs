using System.ComponentModel;
using Parley.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley export --db FILE --out DIR [--format parquet|csv]</c>: the store's tables for DuckDB or Spark elsewhere.</summary>
internal sealed class ExportCommand(IAnsiConsole console) : AsyncCommand<ExportCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--db <FILE>")]
        [Description("The store to export. Default: out/parley.duckdb.")]
        public string Db { get; init; } = Path.Combine("out", "parley.duckdb");

        [CommandOption("--out <DIR>")]
        [Description("Folder to write into. Default: out/export.")]
        public string Out { get; init; } = Path.Combine("out", "export");

        [CommandOption("--format <FORMAT>")]
        [Description("parquet (partitioned by month) or csv. Default: parquet.")]
        public string Format { get; init; } = "parquet";

        [CommandOption("--wait")]
        [Description("Wait for another process that holds the store instead of failing.")]
        public bool Wait { get; init; }

        public override ValidationResult Validate() =>
            Format is "parquet" or "csv" ? ValidationResult.Success() : ValidationResult.Error("--format must be parquet or csv.");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Db))
        {
            console.MarkupLineInterpolated($"[red]parley export: there is no store at {Path.GetFullPath(settings.Db)}.[/] Run `parley run` first, or pass --db.");
            return 5;
        }
        if (Parley.Store.Pipeline.RunPipeline.OutputProblem(settings.Out, 16L * 1024 * 1024) is { } problem)
        {
            console.MarkupLineInterpolated($"[red]parley export: {problem}[/]");
            return 4;
        }
        try
        {
            await using var store = await CorpusStore.OpenAsync(settings.Db, new CorpusStoreOptions
            {
                WaitForLock = settings.Wait,
                OnWaiting = ex => console.MarkupLineInterpolated($"[yellow]{ex.Message}[/] Waiting…"),
            }, cancellationToken);
            var written = await store.ExportAsync(settings.Out, settings.Format == "csv" ? ExportFormat.Csv : ExportFormat.Parquet, cancellationToken);
            foreach (var path in written) console.MarkupLineInterpolated($"wrote {path}");
            return 0;
        }
        catch (StoreInUseException ex)
        {
            console.MarkupLineInterpolated($"[red]parley export: {ex.Message}[/]");
            return 3;
        }
    }
}
