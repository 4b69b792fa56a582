using Parley.Classification.Features;
using Parley.Classification.Statements;
using Parley.Classification.Tests.Statements;
using Parley.Statements;

namespace Parley.Classification.Tests.Features;

/// <summary>The hand-written scorer of maximum-entropy heads against ML.NET's own scoring of the same model.</summary>
public sealed class LinearScorerTests
{
    // Written for this test: new phrasing, an unseen word or two, a context the stance head never saw.
    private static readonly string[] Sentences =
    [
        "The Kyiv envoy said Ukraine must be inside NATO before any deal is signed.",
        "A Moscow negotiator insisted the alliance can never admit Ukraine.",
        "Nobody in the Moscow delegation wants the sanctions eased before the summit.",
        "The Kyiv spokesman called for the guns to fall silent along the whole front.",
        "Lifting the economic restrictions now would be a gift, the Kyiv envoy warned.",
        "A truce on the current line? The Moscow spokesman dismissed it at once.",
        "Weather delayed the plane.",
        "",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hand_scored_predictions_equal_ML_NET_scoring_of_the_same_model(bool withContext)
    {
        using var dir = new TempDirectory();
        var rows = StatementSet.Generate(seed: 21, perCell: 6)
            .Select(r => new LabeledText(r.Text, r.Stance, r.ArticleId, withContext ? r.Issue : null)).ToArray();
        using var model = TextClassifier.Train(rows, TrainingSet.Options(dir.Path) with { UseEmbeddings = false, PersistEmbeddings = false },
            TestContext.Current.CancellationToken);
        string?[]? contexts = withContext ? ["nato", "nato", "sanctions", "ceasefire", "sanctions", "ceasefire", "water", null] : null;

        Assert.NotNull(model.Scorer);
        AssertHandScoringEqualsMlNet(model, contexts);
    }

    [Fact]
    public void Hand_scored_predictions_with_issue_and_party_conditions_equal_ML_NET_scoring()
    {
        using var dir = new TempDirectory();
        var rows = StatementSet.Generate(seed: 23, perCell: 6)
            .Select(r => new LabeledText(r.Text, r.Stance, r.ArticleId, FeatureLayout.Qualify(r.Issue, r.Party))).ToArray();
        using var model = TextClassifier.Train(rows, TrainingSet.Options(dir.Path) with { UseEmbeddings = false, PersistEmbeddings = false },
            TestContext.Current.CancellationToken);
        // Seen pairs, a party never seen with any issue, an unqualified issue, an unseen issue and none.
        string?[] contexts =
        [
            FeatureLayout.Qualify("nato", "Ukraine"), FeatureLayout.Qualify("nato", "Russia"), FeatureLayout.Qualify("sanctions", "Europe"),
            "ceasefire", FeatureLayout.Qualify("sanctions", "Russia"), FeatureLayout.Qualify("ceasefire", "Ukraine"), "water", null,
        ];

        Assert.NotEmpty(model.Layout.Conditions);
        AssertHandScoringEqualsMlNet(model, contexts);
    }

    private static void AssertHandScoringEqualsMlNet(TextClassifier model, string?[]? contexts)
    {
        var fast = model.Predict(Sentences, contexts, embeddings: null);
        var reference = model.PredictWithMlNet(Sentences, contexts, embeddings: null);
        for (var i = 0; i < Sentences.Length; i++)
        {
            Assert.Equal(reference[i].Label, fast[i].Label);
            foreach (var (label, p) in reference[i].Probabilities)
                Assert.Equal(p, fast[i].Probabilities[label], 1e-5);
        }
    }

    [Theory]
    [InlineData(FeatureSet.TextOnly)]
    [InlineData(FeatureSet.TextAndEmbeddings)]
    public void Statements_classified_by_hand_equal_statements_classified_through_ML_NET(FeatureSet features)
    {
        using var dir = new TempDirectory();
        using var classifier = StatementClassifier.Train(StatementSet.Generate(seed: 22), StatementSet.Options(dir.Path) with { Features = features },
            TestContext.Current.CancellationToken);
        var batch = Sentences.Select(t => new Statement { Id = "x", ArticleId = "a", Text = t }).ToArray();

        var fast = classifier.Classify(batch);
        var reference = classifier.Classify(batch, throughMlNet: true);

        for (var i = 0; i < batch.Length; i++)
        {
            Assert.Equal((reference[i].Issue, reference[i].Stance, reference[i].Party, reference[i].PartySource),
                (fast[i].Issue, fast[i].Stance, fast[i].Party, fast[i].PartySource));
            Assert.Equal(reference[i].Stances!.Count, fast[i].Stances!.Count);
            for (var k = 0; k < fast[i].Stances!.Count; k++)
            {
                Assert.Equal((reference[i].Stances![k].Issue, reference[i].Stances![k].Stance), (fast[i].Stances![k].Issue, fast[i].Stances![k].Stance));
                // Scores are rounded to 4 decimals in the statement: equal within one rounding step.
                Assert.Equal(reference[i].Stances![k].Score, fast[i].Stances![k].Score, 1e-4);
                Assert.Equal(reference[i].Stances![k].IssueScore, fast[i].Stances![k].IssueScore, 1e-4);
            }
        }
    }

    [Fact]
    public void An_SDCA_model_is_scored_by_hand_like_ML_NET_scores_it()
    {
        using var dir = new TempDirectory();
        using var model = TextClassifier.Train(TrainingSet.Generate(seed: 24, perClass: 20), TrainingSet.Options(dir.Path, TrainerKind.Sdca) with { Folds = 0, UseEmbeddings = false },
            TestContext.Current.CancellationToken);
        string[] texts = ["The harbour master backs the crossing project without reservation.", "Our group wants to scrap the bridge plan.", "Bread is cheaper on Friday."];

        var fast = model.Predict(texts, null, embeddings: null);
        var reference = model.PredictWithMlNet(texts, null, embeddings: null);

        Assert.NotNull(model.Scorer);
        Assert.Equal(reference.Select(p => p.Label), fast.Select(p => p.Label));
        Assert.All(reference.Zip(fast), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-5));
    }

    [Fact]
    public void A_LightGBM_model_has_no_hand_scorer_and_still_predicts()
    {
        using var dir = new TempDirectory();
        using var model = TextClassifier.Train(TrainingSet.Generate(seed: 23, perClass: 40), TrainingSet.Options(dir.Path, TrainerKind.LightGbm) with { Folds = 0, UseEmbeddings = false },
            TestContext.Current.CancellationToken);

        var predictions = model.Predict(["The mayor welcomes the new bridge and calls it a great step.", "The choir rehearses on Sunday."], ct: TestContext.Current.CancellationToken);

        Assert.Null(model.Scorer);
        Assert.Equal(["FAVOR", "NONE"], predictions.Select(p => p.Label));
    }
}
