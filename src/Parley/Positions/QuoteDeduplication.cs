using System.Globalization;
using System.Text;
using Parley.Statements;

namespace Parley.Positions;

/// <summary>Groups copies of the same quote: normalized text + speaker, within a window of days.</summary>
internal static class QuoteDeduplication
{
    /// <summary>
    /// Groups the statements; every statement must have a date (<paramref name="dates"/>, same order).
    /// Returns the groups oldest first (same day: in input order of their representatives).
    /// </summary>
    public static List<QuoteGroup> Group(IReadOnlyList<Statement> statements, IReadOnlyList<DateOnly> dates, int windowDays)
    {
        int n = statements.Count;
        var groups = new List<QuoteGroup>(n);
        var order = new List<long>(n);
        if (windowDays < 0)
        {
            for (int i = 0; i < n; i++)
            {
                groups.Add(new QuoteGroup(statements[i], OutletList(Outlet(statements[i])), [statements[i].Id]));
                order.Add(SortKey(dates[i], i));
            }
            return Sorted(groups, order);
        }

        // Keyed by a 128-bit hash of the normalized speaker and text: no key strings for a million statements,
        // and a collision (about 1 in 10^26 for a million keys) is far below any other error in the pipeline.
        // Members of each key are laid out contiguously by a counting sort, so there is no list per key.
        var keyIds = new Dictionary<(ulong, ulong), int>(n);
        var keyOf = new int[n];
        var sizes = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var hash = KeyHash(statements[i]);
            if (!keyIds.TryGetValue(hash, out int id))
            {
                keyIds[hash] = id = sizes.Count;
                sizes.Add(0);
            }
            keyOf[i] = id;
            sizes[id]++;
        }
        var offsets = new int[sizes.Count + 1];
        for (int k = 0; k < sizes.Count; k++) offsets[k + 1] = offsets[k] + sizes[k];
        var fill = offsets[..^1];
        var members = new int[n];
        for (int i = 0; i < n; i++) members[fill[keyOf[i]]++] = i;

        for (int k = 0; k < sizes.Count; k++)
        {
            var slice = members.AsSpan(offsets[k], sizes[k]);
            if (slice.Length == 1)
            {
                int only = slice[0];
                groups.Add(new QuoteGroup(statements[only], OutletList(Outlet(statements[only])), [statements[only].Id]));
                order.Add(SortKey(dates[only], only));
                continue;
            }
            slice.Sort((a, b) =>
            {
                int c = dates[a].CompareTo(dates[b]);
                return c != 0 ? c : string.CompareOrdinal(statements[a].Id, statements[b].Id);
            });
            int first = 0;
            for (int j = 1; j <= slice.Length; j++)
            {
                if (j < slice.Length && dates[slice[j]].DayNumber - dates[slice[first]].DayNumber <= windowDays) continue;
                groups.Add(Merge(statements, slice[first..j]));
                order.Add(SortKey(dates[slice[first]], slice[first]));
                first = j;
            }
        }
        return Sorted(groups, order);
    }

    private static long SortKey(DateOnly date, int index) => ((long)date.DayNumber << 32) | (uint)index;

    private static List<QuoteGroup> Sorted(List<QuoteGroup> groups, List<long> order)
    {
        var items = groups.ToArray();
        var keys = order.ToArray();
        Array.Sort(keys, items);
        return [.. items];
    }

    private static QuoteGroup Merge(IReadOnlyList<Statement> statements, ReadOnlySpan<int> members)
    {
        var outlets = new SortedSet<string>(StringComparer.Ordinal);
        var ids = new List<string>(members.Length);
        foreach (int m in members)
        {
            var s = statements[m];
            ids.Add(s.Id);
            if (Outlet(s) is { } outlet) outlets.Add(outlet);
        }
        return new QuoteGroup(statements[members[0]], [.. outlets], ids);
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

    /// <summary>The hash of the speaker (actor id, else name, else mention, else party) and the normalized text.</summary>
    internal static (ulong, ulong) KeyHash(Statement s)
    {
        var hash = new Hash128();
        var speaker = s.ActorId ?? s.Speaker ?? s.SpeakerMention;
        if (speaker is null)
        {
            hash.Add('\u001e');
            Normalized(ref hash, s.Party);
        }
        else
        {
            Normalized(ref hash, speaker);
        }
        hash.Add('\u001f');
        Normalized(ref hash, s.Text);
        return (hash.A, hash.B);
    }

    /// <summary>
    /// Lower-cases letters and digits and turns every run of anything else (spaces, punctuation, quotation marks of any
    /// style, dashes) into one space, so typographic differences between outlets' copies do not matter.
    /// </summary>
    private static void Normalized<TSink>(ref TSink hash, string text) where TSink : struct, ICharSink
    {
        bool pendingSpace = false, any = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && any) hash.Add(' ');
                pendingSpace = false;
                any = true;
                hash.Add(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.Format))
            {
                pendingSpace = true;
            }
        }
    }

    /// <summary>Two independent 64-bit streams (FNV-1a and a multiply–rotate mix).</summary>
    private struct Hash128() : ICharSink
    {
        public ulong A = 14695981039346656037UL;
        public ulong B = 0x9E3779B97F4A7C15UL;

        public void Add(char c)
        {
            A = (A ^ c) * 1099511628211UL;
            B = ulong.RotateLeft((B ^ c) * 0xC2B2AE3D27D4EB4FUL, 31) * 0x165667B19E3779F9UL;
        }
    }

    /// <summary>The normalized form of a text, for tests and documentation.</summary>
    internal static string Normalize(string text)
    {
        var sink = new StringSink(new StringBuilder(text.Length));
        Normalized(ref sink, text);
        return sink.Builder.ToString();
    }

    private interface ICharSink
    {
        void Add(char c);
    }

    private readonly struct StringSink(StringBuilder builder) : ICharSink
    {
        public StringBuilder Builder { get; } = builder;

        public void Add(char c) => Builder.Append(c);
    }
}
