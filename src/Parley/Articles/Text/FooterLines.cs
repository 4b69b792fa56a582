using System.Text.RegularExpressions;

namespace Parley.Articles.Text;

/// <summary>Syndication and copyright lines at the end of an article: metadata, not body.</summary>
internal static partial class FooterLines
{
    /// <summary>The outlet named by a syndication line ("Originally published on The Example Times."), else null.</summary>
    public static string? Syndication(string line)
    {
        var m = SyndicationLine().Match(line.Trim());
        if (!m.Success) return null;
        var outlet = m.Groups["outlet"].Value.Trim().TrimEnd('.', ' ', ';', ',').Trim('"', '“', '”', '«', '»');
        return outlet.Length is > 0 and <= 120 ? outlet : null;
    }

    /// <summary>Whether the line is a copyright or reproduction notice.</summary>
    public static bool IsCopyright(string line)
    {
        var t = line.Trim();
        return t.Length <= 400 && CopyrightLine().IsMatch(t);
    }

    /// <summary>Moves trailing footer lines out of <paramref name="paragraphs"/>; returns how many were removed.</summary>
    public static int Take(IList<string> paragraphs, ref string? syndicatedFrom, ref string? copyright, int keepAtLeast = 0)
    {
        int removed = 0;
        while (paragraphs.Count > keepAtLeast && removed < 6)
        {
            var last = paragraphs[^1];
            var outlet = Syndication(last);
            bool isCopyright = IsCopyright(last);
            if (outlet is null && !isCopyright) break;
            if (outlet is not null) syndicatedFrom ??= outlet;
            if (isCopyright) copyright = copyright is null ? last.Trim() : last.Trim() + " " + copyright;
            paragraphs.RemoveAt(paragraphs.Count - 1);
            removed++;
        }
        return removed;
    }

    [GeneratedRegex(@"^(?:this\s+(?:article|story|piece|post|report)\s+(?:was|is|has\s+been)\s+)?(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:on|in|at|by)\s+(?<outlet>.+?)(?:\s+on\s+\w+\s+\d{1,2},?\s+\d{4}|\s+and\s+is\s+republished.*|\s+under\s+.*|\s+on\s+\d.*)?[.]?$|^(?:this\s+(?:article|story|piece)\s+(?:was|is)\s+)?republished\s+(?:with\s+permission\s+)?(?:from|by)\s+(?<outlet>.+?)[.]?$|^this\s+(?:article|story)\s+(?:originally\s+)?appeared\s+(?:on|in)\s+(?<outlet>.+?)[.]?$|^(?:впервые\s+)?опубликовано\s+(?:на|в)\s+(?<outlet>.+?)[.]?$|^(?:вперше\s+)?опубліковано\s+(?:на|в|у)\s+(?<outlet>.+?)[.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SyndicationLine();

    [GeneratedRegex(@"^(?:©|\(c\)|copyright\b)|all\s+rights\s+reserved|do\s+not\s+reproduce|may\s+not\s+be\s+(?:reproduced|published|republished|redistributed)|without\s+(?:prior\s+)?(?:written\s+)?permission\s*\.?$|все\s+права\s+защищены|всі\s+права\s+захищені", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightLine();
}
