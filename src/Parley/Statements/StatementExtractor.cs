using System.Security.Cryptography;
using System.Text;
using Parley.Actors;
using Parley.Articles;
using Parley.Statements.Attribution;
using Parley.Statements.Quotes;
using Parley.Statements.Reported;
using Parley.Statements.Segmentation;

namespace Parley.Statements;

/// <summary>
/// Finds the statements in an article — direct quotes, reported speech and reported speech with partial quotes —
/// with their cue, their speaker as mentioned, the resolved actor and the party the speaker speaks for.
/// </summary>
/// <remarks>
/// <para>Rule-based and deterministic: sentence segmentation that survives abbreviations, initials and quotations
/// spanning sentences; quotation marks of every common style, including multi-paragraph quotations; a cue lexicon
/// in every inflection and word order; speaker resolution through the <see cref="Gazetteer"/> (names, role nouns by
/// date, capitals), pronouns and generic role nouns to the nearest compatible earlier mention, and anonymous
/// sources to the party of their affiliation.</para>
/// <para><see cref="Statement.Text"/>, <see cref="Statement.Cue"/> and <see cref="Statement.SpeakerMention"/> are
/// always exact substrings of <see cref="Article.Text"/> at their offsets. Unknown speakers are kept with party
/// "Unknown". An unbalanced quotation mark never throws and never swallows more than its paragraph.</para>
/// <para>An instance is immutable and may be shared across threads.</para>
/// </remarks>
/// <example><code>
/// var extractor = new StatementExtractor();
/// foreach (var s in extractor.Extract(article))
///     Console.WriteLine($"{s.Party}: {s.Speaker ?? s.SpeakerMention}: {s.Text}");
/// </code></example>
public sealed class StatementExtractor
{
    private readonly Gazetteer _gazetteer;
    private readonly StatementExtractorOptions _options;

    /// <summary>Creates an extractor.</summary>
    /// <param name="gazetteer">The actors to resolve speakers against; default <see cref="Gazetteer.Default"/>.</param>
    /// <param name="options">Options; default <see cref="StatementExtractorOptions"/> defaults.</param>
    public StatementExtractor(Gazetteer? gazetteer = null, StatementExtractorOptions? options = null)
    {
        _gazetteer = gazetteer ?? Gazetteer.Default;
        _options = options ?? new StatementExtractorOptions();
    }

    /// <summary>The statements of one article, in reading order.</summary>
    public IReadOnlyList<Statement> Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text ?? "";
        if (text.Length == 0) return [];

        var quotes = QuoteFinder.Find(text, _options.DoubledApostropheQuotes);
        var sentences = SentenceSplitter.Split(text, quotes);
        var date = article.Published?.Day;
        var resolver = new SpeakerResolver(_gazetteer, date);
        var analyzer = new ClauseAnalyzer(_options);
        var tokens = new List<Token>(64);
        var sentenceQuotes = new List<QuoteSpan>(4);
        var candidates = new List<Candidate>(4);
        var statements = new List<Statement>();
        var marks = new Dictionary<int, TokenType>();
        Func<int, TokenType?> markAt = i => marks.TryGetValue(i, out var t) ? t : null;

        Candidate? pendingColon = null;
        Resolution pendingResolution = default;
        (Resolution Resolution, int MentionStart, int MentionEnd, int Paragraph)? lastSpeaker = null;
        int q0 = 0;
        int coveredUntil = 0;
        int lastStatementSentence = -10;

