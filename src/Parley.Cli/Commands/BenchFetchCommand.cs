using System.ComponentModel;
using Parley.Articles;
using Parley.Benchmarks.Fetching;
using Parley.Fetching;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley bench fetch</c>: fetch, archive and extract real pages served on loopback hosts.</summary>
internal sealed class BenchFetchCommand : AsyncCommand<BenchFetchCommand.Settings>
{
    /// <summary>Options of <c>parley bench fetch</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--dataset <DIR>")]
        [Description("Folder of .html or .html.gz pages to serve (e.g. ../shared/bench/aeb-dev/html).")]
        public string Dataset { get; init; } = "";

        [CommandOption("--pages <N>")]
        [Description("Page requests to make (pages are reused round-robin). Default 3000.")]
        [DefaultValue(3000)]
        public int Pages { get; init; } = 3000;

        [CommandOption("--hosts <N>")]
        [Description("Loopback hosts serving the pages. Default 8.")]
        [DefaultValue(8)]
        public int Hosts { get; init; } = 8;

        [CommandOption("--connections <N>")]
        [Description("Connections per host. Default 4.")]
        [DefaultValue(4)]
        public int Connections { get; init; } = 4;

        [CommandOption("--rate <N>")]
        [Description("Requests per second per host. Default 50.")]
        [DefaultValue(50.0)]
        public double Rate { get; init; } = 50;

        [CommandOption("--no-extract")]
        [Description("Fetch and archive only, to see what extraction costs.")]
        public bool NoExtract { get; init; }

        [CommandOption("--no-warm-up")]
        [Description("Skip the untimed warm-up round over the distinct pages.")]
        public bool NoWarmUp { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Dataset) || !Directory.Exists(Dataset) ? ValidationResult.Error($"--dataset '{Dataset}' is not a folder")
            : Pages < 1 || Hosts < 1 || Connections < 1 || Rate <= 0 ? ValidationResult.Error("pages, hosts, connections and rate must be positive")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = Terminal.Error();
        var options = new FetchOptions
        {
            PerHostConcurrency = settings.Connections,
            PerHostRequestsPerSecond = settings.Rate,
            GlobalConcurrency = settings.Hosts * settings.Connections,
        };
        console.MarkupLineInterpolated($"fetching {settings.Pages} pages from {settings.Hosts} loopback hosts × {settings.Connections} connections at ≤ {settings.Rate}/s per host …");
        var result = await FetchBenchmark.RunAsync(settings.Dataset, settings.Pages, settings.Hosts, options,
            settings.NoExtract ? null : new ArticleExtractor(),
            !settings.NoWarmUp, cancellationToken);
        var table = new Table().AddColumns("measure", "value");
        table.AddRow("pages requested", result.Pages.ToString());
        table.AddRow("fetched + archived", result.Fetched.ToString());
        table.AddRow("extracted", result.Extracted.ToString());
        table.AddRow("failed", result.Failed.ToString());
        table.AddRow("elapsed", $"{result.Elapsed.TotalSeconds:0.00} s");
        table.AddRow(settings.NoExtract ? "pages/s (fetched, archived)" : "pages/s (fetched, archived, extracted)", $"{result.PagesPerSecond:0.0}");
        table.AddRow("processor time (server and client, all threads)", $"{result.ProcessorTime.TotalSeconds:0.00} s = {result.Extracted / result.ProcessorTime.TotalSeconds:0} pages per CPU-second");
        table.AddRow("ceiling (hosts × rate)", $"{settings.Hosts * settings.Rate:0}");
        table.AddRow("garbage collections (gen 0/1/2), pause", $"{result.Collections[0]}/{result.Collections[1]}/{result.Collections[2]}, {result.GcPause.TotalSeconds:0.00} s");
        table.AddRow("max requests to one host in any 1 s", $"{result.MaxPerHostPerSecond} (limit {settings.Rate:0})");
        table.AddRow("archive size", $"{result.ArchiveBytes / 1048576.0:0.0} MiB");
        table.AddRow("peak working set", $"{result.PeakWorkingSetBytes / 1048576.0:0} MiB");
        console.Write(table);
        bool rateHeld = result.MaxPerHostPerSecond <= Math.Ceiling(settings.Rate);
        if (!rateHeld) console.MarkupLine("[red]the per-host rate limit did not hold[/]");
        return result.Failed == 0 && rateHeld ? 0 : 1;
    }
}
