using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli;

/// <summary>The `parley` command line: one verb per pipeline stage.</summary>
/// <remarks>Records go to stdout, everything else (progress, messages, summaries) to stderr.</remarks>
public static class ParleyApp
{
    /// <summary>Runs the command line with the given arguments and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("parley");
            config.Settings.Console = Terminal.Error(stderr);
            config.PropagateExceptions();
            // Verbs, in pipeline order.
            config.AddCommand<Commands.RunCommand>("run").WithDescription("The main job: corpus → articles → statements → classification → positions → report, on a DuckDB store.");
            config.AddCommand<Commands.FetchCommand>("fetch").WithDescription("Fetch URLs, feeds and sitemaps politely into a WARC archive (--extract for articles).");
            config.AddCommand<Commands.ExtractCommand>("extract").WithDescription("Extract articles from HTML pages, wire .txt files and WARC archives.");
            config.AddCommand<Commands.StatementsCommand>("statements").WithDescription("Find quotes and reported speech with speakers and parties.");
            config.AddCommand<Commands.TrainCommand>("train").WithDescription("Train a text classifier on any CSV/TSV with grouped cross-validation.");
            config.AddCommand<Commands.EvaluateCommand>("evaluate").WithDescription("Evaluate a saved model on labelled data.");
            config.AddCommand<Commands.PredictCommand>("predict").WithDescription("Predict labels for every row of a CSV/TSV.");
            config.AddCommand<Commands.ClassifyCommand>("classify").WithDescription("Add issue, stance and party to statements (JSONL).");
            config.AddCommand<Commands.PositionsCommand>("positions").WithDescription("Turn classified statements into positions over time.");
            config.AddCommand<Commands.ReportCommand>("report").WithDescription("Write the HTML report (charts, statements, method) and CSVs.");
            config.AddCommand<Commands.ExportCommand>("export").WithDescription("Export the store to Parquet (partitioned by month) or CSV.");
            config.AddCommand<Commands.GenerateCommand>("generate").WithDescription("Generate a synthetic corpus of realistic news pages for scale tests.");
            config.AddBranch("bench", bench =>
            {
                bench.SetDescription("Benchmarks on real or generated data; they print figures.");
                bench.AddCommand<Commands.BenchExtractCommand>("extract");
                bench.AddCommand<Commands.BenchStatementsCommand>("statements");
                bench.AddCommand<Commands.BenchClassifyCommand>("classify");
                bench.AddCommand<Commands.BenchPositionsCommand>("positions");
                bench.AddCommand<Commands.BenchRunCommand>("run");
                bench.AddCommand<Commands.BenchFetchCommand>("fetch");
            });
        });
        try
        {
            return await app.RunAsync(args);
        }
        catch (Exception ex) when (ex is CommandParseException or CommandRuntimeException)
        {
            (stderr ?? Console.Error).WriteLine($"parley: {ex.Message}");
            return 2;
        }
    }
}
