using Parley.Statements.Quotes;
using Parley.Statements.Segmentation;

namespace Parley.Statements.Reported;

/// <summary>
/// Finds the statements in one sentence from its cues: who speaks (the mention as it stands), the cue, and the
/// content span, for the word orders of news prose ("X said (that) …", "…, X said", "…, said X",
/// "X, who …, said", "according to X, …", "X told reporters: …", "…, adding that …").
/// </summary>
/// <remarks>Cue words inside quotation marks are content, never cues. One instance is reused across sentences
/// (it holds scratch buffers) and is not thread-safe.</remarks>
internal sealed class ClauseAnalyzer
{
    private const int MaxMentionTokens = 14;

    private readonly bool _splitCoordinated;
    private readonly bool _sourceless;
    private string _text = "";
    private List<Token> _t = [];
    private bool[] _inQuote = new bool[64];
    private int _start;
    private int _end;

    /// <param name="options">Reads <see cref="StatementExtractorOptions.SplitCoordinatedStatements"/> ("X said A and
    /// warned B" gives two statements) and <see cref="StatementExtractorOptions.SourcelessAttributions"/>.</param>
    public ClauseAnalyzer(StatementExtractorOptions? options = null)
    {
        _splitCoordinated = options?.SplitCoordinatedStatements ?? false;
        _sourceless = options?.SourcelessAttributions ?? false;
    }

    public void Analyze(string text, Sentence sentence, List<Token> tokens, List<QuoteSpan> quotes, List<Candidate> output)
    {
        _text = text;
        _t = tokens;
        _start = sentence.Start;
        _end = sentence.End;
        if (_inQuote.Length < tokens.Count) _inQuote = new bool[tokens.Count * 2];
        for (int k = 0; k < tokens.Count; k++)
        {
            int pos = tokens[k].Start;
            bool inside = false;
            foreach (var q in quotes)
                if (q.Contains(pos)) { inside = true; break; }
            _inQuote[k] = inside && tokens[k].Type == TokenType.Word;
        }

        int consumed = -1; // token index up to which content has been claimed
        int lastMentionStart = -1, lastMentionEnd = -1;
        if (Headline() is { } headline)
        {
            output.Add(headline);
            lastMentionStart = headline.MentionStart;
            lastMentionEnd = headline.MentionEnd;
            consumed = TokenAtOrBefore(headline.CueStart);
        }
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i <= consumed || tokens[i].Type != TokenType.Word || _inQuote[i]) continue;
            var word = tokens[i].In(text);
            bool isCue = CueLexicon.TryGet(word, out var cue);
            char initial = (char)(word[0] | 0x20); // cheap pre-tests: these run for every word
            // "call"/"calls" are too often nouns to be cues, except before an object and a quoted label
            // ("Sanders calls it the “big enchilada”"; not "the calls", "his calls for").
            if (!isCue && initial == 'c' && word.Length is 4 or 5 && (IsWord(i, "calls") || IsWord(i, "call")) && CallsSomethingQuoted(i)
                && !(PrevWord(i) is int cw && (Lexicon.NounMarkers.Has(tokens[cw].In(text)) || IsPossessive(cw))))
                isCue = CueLexicon.TryGet("called", out cue);
            if (_sourceless && initial is 's' or 'a' or 'e' && (!isCue || cue.Lemma is "expect" or "ask")
                && (Impression(i) ?? AskedQuestion(i)) is { } sourceless)
            {
                output.Add(sourceless);
                consumed = TokenAtOrBefore(sourceless.ContentEnd);
                continue;
            }
            if (!isCue) continue;
            int cueLast = i;
            if ((cue.Flags & CueFlags.NeedsParticle) != 0)
            {
                if (i + 1 >= tokens.Count) continue;
                if (!cue.Particles!.Any(p => tokens[i + 1].Is(text, p)) && !(cue.Lemma == "call" && CallsSomethingQuoted(i)))
                    continue;
                bool particleIsCue = cue.Lemma is "according to" or "rule" or "point" or "offer" or "refer"
                    || cue.Lemma == "call" && (tokens[i + 1].Is(text, "for") || tokens[i + 1].Is(text, "on"))
                    || cue.Lemma is "express" or "voice";
                if (particleIsCue) cueLast = i + 1;
            }
            if (cue.Lemma != "according to" && i > 0 && PrevWord(i) is int pw && pw == i - 1
                && Lexicon.NounMarkers.Has(tokens[pw].In(text)) && !IsRaisingInfinitive(pw)
                && !(IsCoordinator(pw) && IsFiniteCue(i)))
                continue; // "the claims", "his warning" (but "… and said", "… but added")
            if (i > 0 && PrevWord(i) is int owner && IsPossessive(owner) && cue.Lemma != "according to")
                continue; // "Editor’s note", "Putin's warning"

