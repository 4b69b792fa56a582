using System.Globalization;
using System.Text.Json;
using Parley.Classification;
using Parley.Classification.Evaluation;
using Parley.Serialization;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>How the classification verbs show reports to people (stderr) and machines (stdout JSON).</summary>
internal static class ClassificationOutput
{
    public static void Print(IAnsiConsole console, string title, ClassificationReport report)
    {
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows {report.Rows}   accuracy {report.Accuracy:0.000}   macro-F1 {report.MacroF1:0.000}   Brier {report.Brier:0.000}   ECE {report.ExpectedCalibrationError:0.000}"));
        var classes = new Table().AddColumns("label", "precision", "recall", "F1", "support");
        foreach (var c in report.Classes)
            classes.AddRow(Markup.Escape(c.Label), F(c.Precision), F(c.Recall), F(c.F1), c.Support.ToString(CultureInfo.InvariantCulture));
        console.Write(classes);
        var confusion = new Table().AddColumn("truth \\ predicted");
        foreach (var label in report.Labels)
            confusion.AddColumn(Markup.Escape(label));
        for (var i = 0; i < report.Labels.Count; i++)
            confusion.AddRow([Markup.Escape(report.Labels[i]), .. report.Confusion[i].Select(n => n.ToString(CultureInfo.InvariantCulture))]);
        console.Write(confusion);
    }

    public static void PrintCard(IAnsiConsole console, ModelCard card)
    {
        if (card.CandidateMacroF1 is { } candidates)
            foreach (var (trainer, f1) in candidates)
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trainer}: out-of-fold macro-F1 {f1:0.000}"));
        console.WriteLine($"trainer {card.Trainer}, {card.TrainingRows} rows, {card.Folds} folds{(card.Grouped ? " grouped" : "")}, calibration temperature {card.Temperature.ToString("0.###", CultureInfo.InvariantCulture)}");
        if (card.CrossValidation is { } report)
            Print(console, "cross-validated (out-of-fold)", report);
    }

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, ParleyJson.Indented));

    /// <summary>Runs a verb body, turning the expected failures into one clear line and exit code 1.</summary>
    public static async Task<int> GuardAsync(string verb, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is DataFileException or TrainingDataException or ModelMismatchException)
        {
            Terminal.Error().MarkupLineInterpolated($"[red]parley {verb}:[/] {ex.Message}");
            return 1;
        }
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
