using Parley.Classification.Evaluation;

namespace Parley.Classification.Tests.Evaluation;

public sealed class ClassificationReportTests
{
    [Fact]
    public void Figures_match_a_hand_worked_example()
    {
        // truth:     A A A B B C
        // predicted: A A B B C C
        // A: P=2/2 R=2/3 F1=0.8; B: P=1/2 R=1/2 F1=0.5; C: P=1/2 R=1/1 F1=2/3
        string[] truth = ["A", "A", "A", "B", "B", "C"];
        string[] predicted = ["A", "A", "B", "B", "C", "C"];
        var probabilities = predicted.Select(p => new[] { p == "A" ? 1f : 0f, p == "B" ? 1f : 0f, p == "C" ? 1f : 0f }).ToArray();

        var report = ClassificationReport.Compute(truth, predicted, probabilities, ["A", "B", "C"]);

        Assert.Equal(4.0 / 6, report.Accuracy, 9);
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, report.MacroF1, 9);
        Assert.Equal(2, report.Confusion[0][0]);
        Assert.Equal(1, report.Confusion[0][1]);
        Assert.Equal(1, report.Confusion[1][2]);
        // Two wrong one-hot rows cost 2 each: Brier = 4/6. Every row has confidence 1 and 4/6 are right: ECE = 1/3.
        Assert.Equal(4.0 / 6, report.Brier, 6);
        Assert.Equal(1.0 / 3, report.ExpectedCalibrationError, 6);
        Assert.Equal(0.5, report.MeanF1("B", "B"), 9);
    }

    [Fact]
    public void Temperature_scaling_keeps_the_ranking()
    {
        var p = TemperatureScaling.Apply([0.7f, 0.2f, 0.1f], 2);
        Assert.True(p[0] > p[1] && p[1] > p[2]);
        Assert.True(p[0] < 0.7f);
        Assert.Equal(1, p.Sum(), 5);
    }
}