            if ((cue.Flags & CueFlags.QuoteOnly) != 0 && !QuoteJustBefore(i)) continue;
            bool plainSpeech = (cue.Flags & (CueFlags.Intention | CueFlags.Evidence | CueFlags.ViewAs)) == 0;
            Candidate? found = cue.Lemma == "according to"
                ? According(i, cueLast)
                : (plainSpeech ? Inverted(i, cueLast) : null) ?? SubjectFirst(i, cueLast, cue, lastMentionStart, lastMentionEnd);
            if (found is not { } c) continue;
            output.Add(c);
            if (c.MentionStart >= 0)
            {
                lastMentionStart = c.MentionStart;
                lastMentionEnd = c.MentionEnd;
            }
            consumed = Math.Max(cueLast, TokenAtOrBefore(c.ContentEnd));
        }
    }

    // "The summit is expected to produce a statement", "Kyiv seemed to soften its stance", "Moscow appears to
    // have rejected the plan", "the mood seems grim": the writer attributes an expectation or an impression with no
    // named source. The content is the whole clause, from its subject (or a relative "who"/"which"/"that") to the
    // end of the sentence. "appeared to say" is left to the cue that follows.
    private Candidate? Impression(int i)
    {
        var w = _t[i].In(_text);
        if (w.Length is < 4 or > 8 || (w[0] | 0x20) is not ('s' or 'a' or 'e')) return null; // most words, cheaply
        bool seem = Lexicon.SeemVerbs.Has(w);
        bool appear = Lexicon.AppearVerbs.Has(w);
        bool expected = w.Equals("expected", StringComparison.OrdinalIgnoreCase);
        if (!seem && !appear && !expected || i == 0) return null;
        if (expected)
        {
            int b = i - 1;
            while (b > 0 && (IsWord(b, "not") || IsWord(b, "widely") || IsWord(b, "also") || IsWord(b, "still") || IsWord(b, "generally"))) b--;
            if (!IsBeForm(b)) return null;
        }
        bool to = IsWord(i + 1, "to");
        if (!to && !seem) return null;
        if (to && (i + 2 >= _t.Count || IsVerbLike(i + 2) && !IsBeForm(i + 2) && !IsWord(i + 2, "have"))) return null;
        if (!to && (i + 1 >= _t.Count || _t[i + 1].Type != TokenType.Word || IsWord(i + 1, "that"))) return null; // "it seems that" is hearsay of another kind
        int start = 0;
        for (int k = i - 1; k >= 0; k--)
        {
            if (_inQuote[k] || _t[k].Type is TokenType.OpenQuote or TokenType.CloseQuote) return null;
            if (IsWord(k, "who") || IsWord(k, "which") || IsWord(k, "that")) { start = k; break; }
            if (IsPunct(k, ';') || IsPunct(k, ':') || Lexicon.Subordinators.Has(_t[k].In(_text))) { start = k + 1; break; }
        }
        while (start < i && _t[start].Type != TokenType.Word) start++;
        if (start >= i) return null;
        int end = TrimmedEnd(_end);
        if (WordCount(_t[start].Start, end) < 4) return null;
        return new Candidate
        {
            ContentStart = _t[start].Start, ContentEnd = end, CueStart = _t[i].Start, CueEnd = _t[to ? i + 1 : i].End,
            MentionStart = -1, MentionEnd = -1, Construction = Construction.Sourceless,
        };
    }

    // "Asked whether he would run, Reid said …", "when asked about the vote, she …", "He was asked how …": the
    // question put to someone, without the asker. The content runs to the next comma or dash.
    private Candidate? AskedQuestion(int i)
    {
        if (!IsWord(i, "asked")) return null;
        bool passive = i == 0 || IsPunct(i - 1, ',') || IsBeForm(i - 1) || IsWord(i - 1, "when") || IsWord(i - 1, "whenever")
                       || IsWord(i - 1, "while") || IsWord(i - 1, "if") || IsWord(i - 1, "once") || IsWord(i - 1, "after");
        if (!passive) return null;
        int p = i + 1;
        bool about = IsWord(p, "about");
        if (p >= _t.Count || _t[p].Type != TokenType.Word || !about && !Lexicon.QuestionWords.Has(_t[p].In(_text))) return null;
        int from = about ? p + 1 : p;
        if (from >= _t.Count) return null;
        int end = _end;
        for (int k = from + 1; k < _t.Count; k++)
            if ((IsPunct(k, ',') || IsPunct(k, '\u2014') || IsPunct(k, '-') || IsPunct(k, ';')) && !IsInsideOpenQuote(k))
            {
                end = _t[k].Start;
                break;
            }
        end = TrimmedEnd(end);
        if (end - _t[from].Start < 3) return null;
        return new Candidate
        {
            ContentStart = _t[from].Start, ContentEnd = end, CueStart = _t[i].Start, CueEnd = _t[about ? p : i].End,
            MentionStart = -1, MentionEnd = -1, Construction = Construction.Sourceless,
        };
    }

    // "Kallas: Europe will not recognise …", "Lavrov on the talks: …", "PESKOV: We have not seen the text." — at the
    // start of a paragraph, one to six capitalized words (no verb, not a label such as "Update") and a colon, then
    // at least three words. The mention stops at a lower-case link word ("Lavrov on the talks" → "Lavrov").
    private Candidate? Headline()
    {
        if (_start > 0 && _text[_start - 1] != '\n') return null;
        int colon = -1;
        for (int k = 0; k < _t.Count && k <= 8; k++)
            if (IsPunct(k, ':')) { colon = k; break; }
        if (colon < 1 || _t[0].Type != TokenType.Word || !_t[0].IsCapitalized(_text)) return null;
        int mentionLast = -1, words = 0;
        bool linked = false;
        for (int k = 0; k < colon; k++)
        {
            var t = _t[k];
            if (t.Type != TokenType.Word)
            {
                if (!IsNameToken(k) && !(IsPunct(k, '.') && k > 0 && _t[k - 1].End == t.Start)) return null;
                continue;
            }
            if (IsVerbLike(k)) return null;
            if (!t.IsCapitalized(_text))
            {
                if (!IsWord(k, "on") && !IsWord(k, "to") && !IsWord(k, "at") && !IsWord(k, "about") && !IsWord(k, "of")) return null;
                linked = true;
                continue;
            }
            if (++words > 6) return null;
            if (!linked) mentionLast = k;
        }
        if (mentionLast < 0 || Lexicon.HeadlineLabels.Has(_t[0].In(_text))) return null;
        int contentFrom = colon + 1;
        if (contentFrom >= _t.Count || WordCount(_t[contentFrom].Start, _end) < 3) return null;
        int contentEnd = TrimmedEnd(_end);
        return new Candidate
        {
            ContentStart = _t[contentFrom].Start, ContentEnd = contentEnd, CueStart = _t[colon].Start, CueEnd = _t[colon].End,
            MentionStart = _t[0].Start, MentionEnd = _t[mentionLast].End, Construction = Construction.Headline,
        };
    }

    // "Zelensky called the proposal “a starting point”", "…, calling Putin “a liar”": an object and a quotation
    // within a few words, after a name, a pronoun, an auxiliary or a comma (not "a group called “…”").
    private bool CallsSomethingQuoted(int i)
    {
        if (i == 0) return false;
        var prev = _t[i - 1];
        bool subjectBefore = prev.Type == TokenType.Word
            ? prev.IsCapitalized(_text) || IsSubjectPronoun(i - 1) || IsAuxiliary(i - 1)
            : prev.IsPunct(_text, ',');
        if (!subjectBefore) return false;
        // "called Ford’s plans to open a plant in Mexico “a disgrace”", "called Clinton, his rival, a “co-founder”".
        for (int k = i + 1; k < _t.Count && k - i <= 12; k++)
        {
            if (_t[k].Type == TokenType.OpenQuote) return k > i + 1;
            if (_t[k].Type != TokenType.Word && !IsNameToken(k) && !IsPunct(k, ',')) return false;
            if (IsVerbLike(k) && !IsWord(k, "that")) return false;
        }
        return false;
    }

    // "“…,” he continued." — a closing quotation right before the mention and the cue.
    private bool QuoteJustBefore(int i)
    {
        for (int k = i - 1; k >= 0 && i - k <= 6; k--)
            if (_t[k].Type == TokenType.CloseQuote) return true;
            else if (_t[k].Type != TokenType.Word && !IsPunct(k, ',')) return false;
        return false;
    }

    // "to" after "went on", "appeared", "continued": the cue that follows is the speaker's own.
    private bool IsRaisingInfinitive(int to) =>
        IsWord(to, "to") && to > 0 && _t[to - 1].Type == TokenType.Word && Lexicon.RaisingVerbs.Has(_t[to - 1].In(_text));

    // A closing quotation mark, or apostrophes standing for one after a comma or a question or exclamation mark
    // (British ‘…,’ and the doubled ''…,'' of some newspaper archives, when they were not read as quotation marks).
    private bool IsClosingMark(int k)
    {
        if (k < 0 || k >= _t.Count) return false;
        if (_t[k].Type == TokenType.CloseQuote) return true;
        int x = k;
        while (x >= 0 && x > k - 2 && (IsPunct(x, '\'') || IsPunct(x, '\u2019')) && (x == k || _t[x].End == _t[x + 1].Start)) x--;
        return x < k && x >= 0 && _t[x].End == _t[x + 1].Start && (IsPunct(x, ',') || IsPunct(x, '?') || IsPunct(x, '!'));
    }

    private bool HasQuoteBetween(int from, int to)
    {
        for (int k = from; k < to && k < _t.Count; k++)
            if (_t[k].Type is TokenType.OpenQuote or TokenType.CloseQuote) return true;
        return false;
    }

    private bool IsPossessive(int k)
    {
        var w = _t[k].In(_text);
        return w.Length > 2 && (w[^1] is 's' or 'S') && (w[^2] is '\'' or '\u2019');
    }

    private bool IsCoordinator(int k) => IsWord(k, "and") || IsWord(k, "but") || IsWord(k, "or");

    // A cue form that can only be a finite verb: a past tense ("said", "added", "warned") or "says"/"tells"/"adds",
    // never a noun ("claims", "calls").
    private bool IsFiniteCue(int k)
    {
        if (_t[k].Type != TokenType.Word || !CueLexicon.TryGet(_t[k].In(_text), out var c) || (c.Flags & CueFlags.Participle) != 0)
            return false;
        var w = _t[k].In(_text);
        return w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !w.Equals(c.Lemma, StringComparison.OrdinalIgnoreCase)
               || Lexicon.FiniteCueForms.Has(w);
    }

    private int? PrevWord(int i) => i > 0 && _t[i - 1].Type == TokenType.Word ? i - 1 : null;

    private int TokenAtOrBefore(int charPos)
    {
        int k = _t.Count - 1;
        while (k >= 0 && _t[k].Start >= charPos) k--;
        return k;
    }

    private string Word(int k) => _t[k].In(_text).ToString();

    private bool IsWord(int k, string w) => k >= 0 && k < _t.Count && _t[k].Is(_text, w);

    private bool IsPunct(int k, char c) => k >= 0 && k < _t.Count && _t[k].IsPunct(_text, c);

    // ---- "according to X, …" / "…, according to X" ---------------------------------------------------------

    private Candidate? According(int i, int cueLast)
    {
        int npStart = cueLast + 1;
        int npEnd = npStart;
        while (npEnd < _t.Count && npEnd - npStart < MaxMentionTokens && _t[npEnd].Type == TokenType.Word)
            npEnd++;
        while (npEnd < _t.Count && npEnd - npStart < MaxMentionTokens && _t[npEnd].Type != TokenType.Word
               && _t[npEnd].In(_text) is "." or "'" or "\u2019" or "-" && npEnd + 1 < _t.Count && _t[npEnd + 1].Type == TokenType.Word)
        {
            npEnd++;
            while (npEnd < _t.Count && _t[npEnd].Type == TokenType.Word) npEnd++;
        }
        if (npEnd == npStart) return null;
        int mentionStart = _t[npStart].Start, mentionEnd = _t[npEnd - 1].End;

        int before = i;
        while (before > 0 && _t[before - 1].Type == TokenType.Word && Lexicon.SentenceAdverbs.Has(_t[before - 1].In(_text))) before--;
        int contentStart, contentEnd;
        if (before == 0 || before == 1 && _t[0].Type != TokenType.Word)
        {
            // "According to X, content."
            int k = npEnd;
            if (IsPunct(k, ',') || IsPunct(k, ':')) k++;
            if (k >= _t.Count) return null;
            contentStart = _t[k].Start;
            contentEnd = TrimmedEnd(_end);
        }
        else
        {
            contentStart = _start;
            contentEnd = TrimmedEnd(_t[i - 1].Type == TokenType.Word ? _t[i - 1].End : _t[i - 1].Start);
            if (IsPunct(npEnd, ',') && npEnd + 2 < _t.Count) contentEnd = TrimmedEnd(_end); // "X, according to Y, is …"
        }
        if (contentEnd - contentStart < 3) return null;
        return new Candidate
        {
            ContentStart = contentStart, ContentEnd = contentEnd, CueStart = _t[i].Start, CueEnd = _t[cueLast].End,
            MentionStart = mentionStart, MentionEnd = mentionEnd, Construction = Construction.According,
        };
    }

    // ---- "…, said X." ------------------------------------------------------------------------------------

    private Candidate? Inverted(int i, int cueLast)
    {
        if (i == 0 || IsParticipleCue(i)) return null; // "…, calling it “a trap”" is not "…, said X"
        var prev = _t[i - 1];
        bool afterComma = prev.IsPunct(_text, ',') || IsClosingMark(i - 1);
        if (!afterComma || i < 3) return null;
        int npStart = cueLast + 1;
        if (npStart >= _t.Count || _t[npStart].Type != TokenType.Word) return null;
        if (IsWord(npStart, "that")) return null;
        int npEnd = npStart;
        while (npEnd < _t.Count && npEnd - npStart < MaxMentionTokens && IsNameToken(npEnd)) npEnd++;
        if (npEnd == npStart) return null;
        for (int k = npStart; k < npEnd; k++)
            if (IsVerbLike(k)) return null; // "…, said Nunberg was …" is not an inverted attribution
        // The mention must run to the end of the sentence, a comma or a quotation.
        // (Not an opening mark right after it: "…, called the plan “a trap”" names the object, not the speaker.)
        bool closes = npEnd >= _t.Count || IsPunct(npEnd, ',') || IsPunct(npEnd, '.') || IsPunct(npEnd, ';')
                      || _t[npEnd].Type is TokenType.CloseQuote || IsPunct(npEnd, '!') || IsPunct(npEnd, '?');
        if (!closes || !IsSpeakerPhrase(npStart, npEnd)) return null;

        int contentEnd = IsClosingMark(i - 1) ? prev.End : prev.Start;
        int contentStart = _start;
        // "“…,” said Peskov, “…”": the quotation resumes after the attribution.
        if (IsPunct(npEnd, ',') && npEnd + 1 < _t.Count && _t[npEnd + 1].Type == TokenType.OpenQuote)
            contentEnd = QuoteEndAfter(npEnd + 1);
        contentEnd = TrimmedEnd(contentEnd);
        if (contentEnd - contentStart < 3) return null;
        return new Candidate
        {
            ContentStart = contentStart, ContentEnd = contentEnd, CueStart = _t[i].Start, CueEnd = _t[cueLast].End,
            MentionStart = _t[npStart].Start, MentionEnd = _t[npEnd - 1].End, Construction = Construction.Inverted,
        };
    }

    private bool IsBeForm(int k) => k >= 0 && k < _t.Count && _t[k].Type == TokenType.Word && Lexicon.BeForms.Has(_t[k].In(_text));

    private bool IsVerbLike(int k) =>
        _t[k].Type == TokenType.Word && (Lexicon.Verbs.Has(_t[k].In(_text)) || CueLexicon.TryGet(_t[k].In(_text), out _));

    private bool IsNameToken(int k)
    {
        var t = _t[k];
        if (t.Type == TokenType.Word) return !Lexicon.ClauseBoundaries.Has(_t[k].In(_text));
        if (t.Length != 1 || k + 1 >= _t.Count || _t[k + 1].Type != TokenType.Word) return false;
        char c = _text[t.Start];
        if (c is '\'' or '\u2019' or '-') return _t[k + 1].Start == t.End;
        // "Sen. Marco Rubio", "Gov. Mike Pence": the period of a title abbreviation.
        return c == '.' && k > 0 && _t[k - 1].Type == TokenType.Word && _t[k - 1].End == t.Start
               && _t[k - 1].IsCapitalized(_text) && _t[k - 1].Length <= 4 && _t[k + 1].IsCapitalized(_text);
    }

    private int QuoteEndAfter(int openToken)
    {
        for (int k = openToken + 1; k < _t.Count; k++)
            if (_t[k].Type == TokenType.CloseQuote) return _t[k].End;
        return _end;
    }

    // ---- "X said (that) …" and "…, X said." -----------------------------------------------------------

    private Candidate? SubjectFirst(int i, int cueLast, CueWord cue, int lastMentionStart, int lastMentionEnd)
    {
        int j = i - 1;
        if (j >= 1 && IsRaisingInfinitive(j)) j -= 2; // "went on to say", "appeared to suggest"
        while (j >= 0 && _t[j].Type == TokenType.Word && (Lexicon.Auxiliaries.Has(_t[j].In(_text)) || Lexicon.RaisingVerbs.Has(_t[j].In(_text)))
               && !IsSubjectPronoun(j)) j--;
        // "Zelensky, who met Trump on Friday, said" / "Dmitry Peskov, the Kremlin spokesman, said"
        if (j >= 0 && (IsPunct(j, ',') || IsPunct(j, ')') || IsPunct(j, '\u2014')))
        {
            int k = j - 1;
            char open = IsPunct(j, ')') ? '(' : _text[_t[j].Start];
            while (k >= 0 && j - k < 30 && !(IsPunct(k, open) || open == ',' && IsPunct(k, '\u2014'))) k--;
            bool participle = (cue.Flags & CueFlags.Participle) != 0;
            if (!participle && k > 0 && k + 1 < j && (IsRelativeOrAppositive(k + 1) || IsPlainAppositive(k + 1, j))) j = k - 1;
            else if (participle || cue.Flags.HasFlag(CueFlags.Participle))
                return WithSentenceSubject(i, cueLast, cue, lastMentionStart, lastMentionEnd);
            else return null;
        }
        // Passive voice ("were disputed by …", "was told", "was not asked"): the subject is not the speaker.
        int beforeCue = i - 1;
        while (beforeCue > 0 && _t[beforeCue].Type == TokenType.Word && Lexicon.PassiveAdverbs.Has(_t[beforeCue].In(_text))) beforeCue--;
        if (beforeCue >= 0 && _t[beforeCue].Type == TokenType.Word && IsBeForm(beforeCue) && (cue.Flags & CueFlags.Participle) == 0)
            return null;
        int m = j;
        // "business leaders who say …": the relative pronoun is the mention (its antecedent is resolved later).
        if (IsWord(j, "who") && j > 0) m = j - 1;
        else while (m >= 0 && j - m < MaxMentionTokens && IsNameToken(m)) m--;
        int npStart = m + 1, npEnd = j + 1;
        if (npEnd <= npStart)
        {
            bool coordinated = m >= 0 && (IsWord(m, "and") || IsWord(m, "but"));
            return coordinated || (cue.Flags & CueFlags.Participle) != 0
                ? WithSentenceSubject(i, cueLast, cue, lastMentionStart, lastMentionEnd)
                : null;
        }
        if (j - m >= MaxMentionTokens && m >= 0 && IsNameToken(m)) return null; // no clause start in reach: not a subject
        while (npStart < npEnd - 1 && Lexicon.SentenceAdverbs.Has(_t[npStart].In(_text))) npStart++;
        // "…, with Fox News calling the race for Sanders": the participle's own subject after "with".
        bool withSubject = (cue.Flags & CueFlags.Participle) != 0 && npEnd - npStart >= 2 && IsWord(npStart, "with");
        if (withSubject) npStart++;
        if (!IsSpeakerPhrase(npStart, npEnd)) return null;
        if ((cue.Flags & (CueFlags.Belief | CueFlags.Intention)) != 0
            && !(IsSubjectPronoun(npStart) && npEnd - npStart == 1 || _t[npStart].IsCapitalized(_text)))
            return null;
        if ((cue.Flags & CueFlags.Evidence) != 0 && !HasEvidenceNoun(npStart, npEnd)) return null;
        if ((cue.Flags & CueFlags.ViewAs) != 0 && !(IsSubjectPronoun(npStart) && npEnd - npStart == 1 || _t[npStart].IsCapitalized(_text)
                                                    || Lexicon.BareSpeakers.Has(_t[npEnd - 1].In(_text))))
            return null;
        if ((cue.Flags & CueFlags.Participle) != 0 && !IsAuxiliary(i - 1) && !withSubject) return null; // "the talks, adding …" handled above

        var mention = (_t[npStart].Start, _t[npEnd - 1].End);
        // "…, X said." — the content comes before the mention.
        int beforeMention = npStart - 1;
        bool afterBreak = beforeMention >= 1 && (IsPunct(beforeMention, ',') || IsClosingMark(beforeMention));
        int after = SkipCueAdverbials(cueLast + 1);
        bool nothingAfter = after >= _t.Count || IsTerminal(after) || IsPunct(after, ',')
                            || afterBreak && beforeMention >= 3 && IsTrailingPhrase(after);
        bool quoteBefore = beforeMention >= 0 && (IsClosingMark(beforeMention)
            || IsPunct(beforeMention, ',') && beforeMention > 0 && _t[beforeMention - 1].Type == TokenType.CloseQuote);
        if (afterBreak && (nothingAfter || quoteBefore && !IsWord(after, "that")))
        {
            int contentEnd = IsClosingMark(beforeMention) ? _t[beforeMention].End : _t[beforeMention].Start;
            int contentStart = _start;
            if (nothingAfter && after < _t.Count && IsPunct(after, ','))
            {
                if (after + 1 < _t.Count && _t[after + 1].Type == TokenType.OpenQuote)
                {
                    contentEnd = QuoteEndAfter(after + 1);
                    // "Asked what he wanted, Adelson said, “A winner.”": with no quotation before the mention, the
                    // words before it are the setting and the quotation after it is what was said.
                    if (!quoteBefore && !HasQuoteBetween(0, beforeMention)) contentStart = _t[after + 1].Start;
                }
                else if (!quoteBefore && after + 1 < _t.Count && !IsParticipleCue(after + 1)) contentEnd = _end; // "The deal, he said, is close."
            }
            contentEnd = TrimmedEnd(contentEnd);
            if (contentEnd - contentStart < 3) return null;
            return new Candidate
            {
                ContentStart = contentStart, ContentEnd = contentEnd, CueStart = _t[i].Start, CueEnd = _t[cueLast].End,
                MentionStart = mention.Item1, MentionEnd = mention.Item2, Construction = Construction.SpeakerAfter,
            };
        }
        return Forward(i, cueLast, cue, mention.Item1, mention.Item2, Construction.SpeakerFirst);
    }

    private Candidate? WithSentenceSubject(int i, int cueLast, CueWord cue, int lastMentionStart, int lastMentionEnd)
    {
        if (lastMentionStart >= 0)
            return Forward(i, cueLast, cue, lastMentionStart, lastMentionEnd, Construction.Participle);
        int k = 0;
        bool phraseFirst = false; // "Speaking in Kyiv, …", "After the talks, …": the subject comes after a comma
        while (k < i && (_t[k].Type != TokenType.Word || Lexicon.SentenceAdverbs.Has(_t[k].In(_text))))
        {
            phraseFirst |= _t[k].Type == TokenType.Word && Lexicon.PhraseOpeners.Has(_t[k].In(_text));
            k++;
        }
        if (phraseFirst && ClauseSubject(i) is { } clause)
            return Forward(i, cueLast, cue, _t[clause.Start].Start, _t[clause.End - 1].End, Construction.Participle);
        if (k >= i) return null;
        int s = k;
        if (IsSubjectPronoun(k)) k++;
        else
        {
            while (k < i && (_t[k].IsCapitalized(_text) || IsNameToken(k) && k + 1 < i && _t[k + 1].IsCapitalized(_text)
                             && (IsWord(k, "of") || IsWord(k, "for") || _t[k].Type != TokenType.Word))) k++;
        }
        if (k == s) return ClauseSubject(i) is { } subject
            ? Forward(i, cueLast, cue, _t[subject.Start].Start, _t[subject.End - 1].End, Construction.Participle)
            : null;
        return Forward(i, cueLast, cue, _t[s].Start, _t[k - 1].End, Construction.Participle);
    }

    // "Speaking in Kyiv on Friday, Zelensky rejected the plan, calling it …": when the sentence does not open with
    // its subject, the last name or pronoun before the cue that opens a clause (after a comma or at the start) and
    // is followed by a lower-case word (its verb).
    private (int Start, int End)? ClauseSubject(int i)
    {
        (int, int)? found = null;
        for (int k = 0; k < i - 1; k++)
        {
            if (k > 0 && !IsPunct(k - 1, ',') || _t[k].Type != TokenType.Word || _inQuote[k]) continue;
            int e = k;
            if (IsSubjectPronoun(k) && !IsWord(k, "who")) e = k + 1;
            else while (e < i && _t[e].IsCapitalized(_text) && !Lexicon.SentenceAdverbs.Has(_t[e].In(_text))) e++;
            if (e > k && e < i && _t[e].Type == TokenType.Word && !_t[e].IsCapitalized(_text) && !Lexicon.ClauseBoundaries.Has(_t[e].In(_text)))
                found = (k, e);
        }
        return found;
    }

    private Candidate? Forward(int i, int cueLast, CueWord cue, int mentionStart, int mentionEnd, Construction construction)
    {
        int p = cueLast + 1;
        if ((cue.Flags & CueFlags.TakesObject) != 0)
        {
            int that = -1;
            for (int k = p; k < _t.Count && k - p < 10; k++)
            {
                if (_t[k].Type is TokenType.OpenQuote || _inQuote[k]) break;
                if (IsWord(k, "that") || IsPunct(k, ':')) { that = k; break; }
            }
            if (that >= 0) p = that + 1;
            else if (cue.Lemma is "tell" or "assure" or "inform" or "remind" or "warn" or "urge" or "advise" or "ask")
            {
                int afterObject = SkipObject(p);
                // "asked the allies to send air defence": the request is the object and its infinitive.
                if (!(cue.Lemma == "ask" && afterObject > p && IsWord(afterObject, "to"))) p = afterObject;
            }
        }
        else
        {
            p = SkipCueAdverbials(p);
            if (IsWord(p, "that")) p++;
            else
            {
                // "suggested for the first time that …": a short phrase before "that".
                for (int k = p; k < _t.Count && k - p < 8; k++)
                {
                    if (_t[k].Type != TokenType.Word || _inQuote[k] || IsVerbLike(k) && !IsWord(k, "that")) break;
                    if (IsWord(k, "that") && k > p) { p = k + 1; break; }
                }
            }
        }
        while (p < _t.Count && (IsPunct(p, ':') || IsPunct(p, ',') || IsPunct(p, '\u2014'))) p++;
        if (p >= _t.Count || IsTerminal(p) && p == _t.Count - 1)
        {
            bool colon = cueLast + 1 < _t.Count && _text.AsSpan(_t[cueLast].End, _end - _t[cueLast].End).TrimEnd().EndsWith(":");
            if (!colon) return null;
            return new Candidate
            {
                ContentStart = _end, ContentEnd = _end, CueStart = _t[i].Start, CueEnd = _t[cueLast].End,
                MentionStart = mentionStart, MentionEnd = mentionEnd, Construction = construction, ContentFollows = true,
            };
        }
        if ((cue.Flags & CueFlags.ViewAs) != 0 && !AsAfterObject(p)) return null; // "sees the plan as a trap"
        if (cue.Lemma is "report" or "write" && IsWord(p, "from")) return null; // a byline: "Smith reported from Kyiv."
        if ((cue.Flags & CueFlags.Intention) != 0 && !IsWord(p, "to"))
        {
            // "wants Kyiv to sign": a short object before the infinitive; other intention verbs need "to" at once.
            if ((cue.Flags & CueFlags.Belief) == 0 && !(cue.Lemma == "want" && ObjectBeforeInfinitive(p))) return null;
        }
        else if ((cue.Flags & CueFlags.Belief) != 0 && IsWord(p, "to") && (cue.Flags & CueFlags.Intention) == 0)
            return null; // "believes to be" is not a statement; "hopes to meet" is an intention
        if ((cue.Flags & CueFlags.Evidence) != 0 && (IsWord(p, "up") || IsWord(p, "out") || IsWord(p, "off") || IsWord(p, "itself")
                                                    || IsWord(p, "themselves") || IsWord(p, "guilty")))
            return null;
        int contentStart = _t[p].Start;
        int contentEnd = _end;
        // Stop before ", adding that …" so the participle becomes its own statement.
        for (int k = p + 1; k + 1 < _t.Count; k++)
        {
            if (IsPunct(k, ',') && !_inQuote[k] && IsParticipleCue(k + 1) && !IsInsideOpenQuote(k))
            {
                contentEnd = _t[k].Start;
                break;
            }
            // "… a “ridiculous proposition,” adding that …": the comma inside the closing mark.
            if (IsPunct(k, ',') && k + 2 < _t.Count && _t[k + 1].Type == TokenType.CloseQuote && IsParticipleCue(k + 2)
                && !IsInsideOpenQuote(k + 2))
            {
                contentEnd = _t[k + 1].End;
                break;
            }
        }
        // "Merz, who said the plan needed work, met …": a relative clause ends at its comma.
        if (mentionEnd - mentionStart == 3 && _text.AsSpan(mentionStart, 3).Equals("who", StringComparison.OrdinalIgnoreCase))
            for (int k = p + 1; k < _t.Count && _t[k].Start < contentEnd; k++)
                if ((IsPunct(k, ',') || IsPunct(k, '\u2014')) && !_inQuote[k] && !IsInsideOpenQuote(k))
                {
                    contentEnd = _t[k].Start;
                    break;
                }
        contentEnd = TrimmedEnd(BeforeNextSpeechClause(p + 1, contentEnd));
        bool namedObject = cue.Lemma is "endorse" or "support" or "back" or "oppose" or "praise" or "criticize" or "criticise"
                           or "condemn" && WordCount(contentStart, contentEnd) == 1 && _t[p].IsCapitalized(_text);
        if (contentEnd - contentStart < 2 || WordCount(contentStart, contentEnd) < 2 && !namedObject) return null; // "Orban endorsed Trump."
        return new Candidate
        {
            ContentStart = contentStart, ContentEnd = contentEnd, CueStart = _t[i].Start, CueEnd = _t[cueLast].End,
            MentionStart = mentionStart, MentionEnd = mentionEnd, Construction = construction,
        };
    }

    // "…, while 22 percent said …", "…; others said …", "…, but Kyiv said …": a second speech clause with its own
    // subject ends the content, so that it becomes a statement of its own. "She said A and warned B" (the same
    // subject) is split only when asked. After "and" and "or" only a verb phrase counts: "Russia and Ukraine
    // agreed" coordinates the subject.
    private int BeforeNextSpeechClause(int from, int contentEnd)
    {
        for (int k = from; k < _t.Count && _t[k].Start < contentEnd; k++)
        {
            bool coordinator = IsCoordinator(k);
            // "… contends that A, and Deese, the adviser, said …" / "… concludes that A and he doesn't understand …":
            // a new clause with a personal-pronoun subject ends the reported content (PolNeAR's unit).
            if (_splitCoordinated && (IsWord(k, "and") || IsWord(k, "but")) && !_inQuote[k] && k + 2 < _t.Count
                && (IsWord(k + 1, "he") || IsWord(k + 1, "she") || IsWord(k + 1, "they")) && _t[k + 2].Type == TokenType.Word
                && !IsInsideOpenQuote(k))
                return _t[k].Start;
            bool clauseBreak = IsPunct(k, ';') || IsWord(k, "while") || IsWord(k, "whereas")
                               || IsWord(k, "but") && IsPunct(k - 1, ',');
            if (!coordinator && !clauseBreak || _inQuote[k] || IsInsideOpenQuote(k)) continue;
            int v = k + 1, subject = v;
            if (clauseBreak)
                while (v < _t.Count && v - subject < 8 && IsNameToken(v) && !IsVerbLike(v) && !IsAuxiliary(v) && !_inQuote[v]) v++;
            int subjectEnd = v;
            while (v < _t.Count && IsAuxiliary(v) && !IsFiniteCue(v) && !IsBeForm(v)) v++; // "and later told", "but has said"
            if (v >= _t.Count || _inQuote[v] || !IsFiniteCue(v)) continue;
            CueLexicon.TryGet(_t[v].In(_text), out var next);
            if ((next.Flags & (CueFlags.QuoteOnly | CueFlags.Evidence | CueFlags.ViewAs | CueFlags.NeedsParticle)) != 0) continue;
            if (subjectEnd > subject ? IsSpeakerPhrase(subject, subjectEnd) : coordinator && _splitCoordinated) return _t[k].Start;
        }
        return contentEnd;
    }

    // "the plan as …": one to six words, none a verb, then "as".
    private bool AsAfterObject(int p)
    {
        for (int k = p; k < _t.Count && k - p <= 6; k++)
        {
            if (_t[k].Type != TokenType.Word && !IsNameToken(k) || _inQuote[k]) return false;
            if (IsWord(k, "as")) return k > p;
            if (IsVerbLike(k) || IsWord(k, "that")) return false;
        }
        return false;
    }

    // "voters to know …", "the allies to agree …": one to four words, none a verb, then "to".
    private bool ObjectBeforeInfinitive(int p)
    {
        for (int k = p; k < _t.Count && k - p <= 4; k++)
        {
            if (_t[k].Type != TokenType.Word || _inQuote[k]) return false;
            if (IsWord(k, "to")) return k > p;
            if (IsVerbLike(k)) return false;
        }
        return false;
    }

    // "a poll", "the survey", "Exit polls taken in …", "the court records": a source of findings.
    private bool HasEvidenceNoun(int s, int e)
    {
        for (int k = s; k < e; k++)
            if (_t[k].Type == TokenType.Word && Lexicon.EvidenceNouns.Has(_t[k].In(_text))) return true;
        return false;
    }

    private bool IsInsideOpenQuote(int k)
    {
        int depth = 0;
        for (int x = 0; x < k; x++)
            if (_t[x].Type == TokenType.OpenQuote) depth++;
            else if (_t[x].Type == TokenType.CloseQuote) depth = Math.Max(0, depth - 1);
        return depth > 0;
    }

    private int WordCount(int start, int end)
    {
        int n = 0;
        foreach (var t in _t)
            if (t.Type == TokenType.Word && t.Start >= start && t.End <= end) n++;
        return n;
    }

    private int SkipObject(int p)
    {
        if (p >= _t.Count || _t[p].Type != TokenType.Word) return p;
        var w = Word(p);
        if (w is "reporters" or "journalists" or "lawmakers" or "supporters" or "him" or "her" or "them" or "us" or "me"
            or "parliament" or "Parliament" or "Congress" or "viewers" or "listeners" or "delegates" or "allies" or "officials")
            return p + 1;
        int k = p;
        if (Lexicon.Determiners.Contains(w)) k++;
        int s = k;
        while (k < _t.Count && (_t[k].IsCapitalized(_text) || k > s && IsPunct(k, '\u2019') || k > s && IsPunct(k, '\''))) k++;
        if (k == s && s > p && k < _t.Count && _t[k].Type == TokenType.Word) k++; // "the newspaper"
        return k;
    }

    private int SkipCueAdverbials(int p)
    {
        while (p < _t.Count && _t[p].Type == TokenType.Word)
        {
            var w = Word(p).ToLowerInvariant();
            if (w is "yesterday" or "today" or "tonight" or "earlier" or "later" or "again" or "also" or "repeatedly"
                or "publicly" or "privately" or "recently" or "then" or "flatly" or "firmly" or "sharply" or "bluntly"
                or "explicitly" or "directly" or "openly" or "clearly" or "previously" or "separately" or "reporters"
                or "journalists" || Lexicon.Weekdays.Contains(w))
            {
                p++;
                continue;
            }
            if (w is "on" or "late" or "early" or "last" or "this" && p + 1 < _t.Count
                && (Lexicon.Weekdays.Has(_t[p + 1].In(_text)) || IsWord(p + 1, "week") || IsWord(p + 1, "month")
                    || IsWord(p + 1, "night") || IsWord(p + 1, "weekend") || IsWord(p + 1, "year")))
            {
                p += 2;
                continue;
            }
            if (w is "in" or "at" or "during" or "on" or "to" && p + 1 < _t.Count && _t[p + 1].Type == TokenType.Word
                && (Lexicon.Determiners.Has(_t[p + 1].In(_text)) || _t[p + 1].IsCapitalized(_text) || IsWord(p + 1, "reporters")))
            {
                // "in a statement", "at a news conference in Kyiv", "on Telegram", "to reporters": skip to the
                // clause start if one follows within a few words.
                for (int k = p + 1; k < _t.Count && k - p <= 9; k++)
                {
                    if (_t[k].Type == TokenType.OpenQuote || _inQuote[k]) break;
                    if (IsWord(k, "that") || IsPunct(k, ':') || IsPunct(k, ',')) return k;
                }
                int end = p + 1;
                while (end < _t.Count && end - p <= 10 && (_t[end].Type == TokenType.Word || IsPunct(end, '\'') || IsPunct(end, '\u2019'))) end++;
                if (end >= _t.Count || IsTerminal(end) || IsPunct(end, ',')) return end; // "said in a statement."
                break;
            }
            break;
        }
        return p;
    }

    private bool IsTerminal(int k) => k >= _t.Count || _t[k].Type != TokenType.Word && _text[_t[k].Start] is '.' or '!' or '?' or ';';

    private bool IsParticipleCue(int k) =>
        _t[k].Type == TokenType.Word && CueLexicon.TryGet(_t[k].In(_text), out var c) && (c.Flags & CueFlags.Participle) != 0
        && (c.Flags & CueFlags.Belief) == 0;

    private bool IsAuxiliary(int k) => k >= 0 && _t[k].Type == TokenType.Word && Lexicon.Auxiliaries.Has(_t[k].In(_text));

    private bool IsSubjectPronoun(int k) => _t[k].Type == TokenType.Word && Lexicon.SubjectPronouns.Has(_t[k].In(_text));

    // "Ki Hong, 33, said", "J. Gerald Hebert, executive director of the Campaign Legal Center, said":
    // a short phrase between commas with no finite verb and no cue.
    private bool IsPlainAppositive(int from, int to)
    {
        if (to - from > 14) return false;
        for (int k = from; k < to; k++)
        {
            if (_t[k].Type is TokenType.OpenQuote or TokenType.CloseQuote) return false;
            if (_t[k].Type == TokenType.Word && (IsVerbLike(k) || IsSubjectPronoun(k))) return false;
        }
        return true;
    }

    // "…, Ben Carson said after the attacks." — a short trailing phrase, not the content of the statement.
    private bool IsTrailingPhrase(int p)
    {
        int words = 0;
        for (int k = p; k < _t.Count; k++)
        {
            if (IsTerminal(k) && k == _t.Count - 1) break;
            if (_t[k].Type != TokenType.Word) return false;
            if (IsWord(k, "that") || IsVerbLike(k) || IsSubjectPronoun(k)) return false;
            var w = _t[k].In(_text);
            if (w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal)) return false;
            if (++words > 8) return false;
        }
        return words > 0;
    }

    private bool IsRelativeOrAppositive(int k)
    {
        if (_t[k].Type != TokenType.Word) return false;
        var w = Word(k);
        return w is "who" or "which" or "whose" or "whom" or "a" or "an" or "the" or "The" or "A" or "An"
               || _t[k].IsCapitalized(_text) || Lexicon.Determiners.Contains(w) || w is "himself" or "herself" or "itself";
    }

    private bool IsSpeakerPhrase(int s, int e)
    {
        if (e <= s || e - s > MaxMentionTokens) return false;
        var first = _t[s];
        if (first.Type != TokenType.Word) return false;
        var w = Word(s);
        if (e - s == 1 && Lexicon.Weekdays.Contains(w)) return false;
        if (w is "who" && e - s == 1 && s > 0 && (IsPunct(s - 1, ',') || _t[s - 1].Type == TokenType.Word)) return true; // "Merz, who said …"
        if (w is "who" or "which" or "that" or "there" or "what" or "this" or "That" or "This" or "There" or "What") return false;
        var last = Word(e - 1);
        if (e - s == 1 && Lexicon.QuantifierPronouns.Has(w)) return true; // "Several said", "Yet another said"
        if (Lexicon.Determiners.Contains(last) && last is not "both" and not "all" and not "others" || last is "of" or "to" or "for" or "in" or "on" or "at" or "with")
            return false;
        if (Lexicon.SubjectPronouns.Contains(w) || first.IsCapitalized(_text) || Lexicon.Determiners.Contains(w)
            || Lexicon.BareSpeakers.Contains(w) || char.IsDigit(_text[first.Start]))
            return true;
        // "former tech executive Carly Fiorina": lower-case words before a name.
        if (e - s > 8) return false;
        for (int k = s + 1; k < e; k++)
            if (_t[k].IsCapitalized(_text)) return true;
        return Lexicon.BareSpeakers.Contains(last);
    }

    private int TrimmedEnd(int end)
    {
        while (end > _start && (char.IsWhiteSpace(_text[end - 1]) || _text[end - 1] is ',' or '.' or ';' or ':' or '\u2014' or '-'))
            end--;
        return end;
    }
}
