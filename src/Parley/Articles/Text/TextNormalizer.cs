using System.Net;
using System.Text;

namespace Parley.Articles.Text;

/// <summary>Normalizes text taken from pages: entities, odd spaces and invisible characters, whitespace, NFC.</summary>
/// <remarks>Quotation marks and dashes are kept exactly as typed: downstream quote detection depends on them.</remarks>
internal static class TextNormalizer
{
    /// <summary>Decodes entities, maps non-breaking and other spaces to a space, drops zero-width characters and
    /// soft hyphens, collapses runs of whitespace to one space, trims, and composes to NFC.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.IndexOf('&') >= 0) text = WebUtility.HtmlDecode(text);
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (IsInvisible(c)) continue;
            if (IsSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        var s = sb.ToString();
        return s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Like <see cref="Normalize"/> but keeps line breaks (collapsing spaces within each line).</summary>
    public static string NormalizeKeepingLines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return string.Join('\n', lines.Select(Normalize));
    }

    /// <summary>Zero-width spaces, word joiners, byte-order marks and soft hyphens: they carry no text.</summary>
    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E' or '\u200E' or '\u200F';

    /// <summary>Any Unicode space, including non-breaking and narrow spaces, and control characters.</summary>
    public static bool IsSpace(char c) =>
        char.IsWhiteSpace(c) || c is '\u00A0' or '\u202F' or '\u2007' || (char.IsControl(c) && c != '\0');

    /// <summary>Counts word runs (letters, digits, underscore).</summary>
    public static int CountWords(string text)
    {
        int count = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool w = char.IsLetterOrDigit(c) || c == '_';
            if (w && !inWord) count++;
            inWord = w;
        }
        return count;
    }
}
