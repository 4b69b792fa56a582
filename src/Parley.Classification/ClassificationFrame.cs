using Microsoft.Data.Analysis;
using Parley.Classification.Evaluation;

namespace Parley.Classification;

/// <summary>DataFrame views of predictions and reports, for notebooks.</summary>
public static class ClassificationFrame
{
    /// <summary>A copy of <paramref name="frame"/> with <c>PredictedLabel</c> and <c>Score</c> columns added; rows keep their order.</summary>
    /// <exception cref="DataFileException">The frame has no column <paramref name="textColumn"/>.</exception>
    public static DataFrame Predict(TextClassifier classifier, DataFrame frame, string textColumn, CancellationToken ct = default)
    {
        if (frame.Columns.IndexOf(textColumn) < 0)
            throw new DataFileException(
                $"DataFrame: column '{textColumn}' not found. Columns are: {string.Join(", ", frame.Columns.Select(c => $"'{c.Name}'"))}.");
        var source = frame[textColumn];
        var texts = Enumerable.Range(0, (int)frame.Rows.Count).Select(i => source[i]?.ToString() ?? "").ToArray();
        var predictions = classifier.Predict(texts, null, ct);
        var result = frame.Clone();
        result.Columns.Add(new StringDataFrameColumn("PredictedLabel", predictions.Select(p => p.Label)));
        result.Columns.Add(new DoubleDataFrameColumn("Score", predictions.Select(p => p.Score)));
        return result;
    }

    /// <summary>One row per class: Label, Precision, Recall, F1, Support.</summary>
    public static DataFrame ToDataFrame(ClassificationReport report) => new(
        new StringDataFrameColumn("Label", report.Classes.Select(c => c.Label)),
        new DoubleDataFrameColumn("Precision", report.Classes.Select(c => c.Precision)),
        new DoubleDataFrameColumn("Recall", report.Classes.Select(c => c.Recall)),
        new DoubleDataFrameColumn("F1", report.Classes.Select(c => c.F1)),
        new Int32DataFrameColumn("Support", report.Classes.Select(c => c.Support)));
}
