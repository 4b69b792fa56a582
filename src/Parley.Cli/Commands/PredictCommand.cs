using System.ComponentModel;
using System.Text;
using Parley.Classification;
using Parley.Classification.Tables;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley predict</c>: writes every input row back, in order, with PredictedLabel and Score.</summary>
internal sealed class PredictCommand : AsyncCommand<PredictCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <FILE>")]
        [Description("A model zip written by `parley train`.")]
        public string Model { get; init; } = "";

        [CommandOption("--data <FILE>")]
        [Description("Rows to label: CSV or TSV with a header.")]
        public string Data { get; init; } = "";

        [CommandOption("--text <COL>")]
        [Description("The column holding the text.")]
        public string Text { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("Output file (default stdout). .tsv writes tabs, anything else commas; stdout keeps the input's delimiter.")]
        public string? Out { get; init; }

        [CommandOption("--uncertain <FILE>")]
        [Description("Also write the rows the model is least sure of (smallest margin), least sure first: the ones to label next.")]
        public string? Uncertain { get; init; }

        [CommandOption("--uncertain-count <N>")]
        [Description("How many rows --uncertain keeps (default 50).")]
        [DefaultValue(50)]
        public int UncertainCount { get; init; } = 50;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(Data) || string.IsNullOrWhiteSpace(Text)
                ? ValidationResult.Error("--model, --data and --text are required")
                : ValidationResult.Success();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ClassificationOutput.GuardAsync("predict", async () =>
        {
            var table = await CsvTable.ReadAsync(settings.Data, cancellationToken);
            table.Column(settings.Text);
            using var classifier = TextClassifier.Load(settings.Model);
            var predictions = await Task.Run(() => TablePrediction.Predict(table, settings.Text, classifier, cancellationToken), cancellationToken);
            if (settings.Out is null)
            {
                TablePrediction.Write(Console.Out, table, predictions, table.Delimiter);
                await Console.Out.FlushAsync(cancellationToken);
            }
            else
            {
                await using var writer = new StreamWriter(settings.Out, false, new UTF8Encoding(false));
                TablePrediction.Write(writer, table, predictions, DelimiterFor(settings.Out, table.Delimiter));
            }
            if (settings.Uncertain is not null)
            {
                await using var writer = new StreamWriter(settings.Uncertain, false, new UTF8Encoding(false));
                TablePrediction.WriteLeastCertain(writer, table, predictions, settings.UncertainCount, DelimiterFor(settings.Uncertain, table.Delimiter));
            }
            Terminal.Error().MarkupLineInterpolated($"[grey]predicted {predictions.Count} rows with {settings.Model}[/]");
            return 0;
        });

    internal static char DelimiterFor(string path, char fallback) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".tsv" or ".tab" => '\t',
        ".csv" => ',',
        _ => fallback,
    };
}
