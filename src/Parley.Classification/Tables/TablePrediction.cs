using System.Globalization;

namespace Parley.Classification.Tables;

/// <summary>Runs a <see cref="TextClassifier"/> over a table and writes the table back with its predictions.</summary>
/// <remarks>Every input row comes out once, in input order, with its fields unchanged, followed by
/// <c>PredictedLabel</c> and <c>Score</c> (the probability of the predicted label).</remarks>
internal static class TablePrediction
{
    public const string LabelColumn = "PredictedLabel";
    public const string ScoreColumn = "Score";

    public static IReadOnlyList<TextPrediction> Predict(CsvTable table, string textColumn, TextClassifier classifier, CancellationToken ct = default) =>
        classifier.Predict(table.Values(textColumn), null, ct);

    public static void Write(TextWriter writer, CsvTable table, IReadOnlyList<TextPrediction> predictions, char delimiter)
    {
        CsvWriter.WriteRecord(writer, [.. table.Header, LabelColumn, ScoreColumn], delimiter);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var fields = table.Rows[i];
            CsvWriter.WriteRecord(writer, [.. fields, predictions[i].Label, Format(predictions[i].Score)], delimiter);
        }
    }

    /// <summary>Writes the <paramref name="count"/> rows the model is least sure of (smallest margin between its two
    /// best labels), least sure first, with <c>PredictedLabel</c>, <c>Score</c> and <c>Margin</c>: the rows to label next.</summary>
    public static void WriteLeastCertain(TextWriter writer, CsvTable table, IReadOnlyList<TextPrediction> predictions, int count, char delimiter)
    {
        CsvWriter.WriteRecord(writer, [.. table.Header, LabelColumn, ScoreColumn, "Margin"], delimiter);
        foreach (var i in UncertaintySampling.LeastCertain(predictions, count))
            CsvWriter.WriteRecord(writer, [.. table.Rows[i], predictions[i].Label, Format(predictions[i].Score), Format(predictions[i].Margin)], delimiter);
    }

    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