        for (int si = 0; si < sentences.Count; si++)
        {
            var sentence = sentences[si];
            sentenceQuotes.Clear();
            marks.Clear();
            while (q0 < quotes.Count && quotes[q0].OuterEnd <= sentence.Start) q0++;
            for (int q = q0; q < quotes.Count && quotes[q].Open < sentence.End; q++)
            {
                sentenceQuotes.Add(quotes[q]);
                marks[quotes[q].Open] = TokenType.OpenQuote;
                if (quotes[q].Closed) marks[quotes[q].Close] = TokenType.CloseQuote;
            }
            Tokenizer.Tokenize(text, sentence.Start, sentence.End, markAt, tokens);
            if (tokens.Count == 0) continue;

            candidates.Clear();
            bool fromColon = false;
            if (pendingColon is { } colon && tokens[0].Type == TokenType.OpenQuote && sentenceQuotes.Count > 0)
            {
                var quote = sentenceQuotes[0];
                candidates.Add(colon with { ContentStart = quote.Open, ContentEnd = Math.Min(quote.OuterEnd, sentence.End), ContentFollows = false });
                fromColon = true;
            }
            pendingColon = null;
            analyzer.Analyze(text, sentence, tokens, sentenceQuotes, candidates);

            for (int ci = 0; ci < candidates.Count; ci++)
            {
                var candidate = candidates[ci];
                if (candidate.ContentFollows)
                {
                    pendingColon = candidate;
                    pendingResolution = resolver.Resolve(text[candidate.MentionStart..candidate.MentionEnd], candidate.MentionStart);
                    lastSpeaker = (pendingResolution, candidate.MentionStart, candidate.MentionEnd, sentence.Paragraph);
                    continue;
                }
                if (candidate.ContentStart < coveredUntil) continue;
                Resolution resolution;
                if (candidate.MentionStart < 0) resolution = new Resolution(null, null, Taxonomy.UnknownParty, false, 0.3);
                else if (ci == 0 && fromColon)
                    resolution = pendingResolution; // the quotation after "X said:"
                else if (Antecedent(text, candidate) is { } antecedent && resolver.Resolve(text[antecedent.Start..antecedent.End], antecedent.Start) is
                         { ActorId: not null } named)
                    resolution = named; // "Merz, who said …"
                else resolution = resolver.Resolve(text[candidate.MentionStart..candidate.MentionEnd], candidate.MentionStart);
                if (candidate.Construction != Construction.CarriedQuote && candidate.MentionStart >= 0)
                    lastSpeaker = (resolution, candidate.MentionStart, candidate.MentionEnd, sentence.Paragraph);
                if (Build(article, text, candidate, resolution, sentenceQuotes) is { } statement)
                {
                    statements.Add(statement);
                    coveredUntil = statement.End;
                    lastStatementSentence = si;
                }
            }

            // Quotations no cue claimed: the previous speaker's, or nobody's.
            foreach (var quote in sentenceQuotes)
            {
                if (quote.Open < sentence.Start || quote.Open < coveredUntil) continue;
                if (candidates.Any(c => c.ContentStart <= quote.Open && quote.InnerEnd <= c.ContentEnd + 1)) continue;
                int words = CountWords(text, quote.InnerStart, quote.InnerEnd);
                bool standsAlone = quote.OuterEnd - quote.Open >= 0.5 * (sentence.End - sentence.Start);
                if (words < _options.MinUncuedQuoteWords || !standsAlone) continue;
                Candidate carried;
                Resolution resolution;
                if (lastSpeaker is { } last && sentence.Paragraph - last.Paragraph <= _options.CarryParagraphs)
                {
                    carried = new Candidate
                    {
                        ContentStart = quote.Open, ContentEnd = quote.OuterEnd, CueStart = -1, CueEnd = -1,
                        MentionStart = last.MentionStart, MentionEnd = last.MentionEnd, Construction = Construction.CarriedQuote,
                    };
                    resolution = last.Resolution;
                }
                else if (_options.KeepUnattributedQuotes)
                {
                    carried = new Candidate
                    {
                        ContentStart = quote.Open, ContentEnd = quote.OuterEnd, CueStart = -1, CueEnd = -1,
                        MentionStart = -1, MentionEnd = -1, Construction = Construction.LoneQuote,
                    };
                    resolution = new Resolution(null, null, Taxonomy.UnknownParty, false, 0.3);
                }
                else continue;
                if (Build(article, text, carried, resolution, sentenceQuotes) is not { } statement) continue;
                // "“…,” he said. “…”": the quotation goes on after the attribution; one statement, as annotators mark it.
                // The speaker's participle clauses in between ("“…,” he said, referring to …. “…”") do not break the turn.
                int turn = statements.Count - 1;
                while (si > 0 && turn > 0 && statements[turn].Kind is not StatementKind.Quote && statements[turn].SpeakerMentionStart == carried.MentionStart
                       && statements[turn].Start >= sentences[si - 1].Start)
                    turn--;
                if (_options.JoinContinuedQuotes && carried.Construction == Construction.CarriedQuote && lastStatementSentence == si - 1
                    && sentences[si - 1].Paragraph == sentence.Paragraph && turn >= 0
                    && statements[turn].Kind is StatementKind.Quote && statements[turn].SpeakerMentionStart == carried.MentionStart
                    && statements[turn].Start >= sentences[si - 1].Start)
                {
                    var previous = statements[turn];
                    statements[turn] = previous with
                    {
                        Id = StatementId(article.Id, previous.Start, statement.End),
                        End = statement.End,
                        Text = text[previous.Start..statement.End],
                    };
                }
                else statements.Add(statement);
                coveredUntil = statement.End;
                lastStatementSentence = si;
            }
            resolver.Observe(text, tokens);
        }
        return statements;
    }

    // The capitalized words right before ", who": the antecedent of a relative "who" mention.
    private static (int Start, int End)? Antecedent(string text, Candidate c)
    {
        if (c.MentionStart < 0 || c.MentionEnd - c.MentionStart != 3
            || !text.AsSpan(c.MentionStart, 3).Equals("who", StringComparison.OrdinalIgnoreCase)) return null;
        int end = c.MentionStart;
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ',')) end--;
        int start = end;
        while (start > 0)
        {
            int w = start;
            while (w > 0 && (char.IsLetter(text[w - 1]) || text[w - 1] is '.' or '-' or '\'' or '\u2019')) w--;
            if (w == start || !char.IsUpper(text[w])) break;
            start = w;
            if (start > 0 && text[start - 1] == ' ') start--;
            else break;
        }
        while (start < end && text[start] == ' ') start++;
        return end - start >= 2 ? (start, end) : null;
    }

    private static int CountWords(string text, int start, int end)
    {
        int n = 0;
        bool inWord = false;
        for (int i = start; i < end; i++)
        {
            bool letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord) n++;
            inWord = letter;
        }
        return n;
    }

    private static Statement? Build(Article article, string text, Candidate c, Resolution r, List<QuoteSpan> quotes)
    {
        int start = c.ContentStart, end = c.ContentEnd;
        var kind = StatementKind.Reported;
        int inside = 0;
        QuoteSpan single = default;
        int outsideWords = 0;
        foreach (var q in quotes)
        {
            if (q.OuterEnd <= start || q.Open >= end) continue;
            inside++;
            single = q;
        }
        if (inside > 0)
        {
            // Words of the content that stand outside every quotation.
            int pos = start;
            foreach (var q in quotes)
            {
                if (q.OuterEnd <= start || q.Open >= end) continue;
                outsideWords += CountWords(text, pos, Math.Max(pos, q.Open));
                pos = Math.Max(pos, q.OuterEnd);
            }
            outsideWords += CountWords(text, pos, Math.Max(pos, end));
            bool interrupted = c.Construction is Construction.SpeakerAfter or Construction.Inverted && inside > 1 && outsideWords <= 6;
            if (outsideWords == 0 && inside == 1)
            {
                kind = StatementKind.Quote;
                start = single.InnerStart;
                end = single.InnerEnd;
            }
            else if (interrupted)
            {
                kind = StatementKind.Quote;
                var first = quotes.First(q => q.OuterEnd > start && q.Open < end);
                var last = quotes.Last(q => q.OuterEnd > start && q.Open < end);
                start = first.InnerStart;
                end = last.InnerEnd;
            }
            else kind = StatementKind.Mixed;
        }
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ',')) end--;
        if (end - start < 2) return null;

        double baseConfidence = c.Construction switch
        {
            Construction.SpeakerFirst or Construction.SpeakerAfter or Construction.Inverted => 0.9,
            Construction.According => 0.85,
            Construction.Participle or Construction.Headline => 0.75,
            Construction.CarriedQuote => 0.6,
            _ => 0.4,
        };
        return new Statement
        {
            Id = StatementId(article.Id, start, end),
            ArticleId = article.Id,
            Source = article.Source,
            Url = article.Url,
            Site = article.Site,
            Date = article.Published?.Day,
            Published = article.Published,
            Kind = kind,
            Text = text[start..end],
            Start = start,
            End = end,
            Cue = c.CueStart >= 0 ? text[c.CueStart..c.CueEnd] : null,
            CueStart = c.CueStart >= 0 ? c.CueStart : null,
            CueEnd = c.CueStart >= 0 ? c.CueEnd : null,
            SpeakerMention = c.MentionStart >= 0 ? text[c.MentionStart..c.MentionEnd] : null,
            SpeakerMentionStart = c.MentionStart >= 0 ? c.MentionStart : null,
            SpeakerMentionEnd = c.MentionStart >= 0 ? c.MentionEnd : null,
            Speaker = r.Speaker,
            ActorId = r.ActorId,
            Party = r.Party,
            Anonymous = r.Anonymous,
            Confidence = Math.Round(baseConfidence * r.Confidence, 3),
        };
    }

    private static string StatementId(string articleId, int start, int end)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{articleId}:{start}:{end}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}
