using System.Text.RegularExpressions;
using Parley.Articles.Text;

namespace Parley.Articles.Metadata;

/// <summary>Cleans author strings into a list of names: no "By", no "and", no job titles, no "Email the author".</summary>
internal static partial class AuthorNames
{
    /// <summary>Splits and cleans one or more raw author strings; order kept, duplicates dropped.</summary>
    public static List<string> Clean(IEnumerable<string> raw)
    {
        var names = new List<string>();
        foreach (var r in raw)
        {
            var s = TextNormalizer.Normalize(r);
            if (s.Length == 0 || s.Length > 300) continue;
            if (s.StartsWith("http", StringComparison.OrdinalIgnoreCase) || s.StartsWith('@')) continue;
            s = Junk().Replace(s, " ");
            s = Prefix().Replace(s, "");
            s = Suffix().Replace(s, "");
            foreach (var part in Separator().Split(s))
            {
                var name = CleanOne(part, names.Count > 0);
                if (name is not null && !names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
            }
        }
        return names;
    }

    private static string? CleanOne(string part, bool afterName)
    {
        var s = Prefix().Replace(part.Trim(), "").Trim(' ', '.', ',', ':', ';', '-', '|', '–', '—', '·', '•');
        s = Role().Replace(s, "").Trim(' ', ',', '-', '–', '—');
        if (s.Length < 2 || s.Length > 60) return null;
        if (s.Contains('@') || s.Contains("://", StringComparison.Ordinal) || s.Any(char.IsDigit)) return null;
        // A role after a name ("Jane Doe, Senior Reporter") is dropped; a byline that is only an organisation's desk
        // or team ("Example News Staff") is kept as the author, but a bare role ("Staff Writer") is not.
        if (Credential().IsMatch(s)) return null;
        if (JobTitle().IsMatch(s) && (afterName || s.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => JobTitle().IsMatch(w) || w.Length <= 3))) return null;
        int words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > 6) return null;
        if (!s.Any(char.IsLetter)) return null;
        return s;
    }

    [GeneratedRegex(@"^\s*(?:(?:written|posted|published|reported|story|text|words|compiled|edited|reviewed|photos?)\s+(?:and\s+\w+\s+)?by|by|von|par|por|di|door|przez|автор(?:ы)?|від|author(?:s)?|redakcja|staff writer)\b[:\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\s*(?:\||·|•|—|–)\s*(?:updated|published|posted|\d).*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"\b(?:email|e-mail|contact|follow)\s+(?:the\s+)?(?:author|me|us|him|her|on\s+\w+)\b|\bview\s+all\s+(?:posts|articles|stories)\b|\bmore\s+(?:articles|stories|posts)\s+by\b.*$|\bread\s+more\b|\bupdated\b.*$|\bpublished\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Junk();

    [GeneratedRegex(@"\s*(?:,|;|&|\||\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+i\s+|\s+и\s+|\s+і\s+|\s+та\s+|\s+oraz\s+|\s+en\s+|\n)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s+(?:-|–|—)\s+.*$|\s*\((?:[^)]*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Role();

    [GeneratedRegex(@"\b(?:reporter|correspondent|editor|editors|writer|columnist|contributor|journalist|staff|bureau|chief|producer|analyst|anchor|host|desk|newsroom|team|senior|deputy|associate|photographer|news\s+service|press|agency|agencies|wire|opinion|guest|freelance|director|president|professor|founder|manager|specialist|expert)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JobTitle();

    [GeneratedRegex(@"^(?:M\.?D|Ph\.?D|MS|MA|RD|RN|MBA|CPA|Jr|Sr|Esq|[A-Z]{2,5})\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Credential();
}
