namespace Parley.Statements.Segmentation;

internal enum TokenType : byte
{
    Word,
    Punct,
    OpenQuote,
    CloseQuote,
}

/// <summary>A word or punctuation mark as a range of the article text.</summary>
internal readonly record struct Token(int Start, int End, TokenType Type)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);

    public bool Is(string text, string word) =>
        Type == TokenType.Word && text.AsSpan(Start, End - Start).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunct(string text, char c) => Type != TokenType.Word && End - Start == 1 && text[Start] == c;

    public bool IsCapitalized(string text) => Type == TokenType.Word && char.IsUpper(text[Start]);
}

/// <summary>
/// Splits a sentence into words and punctuation. Words keep inner apostrophes, hyphens and periods of dotted
/// acronyms ("Zelensky’s", "U.S.", "J.D.", "co-operate"); quotation marks are typed as opening or closing from the
/// quotes already found.
/// </summary>
internal static class Tokenizer
{
    public static void Tokenize(string text, int start, int end, Func<int, TokenType?> quoteMark, List<Token> tokens)
    {
        tokens.Clear();
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                int j = i + 1;
                while (j < end)
                {
                    char d = text[j];
                    if (char.IsLetterOrDigit(d) || d == '\u0301') { j++; continue; }
                    if (d is '\'' or '\u2019' or '-' or '.' or ',' or '&' && j + 1 < end && char.IsLetterOrDigit(text[j + 1])
                        && (d != ',' || char.IsDigit(text[j - 1]) && char.IsDigit(text[j + 1])))
                    {
                        j += 2;
                        continue;
                    }
                    // The final period of a dotted acronym: "U.S." but not "said.".
                    if (d == '.' && j >= 2 && text[j - 2] == '.' && char.IsLetter(text[j - 1])) j++;
                    else if (d == '.' && j - i == 1 && char.IsUpper(c) && j + 1 < end && text[j + 1] == ' '
                             && j + 2 < end && char.IsUpper(text[j + 2])) j++; // initial "J. Smith"
                    break;
                }
                tokens.Add(new Token(i, j, TokenType.Word));
                i = j;
                continue;
            }
            var type = quoteMark(i) ?? TokenType.Punct;
            int width = type != TokenType.Punct && c == '\'' && i + 1 < end && text[i + 1] == '\'' ? 2 : 1;
            tokens.Add(new Token(i, i + width, type));
            i += width;
        }
    }
}
