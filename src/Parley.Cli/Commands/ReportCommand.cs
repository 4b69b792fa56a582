using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Charts;
using Parley.Positions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley report</c>: classified statements → report.html (charts, table, method) and CSVs.</summary>
internal sealed class ReportCommand : AsyncCommand<ReportCommand.Settings>
{
    /// <summary>Options of <c>parley report</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Classified statements, JSONL.</summary>
        [CommandOption("--statements <FILE>")]
        [Description("Classified statements, JSONL as `parley classify` writes them (- for stdin).")]
        public string? Statements { get; init; }

        /// <summary>Output directory.</summary>
        [CommandOption("--out <DIR>")]
        [Description("Directory for report.html and the CSVs (default: report).")]
        public string Out { get; init; } = "report";

        /// <summary>Period length.</summary>
        [CommandOption("--period <PERIOD>")]
        [Description("day, week (ISO, Monday start) or month (default week).")]
        public string Period { get; init; } = "week";

        /// <summary>Also write PNGs.</summary>
        [CommandOption("--png")]
        [Description("Also write each chart as PNG with the system Chromium (/usr/bin/chromium).")]
        public bool Png { get; init; }

        /// <summary>Model card JSON to include.</summary>
        [CommandOption("--model-card <FILE>")]
        [Description("A model card (JSON) to show in the report.")]
        public string? ModelCard { get; init; }

        /// <summary>Report title.</summary>
        [CommandOption("--title <TEXT>")]
        [Description("The report's title.")]
        public string? Title { get; init; }

        /// <summary>Count statements toward every issue they touch.</summary>
        [CommandOption("--secondary-issues")]
        [Description("Also count a statement toward the other issues it touches (its `stances`), weighted by stance × issue probability.")]
        public bool SecondaryIssues { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Statements) ? ValidationResult.Error("--statements FILE is required.")
            : PositionsCommand.ParsePeriod(Period) is null ? ValidationResult.Error($"--period must be day, week or month, not '{Period}'.")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var err = Terminal.Error();
        if (settings.Statements != "-" && !File.Exists(settings.Statements))
        {
            err.MarkupLineInterpolated($"[red]parley report: no such file: {settings.Statements}[/]");
            return 1;
        }
        var (statements, errors) = await StatementsFile.ReadAsync(settings.Statements!, cancellationToken);
        foreach (var e in errors) err.MarkupLineInterpolated($"[yellow]{settings.Statements}: {e}[/]");

        JsonNode? card = null;
        if (settings.ModelCard is not null)
        {
            try
            {
                card = JsonNode.Parse(await File.ReadAllTextAsync(settings.ModelCard, cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                err.MarkupLineInterpolated($"[red]parley report: cannot read model card {settings.ModelCard}: {ex.Message}[/]");
                return 1;
            }
        }

        var options = new ReportOptions
        {
            Title = settings.Title,
            Png = settings.Png,
            ModelCard = card,
            Charts = new ChartOptions
            {
                Positions = new PositionOptions
                {
                    Period = PositionsCommand.ParsePeriod(settings.Period)!.Value,
                    CountSecondaryIssues = settings.SecondaryIssues,
                },
            },
        };
        var result = await Report.WriteAsync(statements, settings.Out, options, cancellationToken);
        foreach (var w in result.Warnings) err.MarkupLineInterpolated($"[yellow]warning: {w}[/]");
        err.MarkupLineInterpolated(
            $"report: {result.Statements} statements read ({errors.Count} bad lines) → {result.Positions} positions, {result.Shifts} shifts, {result.Charts} charts; wrote {result.ReportPath}");
        foreach (var file in result.Files) Console.Out.WriteLine(file);
        return errors.Count > 0 || (settings.Png && result.Warnings.Count > 0) ? 1 : 0;
    }
}
