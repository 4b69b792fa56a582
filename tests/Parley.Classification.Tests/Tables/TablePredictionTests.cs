using Parley.Classification;
using Parley.Classification.Tables;

namespace Parley.Classification.Tests.Tables;

public sealed class TablePredictionTests
{
    [Fact]
    public void Prediction_keeps_every_row_its_columns_and_its_order()
    {
        using var dir = new TempDirectory();
        using var classifier = TextClassifier.Train(TrainingSet.Generate(seed: 21), TrainingSet.Options(dir.Path), TestContext.Current.CancellationToken);
        var input = "ID\tTarget\tTweet\n" +
                    "7\tbridge\tThe mayor backs the new bridge, \"because it will bring jobs\".\n" +
                    "3\tbridge\tThe union condemns the bridge plan as bad for the town.\n" +
                    "9\tnone\tThe library opens at nine on Friday.\n";
        var table = CsvTable.Parse(input);

        var predictions = TablePrediction.Predict(table, "Tweet", classifier, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        TablePrediction.Write(output, table, predictions, table.Delimiter);
        var written = CsvTable.Parse(output.ToString());

        Assert.Equal(["ID", "Target", "Tweet", "PredictedLabel", "Score"], written.Header);
        Assert.Equal(["7", "3", "9"], written.Values("ID"));
        Assert.Equal(table.Values("Tweet"), written.Values("Tweet"));
        Assert.Equal(["FAVOR", "AGAINST", "NONE"], written.Values("PredictedLabel"));
        Assert.All(written.Values("Score"), s => Assert.InRange(double.Parse(s, System.Globalization.CultureInfo.InvariantCulture), 0, 1));
    }
}
