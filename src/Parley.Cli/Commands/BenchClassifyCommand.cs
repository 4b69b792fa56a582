using System.ComponentModel;
using System.Globalization;
using System.Text;
using Parley.Benchmarks.Classification;
using Parley.Classification.Statements;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley bench classify</c>: statement-classifier quality on labels (folds grouped by article) and speed.</summary>
internal sealed class BenchClassifyCommand : AsyncCommand<BenchClassifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <FILE>")]
        [Description("Labels CSV (id,articleId,date,speaker,party,issue,stance,text); default: the shipped data/labels.")]
        public string? Data { get; init; }

        [CommandOption("--rows <N>")]
        [Description("Statements for the training-speed run (default 3000).")]
        [DefaultValue(3000)]
        public int Rows { get; init; } = 3000;

        [CommandOption("--no-speed")]
        [Description("Only the quality figures.")]
        public bool NoSpeed { get; init; }

        [CommandOption("--features <SET>")]
        [Description("text+embeddings (default) or text (n-gram-only heads: quality, training and prediction speed of that mode).")]
        [DefaultValue("text+embeddings")]
        public string Features { get; init; } = "text+embeddings";

        [CommandOption("--no-quality")]
        [Description("Skip the cross-validated quality figures (speed only).")]
        public bool NoQuality { get; init; }

        [CommandOption("--out-of-fold <FILE>")]
        [Description("Write every labelled row with its out-of-fold predicted issue, stance and party to this CSV (error analysis).")]
        public string? OutOfFold { get; init; }

        [CommandOption("--json")]
        [Description("Print the figures as JSON on stdout.")]
        public bool Json { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ClassificationOutput.GuardAsync("bench classify", async () =>
        {
            var console = Terminal.Error();
            string csv;
            if (settings.Data is null)
            {
                await using var stream = typeof(StatementClassifier).Assembly.GetManifestResourceStream("Parley.data.labels.statements.csv")!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                csv = await reader.ReadToEndAsync(cancellationToken);
            }
            else
            {
                if (!File.Exists(settings.Data))
                    throw new Parley.Classification.DataFileException($"{settings.Data}: file not found.");
                csv = await File.ReadAllTextAsync(settings.Data, cancellationToken);
            }
            var labels = StatementClassifier.ParseLabels(csv, settings.Data ?? "data/labels/statements.csv");
            var cache = Path.Combine(Path.GetTempPath(), "parley-bench-classify-" + Guid.NewGuid().ToString("N"));
            try
            {
                var result = await Task.Run(() => ClassificationBenchmark.Run(labels, settings.Rows, !settings.NoSpeed, cache,
                    StatementClassifier.DefaultSpeakerResolver, line => console.MarkupLineInterpolated($"[grey]{line}[/]"), cancellationToken,
                    TrainCommand.ParseFeatures(settings.Features) ?? throw new Parley.Classification.DataFileException($"--features must be text+embeddings or text, not '{settings.Features}'."),
                    quality: !settings.NoQuality), cancellationToken);
                Print(console, result);
                if (settings.OutOfFold is { } oof)
                    await File.WriteAllTextAsync(oof, OutOfFoldCsv(result.OutOfFold), cancellationToken);
                if (settings.Json)
                    ClassificationOutput.WriteJson(result);
                return 0;
            }
            finally
            {
                try { Directory.Delete(cache, recursive: true); } catch (IOException) { }
            }
        });

    private static string OutOfFoldCsv(IReadOnlyList<OutOfFoldRow> rows)
    {
        static string Q(string? v) => v is null ? "" : v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v;
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var csv = new StringBuilder("id,articleId,fold,issue,predictedIssue,issueScore,stance,predictedStance,stanceScore,party,predictedParty,partySource,text\r\n");
        foreach (var r in rows)
            csv.Append(string.Join(',', Q(r.Label.Id), Q(r.Label.ArticleId), r.Fold.ToString(CultureInfo.InvariantCulture), Q(r.Label.Issue), Q(r.Issue), F(r.IssueScore),
                Q(r.Label.Stance), Q(r.Stance), F(r.StanceScore), Q(r.Label.Party), Q(r.Party), Q(r.PartySource), Q(r.Label.Text))).Append("\r\n");
        return csv.ToString();
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static void Print(IAnsiConsole console, ClassificationBenchmarkResult r)
    {
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("figure", "measured", "target");
        if (r.Rows > 0)
        {
            table.AddRow($"issue accuracy ({r.Folds} folds grouped by article, {r.Rows} rows)", F(r.Issue.Accuracy), ">= 0.85");
            table.AddRow("issue macro-F1", F(r.Issue.MacroF1), "");
            table.AddRow("stance macro-F1 (toward the labelled issue)", F(r.Stance.MacroF1), ">= 0.75");
            table.AddRow("stance macro-F1 (main predicted issue)", F(r.StanceEndToEnd.MacroF1), "");
            table.AddRow("stance Brier / ECE", $"{F(r.Stance.Brier)} / {F(r.Stance.ExpectedCalibrationError)}", "");
            table.AddRow($"party accuracy, gazetteer + model ({r.Party.Rows} rows)", F(r.Party.Accuracy), ">= 0.90");
            table.AddRow("party accuracy, model alone", F(r.PartyModelOnly.Accuracy), "");
            table.AddRow("rows whose speaker the gazetteer resolved", F(r.GazetteerResolved), "");
        }
        if (r.Speed is { Features: FeatureSet.TextOnly } t)
        {
            table.AddRow($"training text-only heads on {t.TrainRows} statements (3 heads)", $"{t.TrainSeconds:0.0} s wall, {t.TrainCpuSeconds:0.0} s CPU", "< 60 s");
            table.AddRow($"prediction, text-only ({t.PredictRows} statements, {t.MeanWords:0.0} words, 3 heads)", $"{t.CachedPerSecond:0} /s wall, {t.CachedCpuPerSecond:0} per CPU-second", ">= 50,000 /s");
        }
        else if (r.Speed is { } s)
        {
            table.AddRow($"training on {s.TrainRows} statements incl. embeddings (3 heads)", $"{s.TrainSeconds:0.0} s wall (embeddings {s.EmbedSeconds:0.0} s), {s.TrainCpuSeconds:0.0} s CPU", "< 60 s");
            table.AddRow("training one head with 5-fold CV (embeddings cached)", $"{s.TrainWithCrossValidationSeconds:0.0} s", "");
            table.AddRow($"prediction, embeddings computed ({s.PredictRows} statements, {s.MeanWords:0.0} words)", $"{s.ColdPerSecond:0} /s wall, {s.ColdCpuPerSecond:0} per CPU-second", ">= 100 /s");
            table.AddRow("prediction, embeddings cached", $"{s.CachedPerSecond:0} /s wall, {s.CachedCpuPerSecond:0} per CPU-second", ">= 50,000 /s");
            table.AddRow("prediction, n-gram model without embeddings", $"{s.NoEmbeddingPerSecond:0} /s", ">= 50,000 /s");
        }
        console.Write(table);
        console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}");
    }
}
