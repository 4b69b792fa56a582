using System.ComponentModel;
using Parley.Positions;
using Parley.Serialization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley positions</c>: classified statements → positions (party × issue × period), CSV or JSONL on stdout.</summary>
internal sealed class PositionsCommand : AsyncCommand<PositionsCommand.Settings>
{
    /// <summary>Options of <c>parley positions</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Classified statements, JSONL.</summary>
        [CommandOption("--statements <FILE>")]
        [Description("Classified statements, JSONL as `parley classify` writes them (- for stdin).")]
        public string? Statements { get; init; }

        /// <summary>Period length.</summary>
        [CommandOption("--period <PERIOD>")]
        [Description("day, week (ISO, Monday start) or month (default week).")]
        public string Period { get; init; } = "week";

        /// <summary>Rolling smoothing.</summary>
        [CommandOption("--smooth <N>")]
        [Description("Pool each position with the previous N−1 periods (default 1: no smoothing).")]
        public int Smooth { get; init; } = 1;

        /// <summary>Output format.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("jsonl (default, one Position record per line) or csv.")]
        public string Format { get; init; } = "jsonl";

        /// <summary>Print shifts instead of positions.</summary>
        [CommandOption("--shifts")]
        [Description("Print the shifts instead of the positions.")]
        public bool Shifts { get; init; }

        /// <summary>Count statements toward every issue they touch.</summary>
        [CommandOption("--secondary-issues")]
        [Description("Also count a statement toward the other issues it touches (its `stances`), weighted by stance × issue probability.")]
        public bool SecondaryIssues { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Statements) ? ValidationResult.Error("--statements FILE is required.")
            : ParsePeriod(Period) is null ? ValidationResult.Error($"--period must be day, week or month, not '{Period}'.")
            : Format is not ("csv" or "jsonl") ? ValidationResult.Error($"--format must be csv or jsonl, not '{Format}'.")
            : Smooth < 1 ? ValidationResult.Error("--smooth must be at least 1.")
            : ValidationResult.Success();
    }

    internal static PositionPeriod? ParsePeriod(string text) => text.ToLowerInvariant() switch
    {
        "day" => PositionPeriod.Day,
        "week" => PositionPeriod.Week,
        "month" => PositionPeriod.Month,
        _ => null,
    };

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var err = Terminal.Error();
        if (settings.Statements != "-" && !File.Exists(settings.Statements))
        {
            err.MarkupLineInterpolated($"[red]parley positions: no such file: {settings.Statements}[/]");
            return 1;
        }
        var (statements, errors) = await StatementsFile.ReadAsync(settings.Statements!, cancellationToken);
        foreach (var e in errors) err.MarkupLineInterpolated($"[yellow]{settings.Statements}: {e}[/]");
        var analysis = PositionSeries.Analyze(statements,
            new PositionOptions
            {
                Period = ParsePeriod(settings.Period)!.Value,
                SmoothingPeriods = settings.Smooth,
                CountSecondaryIssues = settings.SecondaryIssues,
            });

        var stdout = Console.Out;
        if (settings.Format == "csv")
        {
            if (settings.Shifts) PositionSeries.WriteShiftsCsv(analysis.Shifts, stdout);
            else PositionSeries.WriteCsv(analysis.Positions, stdout);
        }
        else if (settings.Shifts)
        {
            foreach (var s in analysis.Shifts) stdout.WriteLine(ParleyJson.ToLine(s));
        }
        else
        {
            foreach (var p in analysis.Positions) stdout.WriteLine(ParleyJson.ToLine(p));
        }
        await stdout.FlushAsync(cancellationToken);

        var skipped = string.Join(", ", analysis.Skipped.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value} {k.Key}"));
        err.MarkupLineInterpolated(
            $"positions: {statements.Count} statements ({errors.Count} bad lines; {analysis.Quotes.Count} distinct counted{(skipped.Length > 0 ? "; left out: " + skipped : "")}) → {analysis.Positions.Count} positions, {analysis.Shifts.Count} shifts");
        return errors.Count > 0 ? 1 : 0;
    }
}
