using System.ComponentModel;
using System.Globalization;
using Parley.Benchmarks.Positions;
using Parley.Serialization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley bench positions</c>: times weekly positions with bands on synthetic statements, on one thread.</summary>
internal sealed class BenchPositionsCommand : Command<BenchPositionsCommand.Settings>
{
    /// <summary>Options of <c>parley bench positions</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>How many synthetic statements to aggregate.</summary>
        [CommandOption("--statements <N>")]
        [Description("Number of synthetic classified statements (default 1000000).")]
        public int Statements { get; init; } = 1_000_000;

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Statements > 0 ? ValidationResult.Success() : ValidationResult.Error("--statements must be positive.");
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var err = Terminal.Error();
        err.MarkupLine($"[grey]Generating {settings.Statements:N0} synthetic statements…[/]");
        var statements = PositionsBenchmark.Generate(settings.Statements);
        err.MarkupLine("[grey]Aggregating into weekly positions with bands (one thread)…[/]");
        var result = PositionsBenchmark.Run(statements);
        err.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"positions: {result.Statements:N0} statements ({result.DistinctStatements:N0} after de-duplication) → {result.Positions:N0} weekly positions, {result.Shifts:N0} shifts in [bold]{result.Seconds:F2} s[/] wall, [bold]{result.CpuSeconds:F2} s[/] CPU ({result.StatementsPerSecond:N0} statements/s, {result.AllocatedBytes / 1e6:N0} MB allocated); target < 5 s for 1,000,000"));
        Console.Out.WriteLine(ParleyJson.ToLine(result));
        return 0;
    }
}
