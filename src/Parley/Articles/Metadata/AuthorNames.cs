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

    /// <summary>"Roy, Aniruddha" → "Aniruddha Roy": a scholarly author tag written last name first; any other text unchanged.</summary>
    public static string FromLastFirst(string name)
    {
        var comma = name.IndexOf(',');
        if (comma <= 0 || name.IndexOf(',', comma + 1) >= 0) return name;
        var last = name[..comma].Trim();
        var first = name[(comma + 1)..].Trim();
        static int Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return first.Length > 0 && Words(last) <= 3 && Words(first) <= 3 ? $"{first} {last}" : name;
    }

    private static string? CleanOne(string part, bool afterName)
    {
        var s = Prefix().Replace(part.Trim(), "").Trim(' ', '.', ',', ':', ';', '-', '|', '–', '—', '·', '•', '"', '“', '”', '„', '«', '»');
        s = Role().Replace(s, "").Trim(' ', ',', '-', '–', '—');
        if (s.Length < 2 || s.Length > 60) return null;
        if (s.Contains('@') || s.Contains("://", StringComparison.Ordinal) || s.Any(char.IsDigit)) return null;
        if (Placeholder().IsMatch(s)) return null;
        s = CutTrailingRole(s);
        // A role after a name ("Jane Doe, Senior Reporter") is dropped; a byline that is only an organisation's desk
        // or team ("Example News Staff") is kept as the author, but a bare role ("Staff Writer") is not.
        if (Credential().IsMatch(s)) return null;
        if (JobTitle().IsMatch(s) && (afterName || s.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => JobTitle().IsMatch(w) || w.Length <= 3))) return null;
        int words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > 6) return null;
        if (!s.Any(char.IsLetter)) return null;
        return s;
    }

    /// <summary>"Harry Doe Tech Reporter" → "Harry Doe": a role glued after a name (no comma) is cut at its first word.</summary>
    private static string CutTrailingRole(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3) return s;
        int k = Array.FindIndex(words, 2, w => JobTitle().IsMatch(w));
        if (k < 0) return s;
        // "The Example Team", "Lifestyle Desk": a collective byline is the author, not a person with a role.
        if (words.Any(w => Collective().IsMatch(w))) return s;
        int cut = k;
        while (cut > 2 && RoleModifier().IsMatch(words[cut - 1])) cut--;
        return string.Join(' ', words[..cut]);
    }

    [GeneratedRegex(@"^(?:team|desk|staff|editors|editorial|newsroom|bureau)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Collective();

    [GeneratedRegex(@"^[a-z]+(?:\.[a-z]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(?:tech|technology|content|marketing|head|lead|senior|junior|chief|managing|executive|political|foreign|news|sports?|business|health|science|digital|social|media|staff|contributing|special)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleModifier();

    [GeneratedRegex(@"^\s*(?:(?:\p{L}+\s+){0,3}?by|von|par|por|di|door|przez|автор(?:ы|ка)?|від|author(?:s)?|about|redakcja|staff writer)\b[:\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\s*(?:\||·|•|—|–)\s*(?:updated|published|posted|\d).*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"\b(?:email|e-mail|contact|follow)\s+(?:the\s+)?(?:author|me|us|him|her|on\s+\w+)\b|\bview\s+all\s+(?:posts|articles|stories)\b|\bmore\s+(?:articles|stories|posts)\s+by\b.*$|\bread\s+more\b|\b(?:last\s+)?updated\b.*$|\bpublished\b.*$|\b(?:medically\s+|expert\s+)?reviewed\s+by\b.*$|\bfact[- ]checked\s+by\b.*$|\bedited\s+by\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Junk();

    [GeneratedRegex(@"\s*(?:,|;|&|\||\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+i\s+|\s+и\s+|\s+і\s+|\s+та\s+|\s+oraz\s+|\s+en\s+|\n)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s+(?:-|–|—)\s+.*$|\s*\((?:[^)]*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Role();

    [GeneratedRegex(@"\b(?:reporter|correspondent|editor|editors|writer|columnist|contributor|journalist|staff|bureau|chief|producer|analyst|anchor|host|desk|newsroom|team|senior|deputy|associate|photographer|news\s+service|press|agency|agencies|wire|opinion|guest|freelance|director|president|professor|founder|manager|specialist|expert|coordinator|head|winemaker|strategist|officer|ceo|cto|cfo|consultant|advisor|adviser)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JobTitle();

    [GeneratedRegex(@"^(?:M\.?D|Ph\.?D|MS|MA|RD|RN|MBA|CPA|Jr|Sr|Esq|[A-Z]{2,5})\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Credential();
}
