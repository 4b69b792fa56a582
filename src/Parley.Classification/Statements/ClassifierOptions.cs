using Parley.Actors;

namespace Parley.Classification.Statements;

/// <summary>How the <see cref="StatementClassifier"/> is trained and how it reads its models' answers.</summary>
public sealed record ClassifierOptions
{
    /// <summary>The taxonomy the issue and stance labels come from; a model is never run on another one.</summary>
    /// <value><see cref="Taxonomy.Default"/>.</value>
    public Taxonomy Taxonomy { get; init; } = Taxonomy.Default;

    /// <summary>A labels file to train the default model from instead of the embedded <c>data/labels/statements.csv</c>
    /// (same columns: <c>id,articleId,date,speaker,party,issue,stance,text</c>).</summary>
    /// <value>null: the embedded labels.</value>
    public string? LabelsPath { get; init; }

    /// <summary>The cache root for embeddings and the default model.</summary>
    /// <value>null: <c>$PARLEY_CACHE</c>, else <c>~/.cache/parley</c>.</value>
    public string? CacheDirectory { get; init; }

    /// <summary>Whether embeddings and the trained default model are kept on disk.</summary>
    /// <value>true.</value>
    public bool PersistCache { get; init; } = true;

    /// <summary>Besides the main issue, every issue at least this probable goes into <c>Stances</c>.</summary>
    /// <value>0.3.</value>
    public double SecondaryIssueThreshold { get; init; } = 0.3;

    /// <summary>At most this many issues per statement in <c>Stances</c>.</summary>
    /// <value>3.</value>
    public int MaxIssues { get; init; } = 3;

    /// <summary>The party model flags a disagreement with the gazetteer only when at least this sure.</summary>
    /// <value>0.5.</value>
    public double DisagreementThreshold { get; init; } = 0.5;

    /// <summary>Cross-validation folds for each head's report and calibration; below 2 skips them (faster).</summary>
    /// <value>5.</value>
    public int Folds { get; init; } = 5;

    /// <summary>The learner of each head.</summary>
    /// <value><see cref="TrainerKind.MaximumEntropy"/>.</value>
    public TrainerKind Trainer { get; init; } = TrainerKind.MaximumEntropy;

    /// <summary>Which features the heads see: n-grams plus MiniLM sentence embeddings (better, slow), or n-grams only (fast).</summary>
    /// <value><see cref="FeatureSet.TextAndEmbeddings"/>.</value>
    /// <remarks>The default model is cached per feature set, so switching never loads a model trained on the other one.
    /// <see cref="FeatureSet.TextOnly"/> never starts the ONNX runtime: use it for large batches (the main job).</remarks>
    public FeatureSet Features { get; init; } = FeatureSet.TextAndEmbeddings;

    /// <summary>The factor the three heads multiply the (unit-length) sentence embedding by before it joins the
    /// (unit-length) n-gram vector: below 1 the n-grams weigh more.</summary>
    /// <value>0.7, chosen by grouped 5-fold cross-validation on data/labels against 0.5, 0.85, 1 and 1.5
    /// (docs/classification.md). No effect with <see cref="FeatureSet.TextOnly"/>.</value>
    public double EmbeddingWeight { get; init; } = 0.7;

    /// <summary>Whether the stance head also sees the speaker's party conjoined with the issue (one feature per
    /// issue and party seen in training), so that what a side usually holds on an issue informs, and the text decides.</summary>
    /// <value>true. In prediction the party is the gazetteer's, else the party head's.</value>
    public bool StanceBySpeakerParty { get; init; } = true;

    /// <summary>The clock that dates model cards.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Receives progress lines; null for silence.</summary>
    /// <value>null.</value>
    public Action<string>? Progress { get; init; }

    /// <summary>The gazetteer that resolves speakers and speaker mentions ("the Kremlin spokesman") to parties.</summary>
    /// <value>null: <see cref="Gazetteer.Default"/>.</value>
    public Gazetteer? Gazetteer { get; init; }

    /// <summary>Resolves a speaker mention to an actor; overrides <see cref="Gazetteer"/> (tests).</summary>
    internal Func<string, DateOnly?, SpeakerMatch?>? ResolveSpeaker { get; init; }

    internal TextClassifierOptions Head(string name) => new()
    {
        Name = name,
        Trainer = Trainer,
        Folds = Folds,
        UseEmbeddings = Features == FeatureSet.TextAndEmbeddings,
        EmbeddingWeight = EmbeddingWeight,
        CacheDirectory = CacheDirectory,
        PersistEmbeddings = PersistCache,
        Time = Time,
        Progress = Progress is null ? null : line => Progress($"{name}: {line}"),
    };
}

/// <summary>The features a <see cref="StatementClassifier"/> is trained on.</summary>
public enum FeatureSet
{
    /// <summary>Word uni+bigrams, character 5-grams and the all-MiniLM-L6-v2 sentence embedding. The default (better quality).</summary>
    TextAndEmbeddings,
    /// <summary>Word uni+bigrams and character 5-grams only: no sentence embedding, many times faster.</summary>
    TextOnly,
}

/// <summary>An actor a speaker mention resolved to.</summary>
internal sealed record SpeakerMatch(string ActorId, string Name, string Party);

/// <summary>One labelled statement, as in <c>data/labels/statements.csv</c>.</summary>
/// <param name="Id">Row id.</param>
/// <param name="ArticleId">The article it comes from: the group for cross-validation.</param>
/// <param name="Date">The day it was said, if known.</param>
/// <param name="Speaker">The speaker's canonical name, or null.</param>
/// <param name="Party">Taxonomy party id.</param>
/// <param name="Issue">Taxonomy issue id.</param>
/// <param name="Stance">Taxonomy stance id.</param>
/// <param name="Text">What was said.</param>
public sealed record LabeledStatement(string Id, string ArticleId, DateOnly? Date, string? Speaker, string Party, string Issue, string Stance, string Text);
