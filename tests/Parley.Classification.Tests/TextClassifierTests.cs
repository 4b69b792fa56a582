using Parley.Classification;

namespace Parley.Classification.Tests;

public sealed class TextClassifierTests
{
    [Fact]
    public void Trained_model_reaches_the_metric_floor_on_unseen_rows()
    {
        using var dir = new TempDirectory();
        using var classifier = TextClassifier.Train(TrainingSet.Generate(seed: 1), TrainingSet.Options(dir.Path), TestContext.Current.CancellationToken);

        var heldOut = TrainingSet.Generate(seed: 2, perClass: 20, groupPrefix: "h");
        var report = classifier.Evaluate(heldOut, TestContext.Current.CancellationToken);

        Assert.True(report.MacroF1 >= 0.9, $"held-out macro-F1 {report.MacroF1:0.000}");
        Assert.True(classifier.Card.CrossValidation!.MacroF1 >= 0.8, $"cross-validated macro-F1 {classifier.Card.CrossValidation.MacroF1:0.000}");
        Assert.Equal(3, classifier.Card.Folds);
        Assert.True(classifier.Card.Grouped);
    }

    [Fact]
    public void Labels_are_kept_verbatim()
    {
        using var dir = new TempDirectory();
        using var classifier = TextClassifier.Train(TrainingSet.Generate(seed: 1), TrainingSet.Options(dir.Path), TestContext.Current.CancellationToken);

        Assert.Equal(["AGAINST", "FAVOR", "NONE"], classifier.Labels.Order(StringComparer.Ordinal));
        var prediction = classifier.Predict(["The union strongly supports the harbour bridge and calls it a great step."], ct: TestContext.Current.CancellationToken).Single();
        Assert.Equal("FAVOR", prediction.Label);
    }

    [Fact]
    public void Every_prediction_carries_a_probability_that_matches_its_label()
    {
        using var dir = new TempDirectory();
        using var classifier = TextClassifier.Train(TrainingSet.Generate(seed: 3), TrainingSet.Options(dir.Path), TestContext.Current.CancellationToken);

        var predictions = classifier.Predict(["The library opens at nine on Sunday.", "A resident opposes the bridge plan."], ct: TestContext.Current.CancellationToken);

        foreach (var p in predictions)
        {
            Assert.InRange(p.Score, 0, 1);
            Assert.Equal(p.Probabilities[p.Label], p.Score, 6);
            Assert.Equal(1, p.Probabilities.Values.Sum(), 4);
            Assert.Equal(p.Probabilities.Values.Max(), p.Score, 6);
        }
    }

    [Fact]
    public void Saved_and_loaded_model_gives_identical_predictions()
    {
        using var dir = new TempDirectory();
        var options = TrainingSet.Options(dir.Path);
        using var trained = TextClassifier.Train(TrainingSet.Generate(seed: 4), options, TestContext.Current.CancellationToken);
        var path = dir.File("model.zip");
        trained.Save(path);

        using var loaded = TextClassifier.Load(path, options);
        var texts = TrainingSet.Generate(seed: 5, perClass: 5).Select(r => r.Text).ToArray();
        var before = trained.Predict(texts, ct: TestContext.Current.CancellationToken);
        var after = loaded.Predict(texts, ct: TestContext.Current.CancellationToken);

        Assert.Equal(before.Select(p => p.Label), after.Select(p => p.Label));
        Assert.Equal(before.Select(p => p.Score), after.Select(p => p.Score));
        Assert.Equal(trained.Card.TrainingDataHash, loaded.Card.TrainingDataHash);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), loaded.Card.Trained);
    }

    [Fact]
    public void Training_twice_on_the_same_rows_gives_the_same_figures()
    {
        using var dir = new TempDirectory();
        var rows = TrainingSet.Generate(seed: 6);
        using var first = TextClassifier.Train(rows, TrainingSet.Options(dir.Path), TestContext.Current.CancellationToken);
        using var second = TextClassifier.Train(rows, TrainingSet.Options(dir.Path), TestContext.Current.CancellationToken);

        Assert.Equal(first.Card.CrossValidation!.MacroF1, second.Card.CrossValidation!.MacroF1);
        Assert.Equal(first.Card.CrossValidation.Brier, second.Card.CrossValidation.Brier);
    }

    [Fact]
    public void A_label_with_one_example_is_refused_by_name()
    {
        using var dir = new TempDirectory();
        var rows = TrainingSet.Generate(seed: 7, perClass: 4).Append(new LabeledText("The ferry is late again.", "FERRY", "x")).ToArray();

        var error = Assert.Throws<TrainingDataException>(() => TextClassifier.Train(rows, TrainingSet.Options(dir.Path), TestContext.Current.CancellationToken));

        Assert.Contains("'FERRY'", error.Message);
        Assert.Contains("only one example", error.Message);
    }

    [Fact]
    public void An_empty_training_set_is_refused()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<TrainingDataException>(() => TextClassifier.Train([], TrainingSet.Options(dir.Path), TestContext.Current.CancellationToken));
        Assert.Contains("no training rows", error.Message);
    }

    [Fact]
    public void A_single_label_is_refused()
    {
        using var dir = new TempDirectory();
        LabeledText[] rows = [new("One.", "A"), new("Two.", "A")];
        var error = Assert.Throws<TrainingDataException>(() => TextClassifier.Train(rows, TrainingSet.Options(dir.Path), TestContext.Current.CancellationToken));
        Assert.Contains("at least two labels", error.Message);
    }

    [Fact]
    public void Evaluating_on_data_with_none_of_the_model_labels_is_refused()
    {
        using var dir = new TempDirectory();
        using var classifier = TextClassifier.Train(TrainingSet.Generate(seed: 8, perClass: 6), TrainingSet.Options(dir.Path) with { Folds = 0 }, TestContext.Current.CancellationToken);

        var error = Assert.Throws<ModelMismatchException>(() => classifier.Evaluate([new("Anything at all.", "support")], TestContext.Current.CancellationToken));

        Assert.Contains("support", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("model.zip"), "not a zip");
        Assert.Throws<ModelMismatchException>(() => TextClassifier.Load(dir.File("model.zip"), TrainingSet.Options(dir.Path)));
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.Sdca)]
    public void Alternative_trainers_learn_the_set(TrainerKind trainer)
    {
        using var dir = new TempDirectory();
        using var classifier = TextClassifier.Train(TrainingSet.Generate(seed: 9, perClass: 40), TrainingSet.Options(dir.Path, trainer), TestContext.Current.CancellationToken);

        var report = classifier.Evaluate(TrainingSet.Generate(seed: 10, perClass: 15, groupPrefix: "h"), TestContext.Current.CancellationToken);

        Assert.Equal(trainer.ToString(), classifier.Card.Trainer);
        Assert.True(report.MacroF1 >= 0.8, $"{trainer} held-out macro-F1 {report.MacroF1:0.000}");
    }

    [Fact]
    public void Least_certain_predictions_come_first()
    {
        var sure = new TextPrediction("A", 0.9, new Dictionary<string, double> { ["A"] = 0.9, ["B"] = 0.1 });
        var unsure = new TextPrediction("B", 0.55, new Dictionary<string, double> { ["A"] = 0.45, ["B"] = 0.55 });
        var middling = new TextPrediction("A", 0.7, new Dictionary<string, double> { ["A"] = 0.7, ["B"] = 0.3 });

        Assert.Equal([1, 2], UncertaintySampling.LeastCertain([sure, unsure, middling], 2));
    }
}
