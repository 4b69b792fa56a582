using Microsoft.Data.Analysis;
using Parley.Classification;
using Parley.Classification.Evaluation;

namespace Parley.Classification.Tests;

public sealed class ClassificationFrameTests
{
    [Fact]
    public void Predicted_frame_keeps_rows_and_columns_and_adds_label_and_score()
    {
        using var dir = new TempDirectory();
        using var classifier = TextClassifier.Train(TrainingSet.Generate(seed: 31), TrainingSet.Options(dir.Path) with { Folds = 0 }, TestContext.Current.CancellationToken);
        var frame = new DataFrame(
            new Int32DataFrameColumn("Id", [5, 2]),
            new StringDataFrameColumn("Tweet", ["The choir rehearses every Monday in the old hall.", "The mayor firmly rejects the harbour bridge as bad for the town."]));

        var predicted = ClassificationFrame.Predict(classifier, frame, "Tweet", TestContext.Current.CancellationToken);

        Assert.Equal(["Id", "Tweet", "PredictedLabel", "Score"], predicted.Columns.Select(c => c.Name));
        Assert.Equal([5, 2], predicted["Id"].Cast<int>());
        Assert.Equal(["NONE", "AGAINST"], predicted["PredictedLabel"].Cast<string>());
        Assert.Equal(2, frame.Columns.Count);
    }

    [Fact]
    public void A_missing_text_column_is_named()
    {
        using var dir = new TempDirectory();
        using var classifier = TextClassifier.Train(TrainingSet.Generate(seed: 32, perClass: 4), TrainingSet.Options(dir.Path) with { Folds = 0 }, TestContext.Current.CancellationToken);
        var frame = new DataFrame(new StringDataFrameColumn("Body", ["x"]));

        var error = Assert.Throws<DataFileException>(() => ClassificationFrame.Predict(classifier, frame, "Tweet", TestContext.Current.CancellationToken));

        Assert.Contains("'Tweet'", error.Message);
    }

    [Fact]
    public void Report_frame_has_one_row_per_class()
    {
        var report = ClassificationReport.Compute(["A", "B"], ["A", "A"], [[1f, 0f], [1f, 0f]], ["A", "B"]);

        var frame = ClassificationFrame.ToDataFrame(report);

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(["A", "B"], frame["Label"].Cast<string>());
        Assert.Equal(0.5, (double)frame["Precision"][0]!);
    }
}
