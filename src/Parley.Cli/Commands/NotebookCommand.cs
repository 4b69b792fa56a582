using System.ComponentModel;
using System.Globalization;
using Parley.Notebooks.Documents;
using Parley.Notebooks.Kernel;
using Parley.Notebooks.Runner;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley notebook run</c>: runs notebooks headless and writes the executed notebook and an HTML report.</summary>
internal sealed class NotebookCommand : AsyncCommand<NotebookCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<notebook>")]
        [Description("Notebooks to run (.ipynb or .dib), in order.")]
        public string[] Notebooks { get; init; } = [];

        [CommandOption("-p|--parameter <NAME=VALUE>")]
        [Description("A value for the cell tagged 'parameters' (repeatable).")]
        public string[] Parameters { get; init; } = [];

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for <name>.ipynb and <name>.html (default: ./out).")]
        public string? Out { get; init; }

        [CommandOption("--cell-timeout <SECONDS>")]
        [Description("Fail a cell that runs longer than this many seconds.")]
        public double? CellTimeout { get; init; }

        public override ValidationResult Validate()
        {
            if (CellTimeout is <= 0)
            {
                return ValidationResult.Error("--cell-timeout must be positive");
            }
            return Notebooks.Length == 0 ? ValidationResult.Error("give at least one notebook") : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Captured before any kernel swaps Console.Out/Error, so the host's messages always reach the terminal.
        var stderr = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        IReadOnlyList<KeyValuePair<string, string>> parameters;
        try
        {
            parameters = NotebookParameters.ParsePairs(settings.Parameters);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync($"parley notebook run: {ex.Message}");
            return 2;
        }
        var options = new NotebookRunOptions
        {
            OutputDirectory = Path.GetFullPath(settings.Out ?? "out"),
            Parameters = parameters,
            CellTimeout = settings.CellTimeout is { } s ? TimeSpan.FromSeconds(s) : null,
            Kernel = new ParleyKernelOptions { Log = stderr },
        };
        var runner = new NotebookRunner(options, stderr);
        var failed = 0;
        foreach (var notebook in settings.Notebooks)
        {
            var result = await runner.RunAsync(notebook, cancellationToken);
            if (!result.Succeeded)
            {
                failed++;
                await stderr.WriteAsync(NotebookRunner.DescribeFailure(result));
                if (result.ExecutedNotebook is not null)
                {
                    await stderr.WriteLineAsync($"partial outputs: {result.ExecutedNotebook}, {result.Html}");
                }
                continue;
            }
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ok: {Path.GetFileName(result.Notebook)}: {result.CellsRun} cells in {result.Elapsed.TotalSeconds:0.0} s -> {result.Html}"));
        }
        return failed == 0 ? 0 : 1;
    }
}
