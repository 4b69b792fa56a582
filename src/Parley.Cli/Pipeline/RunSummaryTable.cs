using System.Globalization;
using Spectre.Console;

using Parley.Store.Pipeline;

namespace Parley.Cli.Pipeline;

/// <summary>Prints a run's summary on stderr: counts, statements per party, time per stage, failures, the report path.</summary>
internal static class RunSummaryTable
{
    private const int FailuresShown = 20;

    public static void Write(IAnsiConsole console, RunSummary summary)
    {
        if (summary.Error is not null)
        {
            console.MarkupLineInterpolated($"[red]parley run: {summary.Error}[/]");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title("parley run").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        void Row(string label, string value) => table.AddRow(Markup.Escape(label), Markup.Escape(value));
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

        Row("input files", N(summary.Files));
        Row("  already in the store (skipped)", N(summary.AlreadyStored));
        Row("  read", N(summary.Read));
        Row("  extracted", N(summary.Extracted));
        Row("  duplicates (same article id)", N(summary.Duplicates));
        Row("  failed", N(summary.Failed));
        Row("statements", N(summary.Statements));
        foreach (var (party, count) in summary.StatementsPerParty) Row($"  {party}", N(count));
        Row("positions", N(summary.Positions));
        foreach (var (stage, wall, cpu, items) in summary.StageTimes)
        {
            var rate = wall.TotalSeconds > 0 && items > 0 ? $" ({(items / wall.TotalSeconds).ToString("N1", CultureInfo.InvariantCulture)}/s)" : "";
            Row($"time: {stage}", $"{wall.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)} s{rate}, CPU {cpu.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)} s");
        }
        Row("time: total", $"{summary.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)} s");
        Row("peak memory", $"{summary.PeakWorkingSet / (1024 * 1024)} MB");
        console.Write(table);

        foreach (var failure in summary.Failures.Take(FailuresShown))
            console.MarkupLineInterpolated($"[red]failed:[/] {failure.Source}: {failure.Error}");
        if (summary.Failures.Count > FailuresShown)
            console.MarkupLineInterpolated($"… and {summary.Failures.Count - FailuresShown} more (see the sources table: SELECT * FROM sources WHERE outcome = 'failed').");
        if (summary.ReportPath is not null) console.MarkupLineInterpolated($"Report: [bold]{Path.GetFullPath(summary.ReportPath)}[/]");
    }
}
