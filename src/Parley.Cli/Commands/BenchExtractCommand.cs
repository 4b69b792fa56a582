using System.ComponentModel;
using System.Globalization;
using Parley.Articles;
using Parley.Benchmarks.Extraction;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley bench extract</c>: scores article extraction on a benchmark dataset against SmartReader.</summary>
internal sealed class BenchExtractCommand : Command<BenchExtractCommand.Settings>
{
    /// <summary>Options of <c>parley bench extract</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--dataset <DIR>")]
        [Description("Dataset folder: aeb layout (html/<id>.html.gz + ground-truth.json) or wcxb layout (html/NNNN.html.gz + ground-truth/NNNN.json).")]
        public string Dataset { get; init; } = "";

        [CommandOption("--layout <LAYOUT>")]
        [Description("aeb or wcxb; detected from the folder when left out.")]
        public string? Layout { get; init; }

        [CommandOption("--baseline <NAME>")]
        [Description("smartreader (default) or none.")]
        [DefaultValue("smartreader")]
        public string Baseline { get; init; } = "smartreader";

        [CommandOption("--repeat <N>")]
        [Description("Process the pages N times (speed and memory on a larger batch; scores come from the first pass).")]
        [DefaultValue(1)]
        public int Repeat { get; init; } = 1;

        [CommandOption("--predictions <FILE>")]
        [Description("Score a saved prediction file (aeb format) instead of running extractors: checks the metric against published outputs.")]
        public string? Predictions { get; init; }

        [CommandOption("--worst <N>")]
        [Description("List the N pages where Parley scored lowest.")]
        [DefaultValue(0)]
        public int Worst { get; init; }

        [CommandOption("--dump <DIR>")]
        [Description("Write Parley's prediction for each page to DIR/<id>.txt, for inspecting failures.")]
        public string? Dump { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Dataset) ? ValidationResult.Error("--dataset is required")
            : !Directory.Exists(Dataset) ? ValidationResult.Error($"dataset folder not found: {Dataset}")
            : Repeat < 1 ? ValidationResult.Error("--repeat must be at least 1")
            : Baseline is not ("smartreader" or "none") ? ValidationResult.Error("--baseline must be smartreader or none")
            : Layout is not (null or "aeb" or "wcxb") ? ValidationResult.Error("--layout must be aeb or wcxb")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = Terminal.Error();
        var layout = settings.Layout switch { "aeb" => BenchLayout.Aeb, "wcxb" => BenchLayout.Wcxb, _ => BenchDataset.Detect(settings.Dataset) };
        var pages = BenchDataset.Load(settings.Dataset, layout);
        console.MarkupLineInterpolated($"[grey]{pages.Count} pages, layout {layout.ToString().ToLowerInvariant()}[/]");
        if (settings.Predictions is { } file)
        {
            var score = ExtractionBenchmark.ScorePredictions(pages, BenchDataset.LoadPredictions(file));
            var t = new Table().AddColumns("predictions", "F1", "precision", "recall", "accuracy");
            t.AddRow(Path.GetFileName(file), F(score.F1), F(score.Precision), F(score.Recall), F(score.Accuracy));
            console.Write(t);
            return 0;
        }
        var parley = ExtractionBenchmark.Parley(new ArticleExtractor());
        if (settings.Dump is { } dump)
        {
            Directory.CreateDirectory(dump);
            var inner = parley.Run;
            parley = parley with
            {
                Run = (bytes, page) =>
                {
                    var p = inner(bytes, page);
                    File.WriteAllText(Path.Combine(dump, page.Id + ".txt"), $"TITLE: {p.Title}\nAUTHOR: {p.Author}\nDATE: {p.Published}\n\n{p.Body}");
                    return p;
                },
            };
        }
        var systems = new List<ExtractionSystem> { parley };
        if (settings.Baseline == "smartreader") systems.Add(ExtractionBenchmark.SmartReader());
        List<SystemReport> reports = [];
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            reports = ExtractionBenchmark.Run(pages, systems, settings.Repeat, (name, done, total) =>
            {
                if (!tasks.TryGetValue(name, out var task)) tasks[name] = task = ctx.AddTask(name, maxValue: total);
                task.Value = done;
            });
        });
        var table = new Table().AddColumns("system", "F1", "precision", "recall", "accuracy", "title", "author", "date", "pages/s (1 thread)");
        foreach (var r in reports)
            table.AddRow(r.Name, F(r.Body.F1), F(r.Body.Precision), F(r.Body.Recall), F(r.Body.Accuracy),
                Acc(r.TitleAccuracy, r.TitlePages), Acc(r.AuthorAccuracy, r.AuthorPages), Acc(r.DateAccuracy, r.DatePages),
                r.PagesPerSecond.ToString("0.0", CultureInfo.InvariantCulture));
        console.Write(table);
        if (reports.Count == 2 && reports[1].PagesPerSecond > 0)
            console.MarkupLineInterpolated($"speed: Parley is {reports[0].PagesPerSecond / reports[1].PagesPerSecond:0.00}x SmartReader");
        console.MarkupLineInterpolated($"pages processed per system: {reports[0].Pages}; peak RSS: {ExtractionBenchmark.PeakRss() / 1048576.0:0} MB");
        if (settings.Worst > 0)
            foreach (var (id, f1) in reports[0].Worst.Take(settings.Worst))
                console.WriteLine($"  {f1:0.000}  {id}");
        return 0;
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Acc(double? v, int n) => v is null ? "-" : $"{F(v.Value)} (n={n})";
}
