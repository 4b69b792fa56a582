namespace Parley.Statements.Quotes;

/// <summary>A span of quoted words: the opening mark at <see cref="Open"/>, the closing mark at <see cref="Close"/>.</summary>
/// <param name="Open">Index of the opening mark.</param>
/// <param name="Close">Index of the closing mark; for an unclosed quote, the end of the paragraph it stops at.</param>
/// <param name="Closed">False when no closing mark was found and the quote was cut at a paragraph end.</param>
/// <param name="Width">Length of each mark: 1, or 2 for the doubled apostrophes (<c>''…''</c>) of some newspapers.</param>
internal readonly record struct QuoteSpan(int Open, int Close, bool Closed, int Width = 1)
{
    /// <summary>First character inside the marks.</summary>
    public int InnerStart => Open + Width;

    /// <summary>End (exclusive) of the words inside the marks.</summary>
    public int InnerEnd => Close;

    /// <summary>End (exclusive) of the span including the closing mark.</summary>
    public int OuterEnd => Closed ? Close + Width : Close;

    public bool Contains(int index) => index >= Open + Width && index < Close;
}

/// <summary>
/// Finds quotations in every common style: straight ("…"), curly (“…”), low-high („…“), guillemets («…»).
/// Single quotes are left to the inside of double quotes, where they are nested quotations or apostrophes.
/// </summary>
/// <remarks>
/// A quote left open at the end of a paragraph continues into the next paragraph when that paragraph starts with
/// an opening mark (the convention for multi-paragraph quotations); otherwise it stops at the end of its paragraph,
/// so an odd number of marks never swallows the rest of the article.
/// </remarks>
internal static class QuoteFinder
{
    public static List<QuoteSpan> Find(string text, bool doubledApostrophes = false)
    {
        var spans = new List<QuoteSpan>();
        int open = -1;
        int width = 1;
        char opener = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            // Doubled apostrophes stand for a straight double quotation mark.
            bool doubled = doubledApostrophes && c == '\'' && i + 1 < text.Length && text[i + 1] == '\'';
            if (c == '\n')
            {
                if (open < 0) continue;
                // The paragraph ends inside a quote: continue only if the next paragraph reopens it.
                int next = i;
                while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
                bool nextDoubled = doubledApostrophes && next + 1 < text.Length && text[next] == '\'' && text[next + 1] == '\'';
                if (next < text.Length && (IsOpening(text, next, text[next]) || nextDoubled))
                {
                    i = nextDoubled ? next + 1 : next; // the reopening mark belongs to the same quotation
                    continue;
                }
                spans.Add(new QuoteSpan(open, TrimEnd(text, open + width, i), false, width));
                open = -1;
                continue;
            }
            if (open < 0)
            {
                if (doubled && (i == 0 || !char.IsLetterOrDigit(text[i - 1]) || i + 2 < text.Length && char.IsLetterOrDigit(text[i + 2])))
                {
                    open = i;
                    opener = '"';
                    width = 2;
                    i++;
                }
                else if (IsOpening(text, i, c))
                {
                    open = i;
                    opener = c;
                    width = 1;
                }
                continue;
            }
            if (width == 2 ? doubled : Closes(opener, text, i, c))
            {
                spans.Add(new QuoteSpan(open, i, true, width));
                open = -1;
                if (doubled) i++;
            }
            else if (width == 1 && c == opener && c is '\u201C' or '\u00AB' && IsOpening(text, i, c) && !LooksClosing(text, i))
            {
                // A second opening mark before any closing one: the first quote was never closed.
                spans.Add(new QuoteSpan(open, TrimEnd(text, open + 1, i), false));
                open = i;
            }
        }
        if (open >= 0) spans.Add(new QuoteSpan(open, TrimEnd(text, open + width, text.Length), false, width));
        return spans;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    private static bool IsOpening(string text, int i, char c) => c switch
    {
        '\u201C' or '\u201E' or '\u00AB' => true,                 // “ „ «
        '"' => i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) || i == 0 || char.IsWhiteSpace(text[i - 1]),
        '\u201D' => (i == 0 || char.IsWhiteSpace(text[i - 1])) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]),
        _ => false,
    };

    private static bool LooksClosing(string text, int i) =>
        i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]));

    private static bool Closes(char opener, string text, int i, char c) => opener switch
    {
        '"' => c == '"' || c == '\u201D',
        '\u201C' => c == '\u201D' || c == '"' && LooksClosing(text, i), // “…" (mixed marks, a common typo)
        '\u201D' => c == '\u201D',
        '\u201E' => c is '\u201C' or '\u201D',
        '\u00AB' => c == '\u00BB',
        _ => false,
    };
}
