using Parley.Articles;

namespace Parley.Statements;

/// <summary>What kind of speech a statement is.</summary>
public enum StatementKind
{
    /// <summary>Words in quotation marks.</summary>
    Quote,
    /// <summary>Reported (indirect) speech: "Putin suggested that …".</summary>
    Reported,
    /// <summary>Reported speech with a partial quote inside it: he called it "a very fair proposal".</summary>
    Mixed,
}

/// <summary>
/// Something a speaker said or claimed in an article: the exact words, who said them, and the party they speak for.
/// After classification it also carries the issue and the stance.
/// </summary>
/// <remarks>
/// <see cref="Text"/>, <see cref="Cue"/> and <see cref="SpeakerMention"/> are exact substrings of the article's
/// <see cref="Article.Text"/> at the given offsets (<c>[Start, End)</c>, UTF-16 code units).
/// Classification fields are null until <c>parley classify</c> (or the classifier library) fills them.
/// </remarks>
public sealed record Statement
{
    /// <summary>Stable id: a hash of the article id and the content offsets.</summary>
    public required string Id { get; init; }

    /// <summary>The <see cref="Article.Id"/> this statement was found in.</summary>
    public required string ArticleId { get; init; }

    /// <summary>The article's source (path or URL).</summary>
    public string? Source { get; init; }

    /// <summary>The article's URL.</summary>
    public string? Url { get; init; }

    /// <summary>The outlet (article's site name) that carried the statement.</summary>
    public string? Site { get; init; }

    /// <summary>The article's publication day.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The article's publication time as precise as the page gave it.</summary>
    public ArticleDate? Published { get; init; }

    /// <summary>Quote, reported speech, or both.</summary>
    public StatementKind Kind { get; init; }

    /// <summary>The content: what was said.</summary>
    public required string Text { get; init; }

    /// <summary>Start offset of <see cref="Text"/> in the article text.</summary>
    public int Start { get; init; }

    /// <summary>End offset (exclusive) of <see cref="Text"/> in the article text.</summary>
    public int End { get; init; }

    /// <summary>The cue ("said", "according to"), as it stands in the text.</summary>
    public string? Cue { get; init; }

    /// <summary>Start offset of <see cref="Cue"/>.</summary>
    public int? CueStart { get; init; }

    /// <summary>End offset of <see cref="Cue"/>.</summary>
    public int? CueEnd { get; init; }

    /// <summary>The speaker as the sentence names them ("he", "the Ukrainian president").</summary>
    public string? SpeakerMention { get; init; }

    /// <summary>Start offset of <see cref="SpeakerMention"/>.</summary>
    public int? SpeakerMentionStart { get; init; }

    /// <summary>End offset of <see cref="SpeakerMention"/>.</summary>
    public int? SpeakerMentionEnd { get; init; }

    /// <summary>The resolved speaker's canonical name, or null when unresolved or anonymous.</summary>
    public string? Speaker { get; init; }

    /// <summary>The gazetteer id of the resolved actor, or null.</summary>
    public string? ActorId { get; init; }

    /// <summary>The party the speaker speaks for (a taxonomy party id; "Unknown" when not known).</summary>
    public string Party { get; init; } = Taxonomy.UnknownParty;

    /// <summary>Whether the speaker is an anonymous source ("a source close to the Ukrainian government").</summary>
    public bool Anonymous { get; init; }

    /// <summary>How sure extraction and attribution are, 0 to 1.</summary>
    public double Confidence { get; init; }

    /// <summary>The main issue the statement is about (a taxonomy issue id), once classified.</summary>
    public string? Issue { get; init; }

    /// <summary>The stance toward <see cref="Issue"/>'s proposition: support, oppose or neutral.</summary>
    public string? Stance { get; init; }

    /// <summary>The probability of <see cref="Stance"/>, 0 to 1.</summary>
    public double? StanceScore { get; init; }

    /// <summary>Where <see cref="Party"/> came from: "gazetteer", "model", or "gazetteer+model-disagrees".</summary>
    public string? PartySource { get; init; }

    /// <summary>Every issue the statement touches, with the stance toward each.</summary>
    public IReadOnlyList<IssueStance>? Stances { get; init; }
}

/// <summary>A stance toward one issue, with its probability.</summary>
/// <param name="Issue">Taxonomy issue id.</param>
/// <param name="Stance">support, oppose or neutral.</param>
/// <param name="Score">Probability of <paramref name="Stance"/>.</param>
/// <param name="IssueScore">Probability that the statement is about <paramref name="Issue"/>.</param>
public sealed record IssueStance(string Issue, string Stance, double Score, double IssueScore);
