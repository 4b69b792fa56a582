namespace Parley.Classification;

/// <summary>The learner at the end of the pipeline.</summary>
public enum TrainerKind
{
    /// <summary>L-BFGS maximum entropy (multinomial logistic regression) with L1 = 0 and a small L2. The default.</summary>
    MaximumEntropy,
    /// <summary>Gradient-boosted trees (LightGBM), 200 rounds of 16 leaves.</summary>
    LightGbm,
    /// <summary>Stochastic dual coordinate ascent maximum entropy.</summary>
    Sdca,
    /// <summary>Cross-validate all three and keep the one with the best macro-F1.</summary>
    Auto,
}

/// <summary>How a <see cref="TextClassifier"/> is trained.</summary>
/// <remarks>The defaults are chosen for unseen data (tweets, other outlets), not for the shipped labels:
/// balanced class weights, n-grams plus sentence embeddings, light L2 regularization.</remarks>
public sealed record TextClassifierOptions
{
    /// <summary>The learner.</summary>
    /// <value><see cref="TrainerKind.MaximumEntropy"/>.</value>
    public TrainerKind Trainer { get; init; } = TrainerKind.MaximumEntropy;

    /// <summary>L2 regularization of the maximum-entropy and SDCA learners.</summary>
    /// <value>0.01. L-BFGS's own default (1, with L1 = 1) collapses to the majority class on small data.</value>
    public double L2 { get; init; } = 0.01;

    /// <summary>Whether all-MiniLM-L6-v2 sentence embeddings join the word and character n-grams.</summary>
    /// <value>true.</value>
    public bool UseEmbeddings { get; init; } = true;

    /// <summary>The factor the unit-length sentence embedding is multiplied by before it joins the (unit-length) n-gram vector.</summary>
    /// <value>1.</value>
    public double EmbeddingWeight { get; init; } = 1;

    /// <summary>Whether words are also tagged with the row's context, so a phrase can weigh differently per context (per-issue stance).</summary>
    /// <value>true (it has no effect on rows without a context).</value>
    public bool ConjoinContext { get; init; } = true;

    /// <summary>Weight each training row by <c>n / (classes × rows of its class)</c>, so rare classes count as much as common ones.</summary>
    /// <value>true: macro-F1 is what is judged, and unseen data rarely has the training class mix.</value>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>Cross-validation folds for the report, the calibration and <see cref="TrainerKind.Auto"/>; below 2 means no cross-validation.</summary>
    /// <value>5.</value>
    public int Folds { get; init; } = 5;

    /// <summary>Where embeddings are cached between runs (<c>embeddings/</c> inside it).</summary>
    /// <value>null: <c>$PARLEY_CACHE</c>, else <c>~/.cache/parley</c>.</value>
    public string? CacheDirectory { get; init; }

    /// <summary>Whether embeddings are kept on disk; false keeps them in memory for the life of the classifier.</summary>
    /// <value>true.</value>
    public bool PersistEmbeddings { get; init; } = true;

    /// <summary>A name for the model card.</summary>
    /// <value>"text-classifier".</value>
    public string Name { get; init; } = "text-classifier";

    /// <summary>The clock that dates the model card.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Receives progress lines ("fold 2/5"); null for silence.</summary>
    /// <value>null.</value>
    public Action<string>? Progress { get; init; }
}

/// <summary>One training or evaluation example.</summary>
/// <param name="Text">The text to classify.</param>
/// <param name="Label">Its label, kept verbatim (FAVOR stays FAVOR).</param>
/// <param name="Group">The group it belongs to (an article id); rows of one group never straddle train and test.</param>
/// <param name="Context">An optional categorical side feature (the issue, for stance).</param>
public sealed record LabeledText(string Text, string Label, string? Group = null, string? Context = null);

/// <summary>A predicted label with its (calibrated) probability.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Score">The probability of <paramref name="Label"/>, 0 to 1.</param>
/// <param name="Probabilities">The probability of every label the model knows.</param>
public sealed record TextPrediction(string Label, double Score, IReadOnlyDictionary<string, double> Probabilities)
{
    /// <summary>The gap between the two most probable labels: small means the model is unsure.</summary>
    public double Margin => Probabilities.Count < 2
        ? 1
        : Probabilities.Values.OrderDescending().Take(2).Aggregate((a, b) => a - b);
}

/// <summary>The training data cannot train a model (empty, one class, a label with one example).</summary>
/// <remarks>The message says what is wrong in the analyst's terms; commands print it as it is.</remarks>
public sealed class TrainingDataException(string message) : Exception(message);

/// <summary>A model file cannot be used: not a Parley model, or trained on another taxonomy or label set.</summary>
public sealed class ModelMismatchException(string message) : Exception(message);
