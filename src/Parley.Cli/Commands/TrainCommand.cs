using System.ComponentModel;
using System.Text.Json;
using Parley.Classification;
using Parley.Classification.Tables;
using Parley.Serialization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley train</c>: trains a text classifier on any CSV/TSV and prints its cross-validated report.</summary>
internal sealed class TrainCommand : AsyncCommand<TrainCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <FILE>")]
        [Description("Training data: CSV or TSV with a header (delimiter detected).")]
        public string Data { get; init; } = "";

        [CommandOption("--text <COL>")]
        [Description("The column holding the text.")]
        public string Text { get; init; } = "";

        [CommandOption("--label <COL>")]
        [Description("The column holding the label (kept verbatim).")]
        public string Label { get; init; } = "";

        [CommandOption("--group <COL>")]
        [Description("Rows sharing a value here (an article id) never straddle train and test folds.")]
        public string? Group { get; init; }

        [CommandOption("--trainer <NAME>")]
        [Description("maxent (default), lightgbm, sdca, or auto (cross-validate all three, keep the best macro-F1).")]
        [DefaultValue("maxent")]
        public string Trainer { get; init; } = "maxent";

        [CommandOption("--folds <N>")]
        [Description("Cross-validation folds (default 5).")]
        [DefaultValue(5)]
        public int Folds { get; init; } = 5;

        [CommandOption("--no-embeddings")]
        [Description("Word and character n-grams only (no MiniLM sentence embeddings).")]
        public bool NoEmbeddings { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where to save the model zip (default model.zip); the card is also written to <FILE>.card.json.")]
        [DefaultValue("model.zip")]
        public string Out { get; init; } = "model.zip";

        [CommandOption("--json")]
        [Description("Also print the model card (with the report) as JSON on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Data) || string.IsNullOrWhiteSpace(Text) || string.IsNullOrWhiteSpace(Label))
                return ValidationResult.Error("--data, --text and --label are required");
            if (ParseTrainer(Trainer) is null)
                return ValidationResult.Error($"--trainer must be maxent, lightgbm, sdca or auto, not '{Trainer}'");
            return Folds is < 0 or 1 ? ValidationResult.Error("--folds must be 0 (none) or at least 2") : ValidationResult.Success();
        }
    }

    internal static TrainerKind? ParseTrainer(string name) => name.ToLowerInvariant() switch
    {
        "maxent" or "maximumentropy" or "lbfgs" => TrainerKind.MaximumEntropy,
        "lightgbm" or "gbm" => TrainerKind.LightGbm,
        "sdca" => TrainerKind.Sdca,
        "auto" => TrainerKind.Auto,
        _ => null,
    };

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ClassificationOutput.GuardAsync("train", async () =>
        {
            var console = Terminal.Error();
            var table = await CsvTable.ReadAsync(settings.Data, cancellationToken);
            var texts = table.Values(settings.Text);
            var labels = table.Values(settings.Label);
            var groups = settings.Group is null ? null : table.Values(settings.Group);
            var rows = texts.Select((t, i) => new LabeledText(t, labels[i], groups?[i])).ToArray();
            var options = new TextClassifierOptions
            {
                Trainer = ParseTrainer(settings.Trainer)!.Value,
                Folds = settings.Folds,
                UseEmbeddings = !settings.NoEmbeddings,
                Name = Path.GetFileNameWithoutExtension(settings.Data),
                Progress = line => console.MarkupLineInterpolated($"[grey]{line}[/]"),
            };
            using var classifier = await Task.Run(() => TextClassifier.Train(rows, options, cancellationToken), cancellationToken);
            classifier.Save(settings.Out);
            await File.WriteAllTextAsync(settings.Out + ".card.json", JsonSerializer.Serialize(classifier.Card, ParleyJson.Indented), cancellationToken);
            ClassificationOutput.PrintCard(console, classifier.Card);
            console.MarkupLineInterpolated($"saved [bold]{settings.Out}[/] and {settings.Out}.card.json");
            if (settings.Json)
                ClassificationOutput.WriteJson(classifier.Card);
            return 0;
        });
}
