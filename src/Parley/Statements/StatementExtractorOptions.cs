namespace Parley.Statements;

/// <summary>Options for <see cref="StatementExtractor"/>.</summary>
public sealed record StatementExtractorOptions
{
    /// <summary>The units of annotation of attribution corpora such as PolNeAR: a speaker's continued quotation joined
    /// into one statement, one statement per coordinated speech verb, and attributions without a source.</summary>
    /// <remarks><c>parley bench statements --dataset</c> scores with these options (and with the defaults when asked:
    /// <c>--units analyst</c>); <c>parley statements --units polnear</c> extracts with them.</remarks>
    public static StatementExtractorOptions PolnearUnits { get; } = new()
    {
        JoinContinuedQuotes = true,
        SplitCoordinatedStatements = true,
        SourcelessAttributions = true,
    };

    /// <summary>The fewest words a quotation needs to be a statement when no cue introduces it.</summary>
    /// <value>Default 4: shorter uncued quotations are usually scare quotes or titles ("so-called “peace plan”").</value>
    public int MinUncuedQuoteWords { get; init; } = 4;

    /// <summary>How many paragraphs back the speaker of an uncued quotation may be found.</summary>
    /// <value>Default 1: the same paragraph or the one before it.</value>
    public int CarryParagraphs { get; init; } = 1;

    /// <summary>Whether a quotation that goes on in the next sentence after its attribution ("“…,” he said. “…”")
    /// is joined to the first quote as one statement spanning both.</summary>
    /// <value>Default false: each quotation is its own statement, which is what an analyst reads and charts.
    /// Corpora annotated with one attribution per speaker turn (PolNeAR) count the joined span as one unit;
    /// <c>parley bench statements --dataset</c> turns this on to match that convention.</value>
    public bool JoinContinuedQuotes { get; init; }

    /// <summary>Whether one speaker's coordinated speech verbs ("Lavrov said A and warned that B") give one
    /// statement per verb.</summary>
    /// <value>Default false: the chain is one statement, the speaker's whole claim. Corpora annotated with one
    /// attribution per cue (PolNeAR) count each verb's clause as its own unit; <c>parley bench statements --dataset</c>
    /// turns this on. A second clause with its own subject ("…, while Kyiv said …") is always its own statement.</value>
    public bool SplitCoordinatedStatements { get; init; }

    /// <summary>Whether attributions without a named source are statements: the writer's expectations and
    /// impressions ("the summit is expected to produce a statement", "Kyiv seemed to soften its stance") and the
    /// questions put to a speaker ("Asked whether he would meet Putin, …").</summary>
    /// <value>Default false: they have no speaker to chart, and a question is not a claim. Corpora that annotate every
    /// attribution (PolNeAR) count them; <c>parley bench statements --dataset</c> turns this on. Their
    /// <see cref="Statement.SpeakerMention"/> is null and their party Unknown.</value>
    public bool SourcelessAttributions { get; init; }

    /// <summary>Whether doubled apostrophes (<c>''…''</c>, the house style of some newspaper archives) are
    /// quotation marks.</summary>
    /// <value>Default false: current news uses real quotation marks, and a doubled apostrophe is more often a typo.</value>
    public bool DoubledApostropheQuotes { get; init; }

    /// <summary>Whether an uncued quotation with no speaker in reach is kept (speaker unknown, party Unknown).</summary>
    /// <value>Default true: unknown speakers are kept, never dropped.</value>
    public bool KeepUnattributedQuotes { get; init; } = true;
}
