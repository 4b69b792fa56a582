using System.Collections.Frozen;
using Parley.Statements.Quotes;

namespace Parley.Statements.Segmentation;

/// <summary>A sentence (or heading, or multi-sentence quotation) as a character range of the article text.</summary>
internal readonly record struct Sentence(int Start, int End, int Paragraph);

/// <summary>
/// Splits article text into sentences. Paragraph breaks always end a sentence unless a quotation continues
/// across them; '.', '!', '?' and '…' end one when followed by space and a capital, a digit or an opening mark,
/// except after abbreviations and titles (Mr., Gen., No. 10), initials (J.D.), dotted acronyms (U.S.) that
/// run on into a name, and never inside a quotation, so "“We will not yield. Never,” he said." stays whole.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov", "sen", "rep",
        "reps", "sens", "prof", "rev", "hon", "pres", "atty", "supt", "det", "insp", "st", "jr", "sr", "no", "nos",
        "art", "vol", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "v", "mt",
        "ft", "approx", "est", "fig", "dept", "univ", "corp", "inc", "ltd", "co", "messrs", "mme", "mlle", "sra", "sr",
        "gens", "amb", "sec", "secs", "cf", "al", "ca", "e.g", "i.e");

    // Words that start a new sentence after a dotted acronym ("… with the U.S. The deal …").
    private static readonly FrozenSet<string> SentenceStarters = FrozenSet.Create(StringComparer.Ordinal,
        "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "A", "An", "This", "That", "There", "On",
        "At", "As", "If", "When", "After", "Before", "His", "Her", "Their", "Its", "Our", "Some", "Many", "Asked");

    public static List<Sentence> Split(string text, IReadOnlyList<QuoteSpan> quotes)
    {
        var sentences = new List<Sentence>();
        int q = 0; // next quote that may contain the cursor
        int paragraph = 0;
        int start = SkipSpace(text, 0);
        int i = start;
        while (i < text.Length)
        {
            while (q < quotes.Count && quotes[q].OuterEnd <= i) q++;
            bool inQuote = q < quotes.Count && quotes[q].Open < i && i < quotes[q].Close;
            char c = text[i];
            if (c == '\n' && !inQuote)
            {
                Add(sentences, text, start, i, paragraph);
                paragraph++;
                start = SkipSpace(text, i + 1);
                i = start;
                continue;
            }
            // A terminal mark just inside the closing mark ends the quotation and may end the sentence.
            bool closesQuote = inQuote && quotes[q].Closed && quotes[q].Close == i + 1;
            if ((!inQuote || closesQuote) && c is '.' or '!' or '?' or '\u2026' && IsBoundary(text, i, out int end)
                && !(closesQuote && AttributionFollows(text, end, c == '.')))
            {
                Add(sentences, text, start, end, paragraph);
                start = SkipSpace(text, end);
                if (text.AsSpan(end, start - end).Contains('\n')) paragraph++;
                i = start;
                continue;
            }
            i++;
        }
        Add(sentences, text, start, text.Length, paragraph);
        return sentences;
    }

    // "“…!” Cruz said." — the attribution after a quotation belongs to its sentence. After a period inside the
    // marks (where a comma is the rule) only a short attribution that ends there counts ("“….” Cruz said."), so
    // that "“… at issue.” The judge pointed to …" is a new sentence.
    private static bool AttributionFollows(string text, int i, bool afterPeriod)
    {
        int words = 0;
        while (i < text.Length && words < (afterPeriod ? 4 : 7))
        {
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            if (i >= text.Length || !char.IsLetter(text[i])) return false;
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '\u2019' or '-' or '.' && i + 1 < text.Length && char.IsLetter(text[i + 1]))) i++;
            if (Reported.CueLexicon.TryGet(text.AsSpan(start, i - start), out _))
                return !afterPeriod || i >= text.Length || text[i] is '.' or '\n';
            words++;
            if (i < text.Length && text[i] is ',' or ';' or ':' or '!' or '?' or '\n') return false;
            if (i < text.Length && text[i] == '.' && !(i - start <= 4 && char.IsUpper(text[start]))) return false;
            if (i < text.Length && text[i] == '.') i++;
        }
        return false;
    }

    private static void Add(List<Sentence> sentences, string text, int start, int end, int paragraph)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) sentences.Add(new Sentence(start, end, paragraph));
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    /// <summary>Whether the terminal mark at <paramref name="i"/> ends a sentence; <paramref name="end"/> is the
    /// sentence end including closing marks and brackets.</summary>
    private static bool IsBoundary(string text, int i, out int end)
    {
        end = i + 1;
        while (end < text.Length && text[end] is '.' or '!' or '?' or '\u2026') end++;
        while (end < text.Length && text[end] is '"' or '\u201D' or '\u2019' or '\'' or ')' or ']' or '\u00BB' or '\u201C') end++;
        if (end >= text.Length) return true;
        if (!char.IsWhiteSpace(text[end])) return false;
        int next = end;
        while (next < text.Length && text[next] is ' ' or '\t') next++;
        if (next >= text.Length || text[next] is '\n' or '\r') return true;
        char n = text[next];
        bool startsSentence = char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\u201C' or '\u201E' or '\u00AB' or '\u2018' or '(' or '[' or '-' or '\u2014'
                              || n == '\'' && next + 1 < text.Length && (text[next + 1] == '\'' || char.IsUpper(text[next + 1])); // ''…'' or '…'
        if (!startsSentence) return false;
        if (text[i] != '.' || end != i + 1) return true;

        // A period: look at the word before it.
        int w = i;
        while (w > 0 && (char.IsLetterOrDigit(text[w - 1]) || text[w - 1] == '.')) w--;
        var word = text.AsSpan(w, i - w);
        if (word.Length == 0) return true;
        if (word.Length == 1 && char.IsUpper(word[0])) return false;                     // initial: "J. D. Vance"
        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
            return word.Equals("no", StringComparison.OrdinalIgnoreCase) ? !char.IsDigit(n) : false;
        if (word.Contains('.'))                                                             // U.S, J.D, U.K
        {
            int wordEnd = next;
            while (wordEnd < text.Length && char.IsLetter(text[wordEnd])) wordEnd++;
            return SentenceStarters.Contains(text[next..wordEnd]);
        }
        return true;
    }
}
