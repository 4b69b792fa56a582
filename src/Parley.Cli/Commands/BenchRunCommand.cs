using Parley.Classification.Statements;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Parley.Benchmarks.Generation;
using Parley.Cli.Pipeline;
using Parley.Serialization;
using Parley.Store.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley bench run --articles N</c>: generates a synthetic corpus, runs extract → statements → classify → store on
/// it, and prints the time and throughput of each stage and the peak memory (one JSON record on stdout).
/// </summary>
internal sealed class BenchRunCommand(IAnsiConsole console) : AsyncCommand<BenchRunCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--articles <N>")]
        [Description("Pages to generate. Default: 5000.")]
        public int Articles { get; init; } = 5000;

        [CommandOption("--corpus <DIR>")]
        [Description("Use this corpus folder instead of generating one (it is generated there if empty or missing).")]
        public string? Corpus { get; init; }

        [CommandOption("--work <DIR>")]
        [Description("Folder for the generated corpus and the store. Default: a new folder under the system temp folder, deleted afterwards.")]
        public string? Work { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Generator seed. Default: 1.")]
        public int Seed { get; init; } = 1;

        [CommandOption("--batch-size <N>")]
        [Description("Articles per batch. Default: 64.")]
        public int BatchSize { get; init; } = 64;

        [CommandOption("--features <SET>")]
        [Description("The default model's features: text (default here: the scale target is for text features) or text+embeddings.")]
        public string Features { get; init; } = "text";

        public override ValidationResult Validate() => TrainCommand.ParseFeatures(Features) is null
            ? ValidationResult.Error($"--features must be text+embeddings or text, not '{Features}'")
            : ValidationResult.Success();

        [CommandOption("--model <FILE>")]
        [Description("A saved statement model. Default: the default model.")]
        public string? Model { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        bool temporary = settings.Work is null;
        var work = settings.Work ?? Directory.CreateTempSubdirectory("parley-bench-").FullName;
        var corpus = settings.Corpus ?? Path.Combine(work, "corpus");
        try
        {
            double generateSeconds = 0;
            if (!Directory.Exists(corpus) || !Directory.EnumerateFileSystemEntries(corpus).Any())
            {
                var start = TimeProvider.System.GetTimestamp();
                var generated = await new CorpusGenerator().WriteAsync(corpus, settings.Articles, settings.Seed, ct: cancellationToken);
                generateSeconds = TimeProvider.System.GetElapsedTime(start).TotalSeconds;
                console.MarkupLineInterpolated($"generated {generated.Files:N0} pages, {generated.Bytes / (1024.0 * 1024):N0} MB, in {generateSeconds:N1} s");
            }
            var db = Path.Combine(work, "bench.duckdb");
            foreach (var stale in new[] { db, db + ".wal" }) if (File.Exists(stale)) File.Delete(stale);
            var summary = await RunCommand.RunAsync(console, new RunOptions
            {
                Corpus = corpus,
                Out = work,
                Db = db,
                BatchSize = settings.BatchSize,
                WriteReport = false,
            }, settings.Model, cancellationToken, features: TrainCommand.ParseFeatures(settings.Features)!.Value);
            RunSummaryTable.Write(console, summary);
            if (summary.Error is not null) return summary.ExitCode;

            long corpusBytes = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            var record = new Dictionary<string, object?>
            {
                ["benchmark"] = "run",
                ["articles"] = summary.Files,
                ["corpusMegabytes"] = Math.Round(corpusBytes / (1024.0 * 1024), 1),
                ["processors"] = Environment.ProcessorCount,
                ["batchSize"] = settings.BatchSize,
                ["features"] = settings.Features,
                ["extracted"] = summary.Extracted,
                ["failed"] = summary.Failed,
                ["statements"] = summary.Statements,
                ["generateSeconds"] = Math.Round(generateSeconds, 1),
                ["stages"] = summary.StageTimes.ToDictionary(s => s.Stage, s => new Dictionary<string, double>
                {
                    ["seconds"] = Math.Round(s.Wall.TotalSeconds, 2),
                    ["cpuSeconds"] = Math.Round(s.Cpu.TotalSeconds, 2),
                    ["items"] = s.Items,
                    ["perSecond"] = s.Wall.TotalSeconds > 0 ? Math.Round(s.Items / s.Wall.TotalSeconds, 1) : 0,
                    ["perCpuSecond"] = s.Cpu.TotalSeconds > 0 ? Math.Round(s.Items / s.Cpu.TotalSeconds, 1) : 0,
                }),
                ["cpuSeconds"] = Math.Round(summary.StageTimes.Sum(s => s.Cpu.TotalSeconds), 1),
                ["pipelineSeconds"] = Math.Round(summary.Elapsed.TotalSeconds, 1),
                ["articlesPerSecond"] = Math.Round(summary.Files / Math.Max(0.001, summary.Elapsed.TotalSeconds), 1),
                ["peakWorkingSetMegabytes"] = summary.PeakWorkingSet / (1024 * 1024),
                ["storeMegabytes"] = Math.Round(new FileInfo(db).Length / (1024.0 * 1024), 1),
            };
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(record, ParleyJson.Options));
            return summary.ExitCode;
        }
        finally
        {
            if (temporary) Directory.Delete(work, recursive: true);
        }
    }
}
