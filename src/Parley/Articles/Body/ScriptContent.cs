using System.Buffers;
using System.Text;

namespace Parley.Articles.Body;

/// <summary>
/// Empties the content of <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> elements before the page is parsed: about half
/// the characters of a news page are code and CSS that extraction never reads, and HtmlAgilityPack walks every character.
/// </summary>
/// <remarks>Scripts whose <c>type</c> names JSON (<c>application/ld+json</c>, <c>application/json</c>) are kept: they
/// carry the page's structured metadata. The tags themselves stay, so the tree has the same elements. HTML comments are
/// skipped as a parser skips them, so a <c>&lt;script&gt;</c> inside a comment does not swallow the page up to the next
/// closing tag. The end of a script or style is its first <c>&lt;/script</c> or <c>&lt;/style</c>, as HtmlAgilityPack
/// finds it; an unclosed one leaves the rest of the page as it is.</remarks>
internal static class ScriptContent
{
    private static readonly SearchValues<string> Openings =
        SearchValues.Create(["<script", "<style", "<!--"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The page with script (other than JSON) and style content removed; the same string when there is none.</summary>
    public static string Strip(string html)
    {
        StringBuilder? sb = null;
        int copied = 0, at = 0;
        var span = html.AsSpan();
        while (at < span.Length)
        {
            int found = span[at..].IndexOfAny(Openings);
            if (found < 0) break;
            int start = at + found;
            if (span[start + 1] == '!')
            {
                int close = span[(start + 4)..].IndexOf("-->", StringComparison.Ordinal);
                if (close < 0) break;
                at = start + 4 + close + 3;
                continue;
            }
            bool script = span[start + 2] is 'c' or 'C';
            int nameEnd = start + (script ? 7 : 6);
            // "<scripts>" or "<styleguide>" are other (unknown) elements.
            if (nameEnd < span.Length && !(char.IsWhiteSpace(span[nameEnd]) || span[nameEnd] is '>' or '/'))
            {
                at = nameEnd;
                continue;
            }
            int tagEnd = TagEnd(span, nameEnd);
            if (tagEnd < 0) break;
            if (span[tagEnd - 1] == '/') { at = tagEnd + 1; continue; } // <script src="…"/>
            int contentStart = tagEnd + 1;
            int end = ClosingTag(span, contentStart, script ? "</script" : "</style");
            if (end < 0) break;
            if (!(script && span[nameEnd..tagEnd].Contains("json", StringComparison.OrdinalIgnoreCase)) && end > contentStart)
            {
                sb ??= new StringBuilder(html.Length / 2);
                sb.Append(span[copied..contentStart]);
                copied = end;
            }
            at = end + 2;
        }
        if (sb is null) return html;
        sb.Append(span[copied..]);
        return sb.ToString();
    }

    /// <summary>The index of the <c>&gt;</c> that ends the opening tag begun before <paramref name="from"/>, skipping
    /// quoted attribute values; -1 when the page ends first.</summary>
    private static int TagEnd(ReadOnlySpan<char> span, int from)
    {
        char quote = '\0';
        for (int i = from; i < span.Length; i++)
        {
            char c = span[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i;
        }
        return -1;
    }

    /// <summary>The index of the closing tag (<paramref name="closing"/> followed by whitespace, <c>&gt;</c> or
    /// <c>/</c>) at or after <paramref name="from"/>; -1 when there is none.</summary>
    private static int ClosingTag(ReadOnlySpan<char> span, int from, string closing)
    {
        int at = from;
        while (at < span.Length)
        {
            int found = span[at..].IndexOf(closing, StringComparison.OrdinalIgnoreCase);
            if (found < 0) return -1;
            int end = at + found + closing.Length;
            if (end >= span.Length || char.IsWhiteSpace(span[end]) || span[end] is '>' or '/') return at + found;
            at = end;
        }
        return -1;
    }
}
