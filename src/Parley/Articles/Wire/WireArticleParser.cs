using Parley.Articles.Metadata;
using Parley.Articles.Text;

namespace Parley.Articles.Wire;

/// <summary>What a plain-text wire file holds.</summary>
internal sealed record WireArticle(string Text, string? Title, string? Subtitle, List<string> Paragraphs, List<string> Authors,
    ArticleDate? Published, string? SyndicatedFrom, string? Copyright, List<string> Warnings);

/// <summary>
/// Reads a plain-text wire article: first line the title, a short second line without a final period the subtitle,
/// then paragraphs separated by blank lines (or by single line breaks where the file has no blank lines), and
/// trailing syndication or copyright lines as metadata.
/// </summary>
/// <remarks>The article text is the whole file with only <c>\r\n</c> turned into <c>\n</c>, so offsets point into the file.</remarks>
internal static class WireArticleParser
{
    public static WireArticle Parse(string file)
    {
        var text = file.Replace("\r\n", "\n");
        var warnings = new List<string>();
        var lines = text.Split('\n');
        // Trailing syndication and copyright lines are metadata, whether or not blank lines separate them.
        string? syndicatedFrom = null, copyright = null;
        int end = lines.Length;
        while (end > 0)
        {
            var line = lines[end - 1];
            if (string.IsNullOrWhiteSpace(line)) { end--; continue; }
            var outlet = FooterLines.Syndication(line);
            bool isCopyright = FooterLines.IsCopyright(line);
            if (outlet is null && !isCopyright) break;
            if (outlet is not null) syndicatedFrom ??= outlet;
            if (isCopyright) copyright = copyright is null ? TextNormalizer.Normalize(line) : TextNormalizer.Normalize(line) + " " + copyright;
            end--;
        }
        lines = lines[..end];
        int i = 0;
        while (i < lines.Length && string.IsNullOrWhiteSpace(lines[i])) i++;
        string? title = i < lines.Length ? TextNormalizer.Normalize(lines[i++]) : null;
        int afterTitle = i;
        while (i < lines.Length && string.IsNullOrWhiteSpace(lines[i])) i++;
        string? subtitle = null;
        if (i < lines.Length)
        {
            var second = TextNormalizer.Normalize(lines[i]);
            bool nextIsBreak = i + 1 >= lines.Length || string.IsNullOrWhiteSpace(lines[i + 1]) || !HasBlankLines(lines, afterTitle);
            if (second.Length is > 0 and <= 200 && !EndsWithStop(second) && nextIsBreak && !IsByline(second))
            {
                subtitle = second;
                i++;
            }
        }
        var rest = lines.Skip(i).ToList();
        var paragraphs = new List<string>();
        if (HasBlankLines(lines, i))
        {
            var current = new List<string>();
            foreach (var line in rest)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    if (current.Count > 0) paragraphs.Add(TextNormalizer.Normalize(string.Join(' ', current)));
                    current.Clear();
                }
                else current.Add(line);
            }
            if (current.Count > 0) paragraphs.Add(TextNormalizer.Normalize(string.Join(' ', current)));
        }
        else
        {
            paragraphs.AddRange(rest.Where(l => !string.IsNullOrWhiteSpace(l)).Select(TextNormalizer.Normalize));
        }
        paragraphs.RemoveAll(p => p.Length == 0);

        var authors = new List<string>();
        if (paragraphs.Count > 0 && IsByline(paragraphs[0]))
        {
            authors = AuthorNames.Clean([paragraphs[0]]);
            paragraphs.RemoveAt(0);
        }
        FooterLines.Take(paragraphs, ref syndicatedFrom, ref copyright);

        ArticleDate? published = null;
        foreach (var p in paragraphs.Take(2).Prepend(subtitle ?? ""))
        {
            if (p.Length == 0) continue;
            var head = p.Length > 200 ? p[..200] : p;
            if (DateParser.FindWritten(head) is { } d) { published = d; warnings.Add("publication date taken from the dateline"); break; }
        }
        if (published is null) warnings.Add("no publication date found");
        if (authors.Count == 0) warnings.Add("no author found");
        if (title is null) warnings.Add("no title found");
        return new WireArticle(text, title, subtitle, paragraphs, authors, published, syndicatedFrom, copyright, warnings);
    }

    private static bool HasBlankLines(string[] lines, int from)
    {
        bool seenText = false;
        for (int i = from; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i])) seenText = true;
            else if (seenText && lines.Skip(i + 1).Any(l => !string.IsNullOrWhiteSpace(l))) return true;
        }
        return false;
    }

    private static bool EndsWithStop(string s) => s.Length > 0 && (s[^1] == '.' || (s.Length > 1 && s[^2] == '.' && s[^1] is '"' or '”' or '’' or '»'));

    private static bool IsByline(string s) =>
        s.Length < 100 && (s.StartsWith("By ", StringComparison.Ordinal) || s.StartsWith("Автор", StringComparison.Ordinal) || s.StartsWith("От ", StringComparison.Ordinal));
}
