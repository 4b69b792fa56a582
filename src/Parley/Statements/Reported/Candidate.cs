namespace Parley.Statements.Reported;

/// <summary>Which construction a statement was found in; sets its base confidence.</summary>
internal enum Construction : byte
{
    /// <summary>"X said (that) …", "X told reporters: …".</summary>
    SpeakerFirst,
    /// <summary>"… , X said." and "“…,” X said, “…”".</summary>
    SpeakerAfter,
    /// <summary>"… , said X."</summary>
    Inverted,
    /// <summary>"According to X, …" and "…, according to X."</summary>
    According,
    /// <summary>"…, adding that …" with the sentence's subject.</summary>
    Participle,
    /// <summary>"Kallas: Europe will not recognise the annexation" — a name and a colon opening a paragraph (a
    /// headline or a transcript turn).</summary>
    Headline,
    /// <summary>An attribution without a named source: "is expected to …", "seemed to …", "asked whether …".</summary>
    Sourceless,
    /// <summary>A quotation with no cue of its own, given to the speaker of the statement before it.</summary>
    CarriedQuote,
    /// <summary>A quotation with no cue and no speaker in reach.</summary>
    LoneQuote,
}

/// <summary>A statement found in one sentence, before its speaker is resolved. Offsets index the article text;
/// a missing cue or mention is -1.</summary>
internal struct Candidate
{
    public int ContentStart;
    public int ContentEnd;
    public int CueStart;
    public int CueEnd;
    public int MentionStart;
    public int MentionEnd;
    public Construction Construction;
    /// <summary>The cue ends the sentence with a colon and the content is the quotation that follows.</summary>
    public bool ContentFollows;
}
