using System.Globalization;
using System.Text;
using Parley.Statements;

namespace Parley.Positions;

/// <summary>Groups copies of the same quote: normalized text + speaker, within a window of days.</summary>
internal static class QuoteDeduplication
{
    /// <summary>Groups the statements; every statement must have a date (<paramref name="dates"/>, same order).</summary>
    public static List<QuoteGroup> Group(IReadOnlyList<Statement> statements, IReadOnlyList<DateOnly> dates, int windowDays)
    {
        var groups = new List<QuoteGroup>(statements.Count);
        if (windowDays < 0)
        {
            for (int i = 0; i < statements.Count; i++)
                groups.Add(new QuoteGroup(statements[i], OutletList(Outlet(statements[i])), [statements[i].Id]));
            return groups;
        }

        var byKey = new Dictionary<string, List<int>>(statements.Count, StringComparer.Ordinal);
        var builder = new StringBuilder(256);
        for (int i = 0; i < statements.Count; i++)
        {
            var key = Key(statements[i], builder);
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = new List<int>(1);
            list.Add(i);
        }

        foreach (var members in byKey.Values)
        {
            if (members.Count == 1)
            {
                var only = statements[members[0]];
                groups.Add(new QuoteGroup(only, OutletList(Outlet(only)), [only.Id]));
                continue;
            }
            members.Sort((a, b) =>
            {
                int c = dates[a].CompareTo(dates[b]);
                return c != 0 ? c : string.CompareOrdinal(statements[a].Id, statements[b].Id);
            });
            int first = 0;
            for (int j = 1; j <= members.Count; j++)
            {
                if (j < members.Count && dates[members[j]].DayNumber - dates[members[first]].DayNumber <= windowDays) continue;
                groups.Add(Merge(statements, members, first, j));
                first = j;
            }
        }
        return groups;
    }

    private static QuoteGroup Merge(IReadOnlyList<Statement> statements, List<int> members, int from, int to)
    {
        var outlets = new SortedSet<string>(StringComparer.Ordinal);
        var ids = new List<string>(to - from);
        for (int k = from; k < to; k++)
        {
            var s = statements[members[k]];
            ids.Add(s.Id);
            if (Outlet(s) is { } outlet) outlets.Add(outlet);
        }
        return new QuoteGroup(statements[members[from]], [.. outlets], ids);
    }

    private static IReadOnlyList<string> OutletList(string? outlet) => outlet is null ? [] : [outlet];

    /// <summary>The outlet that carried a statement: the site name, else the URL's host, else null.</summary>
    public static string? Outlet(Statement s)
    {
        if (!string.IsNullOrWhiteSpace(s.Site)) return s.Site.Trim();
        if (Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
            return uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        return null;
    }

    /// <summary>The speaker (actor id, else name, else mention, else party) and the normalized text.</summary>
    internal static string Key(Statement s, StringBuilder builder)
    {
        builder.Clear();
        var speaker = s.ActorId ?? s.Speaker ?? s.SpeakerMention;
        AppendNormalized(builder, speaker ?? "party:" + s.Party);
        builder.Append('\u001f');
        AppendNormalized(builder, s.Text);
        return builder.ToString();
    }

    /// <summary>
    /// Lower-cases letters and digits and turns every run of anything else (spaces, punctuation, quotation marks of any
    /// style, dashes) into one space, so typographic differences between outlets' copies do not matter.
    /// </summary>
    internal static void AppendNormalized(StringBuilder builder, string text)
    {
        bool pendingSpace = false;
        int start = builder.Length;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > start) builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.Format))
            {
                pendingSpace = true;
            }
        }
    }

    /// <summary>The normalized form of a text, for tests and documentation.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        AppendNormalized(builder, text);
        return builder.ToString();
    }
}
