using System.ComponentModel;
using Parley.Classification;
using Parley.Classification.Tables;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley evaluate</c>: scores a saved model on labelled data.</summary>
internal sealed class EvaluateCommand : AsyncCommand<EvaluateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <FILE>")]
        [Description("A model zip written by `parley train`.")]
        public string Model { get; init; } = "";

        [CommandOption("--data <FILE>")]
        [Description("Labelled data: CSV or TSV with a header.")]
        public string Data { get; init; } = "";

        [CommandOption("--text <COL>")]
        [Description("The column holding the text.")]
        public string Text { get; init; } = "";

        [CommandOption("--label <COL>")]
        [Description("The column holding the true label.")]
        public string Label { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the report as JSON on stdout instead of tables on stderr.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(Data) || string.IsNullOrWhiteSpace(Text) || string.IsNullOrWhiteSpace(Label)
                ? ValidationResult.Error("--model, --data, --text and --label are required")
                : ValidationResult.Success();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ClassificationOutput.GuardAsync("evaluate", async () =>
        {
            var table = await CsvTable.ReadAsync(settings.Data, cancellationToken);
            var texts = table.Values(settings.Text);
            var labels = table.Values(settings.Label);
            using var classifier = TextClassifier.Load(settings.Model);
            var report = await Task.Run(() => classifier.Evaluate(texts.Select((t, i) => new LabeledText(t, labels[i])).ToArray(), cancellationToken), cancellationToken);
            if (settings.Json)
                ClassificationOutput.WriteJson(report);
            else
                ClassificationOutput.Print(Terminal.Error(), $"{settings.Model} on {settings.Data}", report);
            var unknown = labels.Distinct().Where(l => !classifier.Labels.Contains(l)).ToArray();
            if (unknown.Length > 0)
                Terminal.Error().MarkupLineInterpolated($"[yellow]warning:[/] label(s) {string.Join(", ", unknown)} are not among the model's labels and always count as errors.");
            return 0;
        });
}
