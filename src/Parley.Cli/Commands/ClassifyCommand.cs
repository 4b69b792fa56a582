using System.ComponentModel;
using System.Text;
using Parley.Classification.Statements;
using Parley.Serialization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley classify</c>: adds issue, stance and party to statements (JSONL in, JSONL out, same order).</summary>
internal sealed class ClassifyCommand : AsyncCommand<ClassifyCommand.Settings>
{
    private const int BatchSize = 4096;

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[statements.jsonl]")]
        [Description("Statements as `parley statements` writes them (only \"text\" is required); omit it to read stdin.")]
        public string Input { get; init; } = "-";

        [CommandOption("--model <FILE>")]
        [Description("A statement model zip (default: trained from the shipped labels on first use, then cached).")]
        public string? Model { get; init; }

        [CommandOption("--labels <FILE>")]
        [Description("Train the default model from this labels CSV instead of the shipped one.")]
        public string? Labels { get; init; }

        [CommandOption("--taxonomy <FILE>")]
        [Description("The taxonomy the model must have been trained on (default: the shipped one).")]
        public string? Taxonomy { get; init; }

        [CommandOption("--features <SET>")]
        [Description("The default model's features: text+embeddings (default, better) or text (n-grams only, for large batches); cached separately. Ignored with --model.")]
        [DefaultValue("text+embeddings")]
        public string Features { get; init; } = "text+embeddings";

        [CommandOption("--out <FILE>")]
        [Description("Output JSONL file (default stdout).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() => TrainCommand.ParseFeatures(Features) is null
            ? ValidationResult.Error($"--features must be text+embeddings or text, not '{Features}'")
            : ValidationResult.Success();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ClassificationOutput.GuardAsync("classify", async () =>
        {
            var console = Terminal.Error();
            if (settings.Input != "-" && !File.Exists(settings.Input))
            {
                console.MarkupLineInterpolated($"[red]parley classify:[/] {settings.Input}: file not found.");
                return 1;
            }
            var options = new ClassifierOptions
            {
                Taxonomy = settings.Taxonomy is null ? Parley.Taxonomy.Default : Parley.Taxonomy.Load(settings.Taxonomy),
                LabelsPath = settings.Labels,
                Features = TrainCommand.ParseFeatures(settings.Features)!.Value,
                Progress = line => console.MarkupLineInterpolated($"[grey]{line}[/]"),
            };
            using var classifier = settings.Model is null
                ? await StatementClassifier.LoadOrTrainDefaultAsync(options, cancellationToken)
                : StatementClassifier.Load(settings.Model, options);

            using var reader = settings.Input == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(settings.Input);
            await using var file = settings.Out is null ? null : new StreamWriter(settings.Out, false, new UTF8Encoding(false));
            var writer = file ?? Console.Out;
            int written = 0, failed = 0;
            var pending = new List<StatementLine>();
            async Task FlushAsync()
            {
                var good = pending.Where(p => p.Statement is not null).ToArray();
                var classified = classifier.Classify(good.Select(p => p.Statement!).ToArray());
                var n = 0;
                foreach (var line in pending)
                {
                    if (line.Statement is null)
                    {
                        failed++;
                        console.MarkupLineInterpolated($"[red]{settings.Input}:[/] {line.Error}");
                        continue;
                    }
                    await writer.WriteLineAsync(StatementLines.Apply(line.Record!, classified[n++]).ToJsonString(ParleyJson.Options));
                    written++;
                }
                pending.Clear();
            }
            await foreach (var line in StatementLines.ReadAsync(reader, cancellationToken))
            {
                pending.Add(line);
                if (pending.Count >= BatchSize)
                    await FlushAsync();
            }
            await FlushAsync();
            await writer.FlushAsync(cancellationToken);
            console.MarkupLineInterpolated($"[grey]classified {written} statements{(failed > 0 ? $", {failed} lines failed" : "")}[/]");
            if (written == 0 && failed == 0)
            {
                console.MarkupLineInterpolated($"[red]parley classify:[/] {settings.Input}: the file is empty (no statements).");
                return 1;
            }
            return failed > 0 ? 1 : 0;
        });
}
