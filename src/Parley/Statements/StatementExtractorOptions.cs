namespace Parley.Statements;

/// <summary>Options for <see cref="StatementExtractor"/>.</summary>
public sealed record StatementExtractorOptions
{
    /// <summary>The fewest words a quotation needs to be a statement when no cue introduces it.</summary>
    /// <value>Default 4: shorter uncued quotations are usually scare quotes or titles ("so-called “peace plan”").</value>
    public int MinUncuedQuoteWords { get; init; } = 4;

    /// <summary>How many paragraphs back the speaker of an uncued quotation may be found.</summary>
    /// <value>Default 1: the same paragraph or the one before it.</value>
    public int CarryParagraphs { get; init; } = 1;

    /// <summary>Whether an uncued quotation with no speaker in reach is kept (speaker unknown, party Unknown).</summary>
    /// <value>Default true: unknown speakers are kept, never dropped.</value>
    public bool KeepUnattributedQuotes { get; init; } = true;
}
