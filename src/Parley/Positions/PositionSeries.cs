using System.Globalization;
using Microsoft.Data.Analysis;
using Parley.Statements;

namespace Parley.Positions;

/// <summary>
/// Turns classified statements into positions over time: where each party stood on each issue in each period,
/// with an uncertainty band, the number of statements and the outlets behind it.
/// </summary>
/// <remarks>
/// Position = the mean stance value (support +1, neutral 0, oppose −1, from the taxonomy) weighted by
/// <see cref="Statement.StanceScore"/>; the band is a t-interval on Kish's effective sample size, or a seeded percentile
/// bootstrap for small cells. Copies of one quote carried by several outlets count once. The full method, with a worked
/// example, is in <c>docs/positions.md</c>. Statements without a date, issue or known stance are left out and counted
/// in <see cref="PositionAnalysis.Skipped"/>; a missing <see cref="Statement.StanceScore"/> weighs 1.
/// </remarks>
/// <example>
/// <code>
/// var positions = PositionSeries.Compute(classified, new PositionOptions { Period = PositionPeriod.Week });
/// var frame = PositionSeries.ToDataFrame(positions);
/// </code>
/// </example>
public static class PositionSeries
{
    /// <summary>Positions for every party × issue × period that has statements.</summary>
    public static IReadOnlyList<Position> Compute(IEnumerable<Statement> classified, PositionOptions? options = null) =>
        Analyze(classified, options).Positions;

