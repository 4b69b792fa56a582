namespace Parley.Classification.Evaluation;

/// <summary>How well a classifier did on held-out data: the figures an analyst should quote.</summary>
/// <remarks>
/// From cross-validation these are out-of-fold figures: every row was predicted by a model that never saw its group.
/// Probabilities are the calibrated ones (see <see cref="Brier"/>).
/// </remarks>
/// <param name="Rows">How many rows were predicted.</param>
/// <param name="Accuracy">Share of rows whose predicted label is the true one.</param>
/// <param name="MacroF1">Mean of the per-class F1 over the classes present in the data or the predictions.</param>
/// <param name="Brier">Multiclass Brier score: mean over rows of the squared distance between the probability
/// vector and the one-hot truth (0 perfect, 2 worst).</param>
/// <param name="ExpectedCalibrationError">ECE over 10 equal-width bins of the top probability: the mean gap between
/// confidence and accuracy, weighted by bin size.</param>
/// <param name="Classes">Per-class precision, recall, F1 and support, in label order.</param>
/// <param name="Labels">The labels indexing <paramref name="Confusion"/>.</param>
/// <param name="Confusion">Counts: <c>Confusion[truth][predicted]</c>, indexed by <paramref name="Labels"/>.</param>
public sealed record ClassificationReport(
    int Rows,
    double Accuracy,
    double MacroF1,
    double Brier,
    double ExpectedCalibrationError,
    IReadOnlyList<ClassMetrics> Classes,
    IReadOnlyList<string> Labels,
    IReadOnlyList<IReadOnlyList<int>> Confusion)
{
    /// <summary>The mean F1 of the named classes only (SemEval-2016 Task 6 scores the mean of FAVOR and AGAINST F1).</summary>
    public double MeanF1(params string[] labels) =>
        labels.Length == 0 ? 0 : labels.Average(l => Classes.FirstOrDefault(c => c.Label == l)?.F1 ?? 0);

    /// <summary>Computes the report from true labels, predicted labels and probability vectors.</summary>
    /// <param name="truth">True label per row.</param>
    /// <param name="predicted">Predicted label per row.</param>
    /// <param name="probabilities">Per row, the probability of each label in <paramref name="probabilityLabels"/>.</param>
    /// <param name="probabilityLabels">The labels the probability vectors are over.</param>
    internal static ClassificationReport Compute(
        IReadOnlyList<string> truth, IReadOnlyList<string> predicted,
        IReadOnlyList<float[]> probabilities, IReadOnlyList<string> probabilityLabels)
    {
        var labels = truth.Concat(predicted).Concat(probabilityLabels).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        var confusion = labels.Select(_ => new int[labels.Length]).ToArray();
        for (var r = 0; r < truth.Count; r++)
            confusion[index[truth[r]]][index[predicted[r]]]++;

        var present = labels.Where(l => truth.Contains(l) || predicted.Contains(l)).ToHashSet();
        var classes = new List<ClassMetrics>();
        foreach (var label in labels)
        {
            var i = index[label];
            var tp = confusion[i][i];
            var support = confusion[i].Sum();
            var predictedCount = confusion.Sum(row => row[i]);
            var precision = predictedCount == 0 ? 0 : (double)tp / predictedCount;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.Add(new ClassMetrics(label, precision, recall, f1, support));
        }
        var accuracy = truth.Count == 0 ? 0 : (double)labels.Sum(l => confusion[index[l]][index[l]]) / truth.Count;
        var macroF1 = classes.Where(c => present.Contains(c.Label)).Select(c => c.F1).DefaultIfEmpty(0).Average();

        double brier = 0;
        var bins = new (double Confidence, double Correct, int Count)[10];
        for (var r = 0; r < truth.Count; r++)
        {
            var p = probabilities[r];
            for (var k = 0; k < probabilityLabels.Count; k++)
            {
                var y = probabilityLabels[k] == truth[r] ? 1.0 : 0.0;
                brier += (p[k] - y) * (p[k] - y);
            }
            if (!probabilityLabels.Contains(truth[r]))
                brier += 1; // the true label had probability 0
            var top = p.Length == 0 ? 0 : p.Max();
            var bin = Math.Min(9, (int)(top * 10));
            bins[bin] = (bins[bin].Confidence + top, bins[bin].Correct + (predicted[r] == truth[r] ? 1 : 0), bins[bin].Count + 1);
        }
        brier = truth.Count == 0 ? 0 : brier / truth.Count;
        var ece = truth.Count == 0 ? 0 : bins.Where(b => b.Count > 0)
            .Sum(b => Math.Abs(b.Confidence / b.Count - b.Correct / b.Count) * b.Count) / truth.Count;

        return new ClassificationReport(truth.Count, accuracy, macroF1, brier, ece, classes, labels,
            confusion.Select(row => (IReadOnlyList<int>)row).ToArray());
    }
}

/// <summary>Precision, recall and F1 of one class.</summary>
/// <param name="Label">The class label, verbatim.</param>
/// <param name="Precision">Of the rows predicted as this class, the share that are.</param>
/// <param name="Recall">Of the rows of this class, the share predicted as it.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">How many rows truly have this label.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
