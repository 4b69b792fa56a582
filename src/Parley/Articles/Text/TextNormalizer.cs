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
        text = RepairMojibake(text);
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

    /// <summary>Repairs text that was encoded as UTF-8 and then read as Latin-1 or Windows-1252 once more (mojibake,
    /// "itâ€™s" for "it’s", "cafÃ©" for "café", "Ð¿Ñ€Ð¸" for "при"): publishers' databases and crawlers double-encode,
    /// and about 2 % of real article pages carry such text in their HTML, correctly declared as UTF-8.</summary>
    /// <remarks>Only sequences that cannot be meant as typed are repaired: a lead character of a two-byte sequence
    /// (Â Ã Ä Å for Latin-1 and Latin Extended-A; Ð Ñ for Cyrillic) followed by one continuation character, or "â"
    /// followed by two that make a general-punctuation, currency or letterlike sign (’ “ ” – — … € ™). A continuation
    /// character is U+0080–U+00BF or a Windows-1252 sign standing for a byte 0x80–0x9F; no language writes those
    /// signs right after these letters ("château", "São", "ESPAÑA" stay as they are). The one known false reading is
    /// an all-capital word ending in Ã, Ä or Å directly followed by a sign of that range (a no-break space, "«", "»").</remarks>
    public static string RepairMojibake(string text)
    {
        if (text.AsSpan().IndexOfAny(MojibakeLeads) < 0) return text;
        StringBuilder? sb = null;
        int copied = 0;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            char c = text[i];
            int repaired = -1, length = 0;
            if (c == '\u00E2' && i + 2 < text.Length && ByteOf(text[i + 1]) is >= 0x80 and <= 0x84 and var b1 && ByteOf(text[i + 2]) is >= 0x80 and <= 0xBF and var b2)
            {
                repaired = 0x2000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
                length = 3;
            }
            else if (c is >= '\u00C2' and <= '\u00C5' or '\u00D0' or '\u00D1' && ByteOf(text[i + 1]) is >= 0x80 and <= 0xBF and var b
                && !(c == '\u00C2' && b < 0xA0))
            {
                repaired = ((c & 0x1F) << 6) | (b & 0x3F);
                length = 2;
            }
            if (repaired < 0) continue;
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, copied, i - copied).Append((char)repaired);
            i += length - 1;
            copied = i + 1;
        }
        return sb is null ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    private static readonly System.Buffers.SearchValues<char> MojibakeLeads = System.Buffers.SearchValues.Create("\u00C2\u00C3\u00C4\u00C5\u00D0\u00D1\u00E2");

    /// <summary>The byte a character stands for when UTF-8 was read as Latin-1 or Windows-1252 (0x80–0xFF), else −1.</summary>
    private static int ByteOf(char c) => c switch
    {
        >= '\u0080' and <= '\u00FF' => c,
        '\u20AC' => 0x80, '\u201A' => 0x82, '\u0192' => 0x83, '\u201E' => 0x84, '\u2026' => 0x85, '\u2020' => 0x86, '\u2021' => 0x87,
        '\u02C6' => 0x88, '\u2030' => 0x89, '\u0160' => 0x8A, '\u2039' => 0x8B, '\u0152' => 0x8C, '\u017D' => 0x8E,
        '\u2018' => 0x91, '\u2019' => 0x92, '\u201C' => 0x93, '\u201D' => 0x94, '\u2022' => 0x95, '\u2013' => 0x96, '\u2014' => 0x97,
        '\u02DC' => 0x98, '\u2122' => 0x99, '\u0161' => 0x9A, '\u203A' => 0x9B, '\u0153' => 0x9C, '\u017E' => 0x9E, '\u0178' => 0x9F,
        _ => -1,
    };

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