    /// <summary>Positions, shifts, the de-duplicated quotes, and the statements left out with the reason.</summary>
    public static PositionAnalysis Analyze(IEnumerable<Statement> classified, PositionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classified);
        options ??= new PositionOptions();
        Validate(options);
        var taxonomy = options.Taxonomy;
        var stanceValues = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in taxonomy.Stances) stanceValues[s.Id] = s.Value;

        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var usable = new List<Statement>();
        var dates = new List<DateOnly>();
        foreach (var s in classified)
        {
            string? reason =
                s.Date is null && s.Published is null ? "no date"
                : !options.IncludeUnknownParty && (string.IsNullOrWhiteSpace(s.Party) || s.Party == Taxonomy.UnknownParty) ? "unknown party"
                : string.IsNullOrWhiteSpace(s.Issue) ? "no issue"
                : string.IsNullOrWhiteSpace(s.Stance) ? "no stance"
                : !stanceValues.ContainsKey(s.Stance) ? "unknown stance"
                : Weight(s) <= 0 ? "zero weight"
                : null;
            if (reason is not null && !(options.CountSecondaryIssues && reason is not ("no date" or "unknown party") &&
                                        SecondaryStances(s, stanceValues, options).Any()))
            {
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                continue;
            }
            usable.Add(s);
            dates.Add(DateOf(s));
        }

        var groups = QuoteDeduplication.Group(usable, dates, options.DeduplicationWindowDays);

        DateOnly first = groups.Count > 0 ? DateOf(groups[0].Statement) : default;
        DateOnly last = groups.Count > 0 ? DateOf(groups[^1].Statement) : default;

        // Entries: one per group and issue it counts toward (its main issue; with CountSecondaryIssues also the others
        // in Stances). Cells: party × issue × period start → entry indices (in date order, since groups are sorted).
        var entryGroup = new List<int>(groups.Count);
        var entryValue = new List<double>(groups.Count);
        var entryWeight = new List<double>(groups.Count);
        var cells = new Dictionary<(string Party, string Issue, DateOnly Start), List<int>>();
        for (int i = 0; i < groups.Count; i++)
        {
            var s = groups[i].Statement;
            var start = options.Period == PositionPeriod.All ? first : Periods.Start(DateOf(s), options.Period);
            var party = string.IsNullOrWhiteSpace(s.Party) ? Taxonomy.UnknownParty : s.Party;
            bool main = !string.IsNullOrWhiteSpace(s.Issue) && s.Stance is not null && stanceValues.TryGetValue(s.Stance, out _) && Weight(s) > 0;
            if (main) AddEntry(s.Issue!, stanceValues[s.Stance!], Weight(s));
            if (options.CountSecondaryIssues)
            {
                foreach (var (issue, value, weight) in SecondaryStances(s, stanceValues, options))
                    AddEntry(issue, value, weight);
            }

            void AddEntry(string issue, double value, double weight)
            {
                var key = (party, issue, start);
                if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
                list.Add(entryGroup.Count);
                entryGroup.Add(i);
                entryValue.Add(value);
                entryWeight.Add(weight);
            }
        }

        var partyOrder = Order(taxonomy.Parties.Select(p => p.Id));
        var issueOrder = Order(taxonomy.Issues.Select(i => i.Id));
        var keys = cells.Keys.ToList();
        keys.Sort((a, b) =>
        {
            int c = Rank(partyOrder, a.Party).CompareTo(Rank(partyOrder, b.Party));
            if (c == 0) c = string.CompareOrdinal(a.Party, b.Party);
            if (c == 0) c = Rank(issueOrder, a.Issue).CompareTo(Rank(issueOrder, b.Issue));
            if (c == 0) c = string.CompareOrdinal(a.Issue, b.Issue);
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });

        var positions = new List<Position>(keys.Count);
        var x = new List<double>();
        var w = new List<double>();
        var members = new List<int>();
        foreach (var key in keys)
        {
            members.Clear();
            var start = key.Start;
            for (int back = 0; back < Math.Max(1, options.SmoothingPeriods); back++)
            {
                if (cells.TryGetValue((key.Party, key.Issue, start), out var list)) members.AddRange(list);
                if (options.Period == PositionPeriod.All) break;
                start = Periods.Previous(start, options.Period);
            }
            if (members.Count > 1) members.Sort();
            if (members.Count < options.SmallCellSize)
            {
                // The bootstrap draws by position in the list: order small cells by date and id, not input order,
                // so the band does not depend on the order the statements came in.
                members.Sort((a, b) =>
                {
                    var (sa, sb) = (groups[entryGroup[a]].Statement, groups[entryGroup[b]].Statement);
                    int c = DateOf(sa).CompareTo(DateOf(sb));
                    return c != 0 ? c : string.CompareOrdinal(sa.Id, sb.Id);
                });
            }

            x.Clear();
            w.Clear();
            var outlets = new HashSet<string>(StringComparer.Ordinal);
            var ids = new string[members.Count];
            for (int k = 0; k < members.Count; k++)
            {
                var group = groups[entryGroup[members[k]]];
                x.Add(entryValue[members[k]]);
                w.Add(entryWeight[members[k]]);
                ids[k] = group.Statement.Id;
                outlets.UnionWith(group.Outlets);
            }
            var (mean, low, high, nEff) = WeightedBand.Compute(
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(x),
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(w),
                options, CellSeed(options.Seed, key.Party, key.Issue, key.Start));
            var end = options.Period == PositionPeriod.All ? last : Periods.End(key.Start, options.Period);
            var outletList = outlets.ToArray();
            Array.Sort(outletList, StringComparer.Ordinal);
            positions.Add(new Position(key.Party, key.Issue, key.Start, end, mean, low, high, members.Count, nEff, outletList, ids));
        }

        return new PositionAnalysis(positions, Shifts(positions, options.ShiftThreshold), groups, skipped);
    }

    /// <summary>The de-duplicated statements: copies of one quote (normalized text + speaker, within the window) merged.</summary>
    /// <remarks>Statements without a date are kept as their own groups.</remarks>
    public static IReadOnlyList<QuoteGroup> Deduplicate(IEnumerable<Statement> statements, int windowDays = 3)
    {
        var list = statements.ToList();
        var withDate = list.Where(s => s.Date is not null || s.Published is not null).ToList();
        var groups = QuoteDeduplication.Group(withDate, withDate.Select(DateOf).ToList(), windowDays);
        foreach (var s in list.Where(s => s.Date is null && s.Published is null))
            groups.Add(new QuoteGroup(s, QuoteDeduplication.Outlet(s) is { } o ? [o] : [], [s.Id]));
        return groups;
    }

    /// <summary>Shifts between consecutive positions of each party × issue series.</summary>
    /// <remarks>
    /// A shift is a change of sign (both positions non-zero and of opposite signs) or a move by more than
    /// <paramref name="threshold"/>. Positions must be ordered by period within each party × issue, as
    /// <see cref="Compute"/> returns them.
    /// </remarks>
    public static IReadOnlyList<PositionShift> Shifts(IReadOnlyList<Position> positions, double threshold = 0.5)
    {
        var shifts = new List<PositionShift>();
        for (int i = 1; i < positions.Count; i++)
        {
            var a = positions[i - 1];
            var b = positions[i];
            if (a.Party != b.Party || a.Issue != b.Issue || b.PeriodStart <= a.PeriodStart) continue;
            double delta = b.Value - a.Value;
            bool sign = a.Value * b.Value < 0;
            if (!sign && !(Math.Abs(delta) > threshold)) continue;
            bool separate = b.Low > a.High || b.High < a.Low;
            shifts.Add(new PositionShift(a.Party, a.Issue, a.PeriodStart, b.PeriodStart, a.Value, b.Value, delta,
                sign ? ShiftKind.SignChange : ShiftKind.Move, separate));
        }
        return shifts;
    }

    /// <summary>Positions as a DataFrame: party, issue, periodStart, periodEnd, position, low, high, count, effectiveCount, outlets.</summary>
    /// <remarks>Dates are DateTime columns at midnight; outlets are joined with "; ".</remarks>
    public static DataFrame ToDataFrame(IEnumerable<Position> positions)
    {
        var list = positions as IReadOnlyList<Position> ?? positions.ToList();
        var party = new StringDataFrameColumn("party", list.Count);
        var issue = new StringDataFrameColumn("issue", list.Count);
        var start = new PrimitiveDataFrameColumn<DateTime>("periodStart", list.Count);
        var end = new PrimitiveDataFrameColumn<DateTime>("periodEnd", list.Count);
        var value = new DoubleDataFrameColumn("position", list.Count);
        var low = new DoubleDataFrameColumn("low", list.Count);
        var high = new DoubleDataFrameColumn("high", list.Count);
        var count = new Int32DataFrameColumn("count", list.Count);
        var nEff = new DoubleDataFrameColumn("effectiveCount", list.Count);
        var outlets = new StringDataFrameColumn("outlets", list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            var p = list[i];
            party[i] = p.Party;
            issue[i] = p.Issue;
            start[i] = p.PeriodStart.ToDateTime(TimeOnly.MinValue);
            end[i] = p.PeriodEnd.ToDateTime(TimeOnly.MinValue);
            value[i] = p.Value;
            low[i] = p.Low;
            high[i] = p.High;
            count[i] = p.Count;
            nEff[i] = p.EffectiveCount;
            outlets[i] = string.Join("; ", p.Outlets);
        }
        return new DataFrame(party, issue, start, end, value, low, high, count, nEff, outlets);
    }

    /// <summary>Writes positions as CSV (RFC 4180, header, invariant culture, ISO dates, outlets joined with "; ").</summary>
    public static void WriteCsv(IEnumerable<Position> positions, TextWriter writer)
    {
        writer.Write("party,issue,periodStart,periodEnd,position,low,high,count,effectiveCount,outlets\n");
        foreach (var p in positions)
        {
            writer.Write(string.Join(',',
                Csv.Field(p.Party), Csv.Field(p.Issue), Csv.Date(p.PeriodStart), Csv.Date(p.PeriodEnd),
                Csv.Number(p.Value), Csv.Number(p.Low), Csv.Number(p.High),
                p.Count.ToString(CultureInfo.InvariantCulture), Csv.Number(p.EffectiveCount),
                Csv.Field(string.Join("; ", p.Outlets))));
            writer.Write('\n');
        }
    }

    /// <summary>Writes shifts as CSV: party, issue, fromPeriod, toPeriod, before, after, delta, kind, bandsSeparate.</summary>
    public static void WriteShiftsCsv(IEnumerable<PositionShift> shifts, TextWriter writer)
    {
        writer.Write("party,issue,fromPeriod,toPeriod,before,after,delta,kind,bandsSeparate\n");
        foreach (var s in shifts)
        {
            writer.Write(string.Join(',',
                Csv.Field(s.Party), Csv.Field(s.Issue), Csv.Date(s.FromPeriod), Csv.Date(s.ToPeriod),
                Csv.Number(s.Before), Csv.Number(s.After), Csv.Number(s.Delta),
                s.Kind == ShiftKind.SignChange ? "sign-change" : "move", s.BandsSeparate ? "true" : "false"));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// The other issues a statement touches (<see cref="Statement.Stances"/>), as (issue, value, weight): issues other
    /// than the main one whose issue probability reaches <see cref="PositionOptions.MinIssueScore"/>, with a stance the
    /// taxonomy knows, weighted by stance probability × issue probability; the first entry per issue wins.
    /// </summary>
    private static IEnumerable<(string Issue, double Value, double Weight)> SecondaryStances(
        Statement s, Dictionary<string, double> stanceValues, PositionOptions options)
    {
        if (s.Stances is null) yield break;
        HashSet<string>? seen = null;
        foreach (var st in s.Stances)
        {
            if (string.IsNullOrWhiteSpace(st.Issue) || st.Issue == s.Issue || !(st.IssueScore >= options.MinIssueScore)) continue;
            if (st.Stance is null || !stanceValues.TryGetValue(st.Stance, out var value)) continue;
            double weight = Math.Min(1, double.IsFinite(st.Score) ? st.Score : 1) * Math.Min(1, st.IssueScore);
            if (!(weight > 0) || !(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(st.Issue)) continue;
            yield return (st.Issue, value, weight);
        }
    }

    /// <summary>The day a statement counts on: <see cref="Statement.Date"/>, else the day of <see cref="Statement.Published"/>.</summary>
    internal static DateOnly DateOf(Statement s) => s.Date ?? s.Published!.Value.Day;

    /// <summary>The weight of a statement: its stance score (a missing or non-finite score weighs 1; scores are capped at 1).</summary>
    internal static double Weight(Statement s) =>
        s.StanceScore is { } score && double.IsFinite(score) ? Math.Min(1, score) : 1;

    private static void Validate(PositionOptions o)
    {
        if (o.ConfidenceLevel is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(o), o.ConfidenceLevel, "ConfidenceLevel must be between 0 and 1.");
        if (o.SmoothingPeriods < 1)
            throw new ArgumentOutOfRangeException(nameof(o), o.SmoothingPeriods, "SmoothingPeriods must be at least 1.");
        if (!(o.ShiftThreshold >= 0))
            throw new ArgumentOutOfRangeException(nameof(o), o.ShiftThreshold, "ShiftThreshold must be zero or more.");
    }

    private static Dictionary<string, int> Order(IEnumerable<string> ids)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids) order.TryAdd(id, order.Count);
        return order;
    }

    private static int Rank(Dictionary<string, int> order, string id) => order.TryGetValue(id, out var r) ? r : int.MaxValue;

    /// <summary>A stable (not randomized per process) seed per cell, so bands never change between runs.</summary>
    private static ulong CellSeed(int seed, string party, string issue, DateOnly start)
    {
        ulong h = 14695981039346656037UL ^ (uint)seed;
        foreach (var c in party) h = (h ^ c) * 1099511628211UL;
        h = (h ^ 0x1f) * 1099511628211UL;
        foreach (var c in issue) h = (h ^ c) * 1099511628211UL;
        h = (h ^ (uint)start.DayNumber) * 1099511628211UL;
        return h;
    }
}

/// <summary>RFC 4180 fields.</summary>
internal static class Csv
{
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>A text field that a spreadsheet must not run as a formula (article text is untrusted).</summary>
    public static string Text(string? value) =>
        Field(!string.IsNullOrEmpty(value) && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
