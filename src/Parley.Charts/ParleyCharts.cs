using System.Globalization;
using Parley.Positions;
using Parley.Statements;
using Plotly.NET;
using static Parley.Charts.Figure;

namespace Parley.Charts;

/// <summary>
/// The charts an analyst shows: positions over time, a party × issue heatmap, every statement on a time axis, and volume.
/// </summary>
/// <remarks>
/// Each method takes classified statements and returns a Plotly.NET <see cref="GenericChart"/>; export it with
/// <see cref="ChartExport"/> (self-contained HTML, PNG, or the notebook MIME bundle). Article text in labels and hover
/// boxes is HTML-encoded, so a quote shows exactly as typed and never becomes markup. Clicking a point whose statement
/// has an http(s) URL opens the article (in HTML written by <see cref="ChartExport"/> and <see cref="Report"/>).
/// </remarks>
public static class ParleyCharts
{
    // Outlets get their own pastel palette, so an outlet is never mistaken for a party in the volume chart.
    private static readonly string[] OutletColors =
        ["#8dd3c7", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f"];

    private const string Support = "#1a9850", Neutral = "#8c8c8c", Oppose = "#d73027", Unclassified = "#c7c7c7";

    /// <summary>
    /// Positions over time: one line per party for <paramref name="issue"/>, or small multiples (one panel per issue)
    /// when <paramref name="issue"/> is null; with uncertainty bands, markers sized by the number of statements,
    /// shift markers, and the quotes behind each point in its hover box.
    /// </summary>
    /// <example><code>ParleyCharts.Timeline(statements, "nato")</code></example>
    public static GenericChart Timeline(IEnumerable<Statement> classified, string? issue = null, ChartOptions? options = null)
    {
        options ??= new ChartOptions();
        var taxonomy = options.Positions.Taxonomy;
        var analysis = PositionSeries.Analyze(classified, options.Positions);
        var quotes = new Dictionary<string, QuoteGroup>(StringComparer.Ordinal);
        foreach (var q in analysis.Quotes) quotes.TryAdd(q.Statement.Id, q);

        var issues = issue is not null
            ? [issue]
            : OrderedIssues(taxonomy, analysis.Positions.Select(p => p.Issue));
        var traces = new List<Trace>();
        var layout = Obj(
            ("hovermode", "closest"),
            ("hoverlabel", Obj(("align", "left"))),
            ("legend", Obj(("orientation", "h"), ("y", -0.12))),
            ("margin", Obj(("t", 70), ("l", 60), ("r", 20), ("b", 60))));
        int columns = issues.Count > 1 ? 2 : 1;
        int rows = (issues.Count + columns - 1) / columns;
        var annotations = new List<object>();
        var seenParty = new HashSet<string>(StringComparer.Ordinal);

        for (int panel = 0; panel < issues.Count; panel++)
        {
            string axis = panel == 0 ? "" : (panel + 1).ToString(CultureInfo.InvariantCulture);
            var issueId = issues[panel];
            var label = IssueLabel(taxonomy, issueId);
            foreach (var series in analysis.Positions.Where(p => p.Issue == issueId).GroupBy(p => p.Party))
            {
                var points = series.ToList();
                var color = PartyColor(taxonomy, series.Key);
                var partyLabel = Text(PartyLabel(taxonomy, series.Key));
                var x = points.Select(p => Date(p.PeriodStart)).ToArray();
                traces.Add(Trace("scatter",
                    ("name", partyLabel + " band"),
                    ("legendgroup", series.Key),
                    ("showlegend", false),
                    ("mode", "lines"),
                    ("x", x.Concat(x.Reverse()).ToArray()),
                    ("y", points.Select(p => p.High).Concat(points.Select(p => p.Low).Reverse()).ToArray()),
                    ("fill", "toself"),
                    ("fillcolor", Transparent(color, 0.12)),
                    ("line", Obj(("width", 0))),
                    ("hoverinfo", "skip"),
                    ("xaxis", "x" + axis), ("yaxis", "y" + axis)));
                traces.Add(Trace("scatter",
                    ("name", partyLabel),
                    ("legendgroup", series.Key),
                    ("showlegend", seenParty.Add(series.Key)),
                    ("mode", "lines+markers"),
                    ("x", x),
                    ("y", points.Select(p => p.Value).ToArray()),
                    ("line", Obj(("color", color), ("width", 2))),
                    ("marker", Obj(("color", color), ("size", points.Select(p => MarkerSize(p.Count)).ToArray()))),
                    ("text", points.Select(p => PositionHover(p, taxonomy, quotes, options)).ToArray()),
                    ("customdata", points.Select(p => FirstLink(p, quotes) ?? "").ToArray()),
                    ("hovertemplate", "%{text}<extra></extra>"),
                    ("xaxis", "x" + axis), ("yaxis", "y" + axis)));
            }

            var shifts = analysis.Shifts.Where(s => s.Issue == issueId).ToList();
            if (shifts.Count > 0)
            {
                traces.Add(Trace("scatter",
                    ("name", "Shift"),
                    ("legendgroup", "shift"),
                    ("showlegend", seenParty.Add("\u0000shift")),
                    ("mode", "markers"),
                    ("x", shifts.Select(s => Date(s.ToPeriod)).ToArray()),
                    ("y", shifts.Select(s => s.After).ToArray()),
                    ("marker", Obj(("symbol", "diamond-open"), ("size", 18), ("color", "#222222"), ("line", Obj(("width", 2))))),
                    ("text", shifts.Select(s => ShiftHover(s, taxonomy)).ToArray()),
                    ("hovertemplate", "%{text}<extra></extra>"),
                    ("xaxis", "x" + axis), ("yaxis", "y" + axis)));
            }

            layout.SetProperty("xaxis" + axis, Obj(("type", "date"), ("showgrid", true)));
            layout.SetProperty("yaxis" + axis, Obj(
                ("range", new[] { -1.1, 1.1 }),
                ("tickvals", new[] { -1, 0, 1 }),
                ("ticktext", new[] { "oppose", "neutral", "support" }),
                ("zeroline", true),
                ("title", issues.Count == 1 ? Obj(("text", "Stance toward: " + Text(Proposition(taxonomy, issueId)))) : null)));
            if (issues.Count > 1)
            {
                annotations.Add(Obj(
                    ("text", "<b>" + Text(label) + "</b>"),
                    ("xref", $"x{axis} domain"), ("yref", $"y{axis} domain"),
                    ("x", 0.5), ("y", 1.0), ("yanchor", "bottom"), ("showarrow", false)));
            }
        }

        layout.SetProperty("title", Obj(("text", issues.Count == 1
            ? "Positions on " + Text(IssueLabel(taxonomy, issues[0]))
            : "Positions on every issue")));
        if (issues.Count > 1)
        {
            layout.SetProperty("grid", Obj(("rows", rows), ("columns", columns), ("pattern", "independent"), ("ygap", 0.35)));
            layout.SetProperty("annotations", annotations);
        }
        layout.SetProperty("height", options.Height ?? (issues.Count > 1 ? 260 * rows + 120 : 480));
        return Chart(traces, layout);
    }

    /// <summary>
    /// Where each party stood on each issue over one period (all statements from <paramref name="from"/> to
    /// <paramref name="to"/>, inclusive; null = open): colour is the position, each cell is labelled with it and the
    /// number of statements; empty cells have no statements.
    /// </summary>
    public static GenericChart Heatmap(IEnumerable<Statement> classified, DateOnly? from = null, DateOnly? to = null, ChartOptions? options = null)
    {
        options ??= new ChartOptions();
        var taxonomy = options.Positions.Taxonomy;
        var inRange = classified.Where(s =>
        {
            var day = s.Date ?? s.Published?.Day;
            return day is null || ((from is null || day >= from) && (to is null || day <= to));
        });
        var positions = PositionSeries.Compute(inRange, options.Positions with { Period = PositionPeriod.All, SmoothingPeriods = 1 });
        var parties = OrderedParties(taxonomy, positions.Select(p => p.Party));
        var issues = OrderedIssues(taxonomy, positions.Select(p => p.Issue));
        var cell = positions.ToDictionary(p => (p.Party, p.Issue));

        var z = new double?[parties.Count][];
        var text = new string[parties.Count][];
        var hover = new string[parties.Count][];
        for (int r = 0; r < parties.Count; r++)
        {
            z[r] = new double?[issues.Count];
            text[r] = new string[issues.Count];
            hover[r] = new string[issues.Count];
            for (int c = 0; c < issues.Count; c++)
            {
                var head = Text(PartyLabel(taxonomy, parties[r])) + " on " + Text(IssueLabel(taxonomy, issues[c]));
                if (cell.TryGetValue((parties[r], issues[c]), out var p))
                {
                    z[r][c] = p.Value;
                    text[r][c] = $"{Number(p.Value)}<br>n={p.Count}";
                    hover[r][c] = $"<b>{head}</b><br>position {Number(p.Value)} [{Number(p.Low)}, {Number(p.High)}]<br>" +
                                  $"{p.Count} statement{(p.Count == 1 ? "" : "s")}, {Date(p.PeriodStart)} – {Date(p.PeriodEnd)}";
                }
                else
                {
                    text[r][c] = "";
                    hover[r][c] = $"<b>{head}</b><br>no statements";
                }
            }
        }

        var span = positions.Count == 0 ? "no statements"
            : $"{Date(from ?? positions.Min(p => p.PeriodStart))} – {Date(to ?? positions.Max(p => p.PeriodEnd))}";
        var trace = Trace("heatmap",
            ("x", issues.Select(i => Text(IssueLabel(taxonomy, i))).ToArray()),
            ("y", parties.Select(p => Text(PartyLabel(taxonomy, p))).ToArray()),
            ("z", z),
            ("zmin", -1), ("zmax", 1), ("zmid", 0),
            ("colorscale", new object[] { new object[] { 0, Oppose }, new object[] { 0.5, "#f7f7f7" }, new object[] { 1, Support } }),
            ("colorbar", Obj(("title", Obj(("text", "position"))), ("tickvals", new[] { -1, 0, 1 }), ("ticktext", new[] { "oppose", "neutral", "support" }))),
            ("text", text),
            ("texttemplate", "%{text}"),
            ("customdata", hover),
            ("hovertemplate", "%{customdata}<extra></extra>"),
            ("xgap", 2), ("ygap", 2));
        var layout = Obj(
            ("title", Obj(("text", "Party × issue, " + span))),
            ("xaxis", Obj(("side", "bottom"), ("tickangle", -30))),
            ("yaxis", Obj(("autorange", "reversed"))),
            ("margin", Obj(("t", 60), ("l", 110), ("r", 20), ("b", 110))),
            ("height", options.Height ?? 140 + 60 * Math.Max(1, parties.Count)));
        return Chart([trace], layout);
    }

    /// <summary>
    /// Every statement (one marker per distinct quote) on a time axis, one row per party, coloured by stance, with the full
    /// quote, speaker, outlets, issue and stance in the hover box.
    /// </summary>
    public static GenericChart Scatter(IEnumerable<Statement> classified, ChartOptions? options = null)
    {
        options ??= new ChartOptions();
        var taxonomy = options.Positions.Taxonomy;
        var groups = PositionSeries.Deduplicate(classified, options.Positions.DeduplicationWindowDays)
            .Where(g => g.Statement.Date is not null || g.Statement.Published is not null)
            .ToList();
        var parties = OrderedParties(taxonomy, groups.Select(g => g.Statement.Party));
        var row = parties.Select((p, i) => (p, i)).ToDictionary(t => t.p, t => t.i, StringComparer.Ordinal);

        var traces = new List<Trace>();
        foreach (var (stance, color, name) in new[]
                 {
                     ("support", Support, "support"), ("neutral", Neutral, "neutral"), ("oppose", Oppose, "oppose"),
                     ((string?)null, Unclassified, "not classified"),
                 })
        {
            var members = groups.Where(g => stance is null
                    ? g.Statement.Stance is null || taxonomy.Stances.All(s => !s.Id.Equals(g.Statement.Stance, StringComparison.OrdinalIgnoreCase))
                    : stance.Equals(g.Statement.Stance, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (members.Count == 0) continue;
            traces.Add(Trace("scatter",
                ("name", name),
                ("mode", "markers"),
                ("x", members.Select(g => Date(Day(g.Statement))).ToArray()),
                ("y", members.Select(g => row[g.Statement.Party] + Jitter(g.Statement.Id)).ToArray()),
                ("marker", Obj(("color", color), ("size", members.Select(g => 7 + 2 * Math.Min(4, g.Outlets.Count - 1)).ToArray()),
                    ("opacity", 0.8), ("line", Obj(("width", 0.5), ("color", "#ffffff"))))),
                ("text", members.Select(g => StatementHover(g, taxonomy)).ToArray()),
                ("customdata", members.Select(g => Figure.Link(g.Statement.Url) ?? Figure.Link(g.Statement.Source) ?? "").ToArray()),
                ("hovertemplate", "%{text}<extra></extra>")));
        }
        var layout = Obj(
            ("title", Obj(("text", "Every statement, by party and stance"))),
            ("hovermode", "closest"),
            ("hoverlabel", Obj(("align", "left"))),
            ("xaxis", Obj(("type", "date"))),
            ("yaxis", Obj(
                ("tickvals", Enumerable.Range(0, parties.Count).ToArray()),
                ("ticktext", parties.Select(p => Text(PartyLabel(taxonomy, p))).ToArray()),
                ("range", new[] { -0.6, Math.Max(0.6, parties.Count - 0.4) }),
                ("autorange", "reversed"),
                ("zeroline", false))),
            ("legend", Obj(("orientation", "h"), ("y", -0.15))),
            ("margin", Obj(("t", 60), ("l", 110), ("r", 20), ("b", 60))),
            ("height", options.Height ?? 160 + 70 * Math.Max(1, parties.Count)));
        return Chart(traces, layout);
    }

    /// <summary>
    /// Volume: statements per party (top panel) and per outlet (bottom panel) in each period, stacked. Every copy counts
    /// here, since volume is about coverage; the busiest <see cref="ChartOptions.TopOutlets"/> outlets are named.
    /// </summary>
    public static GenericChart Volume(IEnumerable<Statement> statements, ChartOptions? options = null)
    {
        options ??= new ChartOptions();
        var taxonomy = options.Positions.Taxonomy;
        var period = options.Positions.Period == PositionPeriod.All ? PositionPeriod.Week : options.Positions.Period;
        var dated = statements
            .Where(s => s.Date is not null || s.Published is not null)
            .Select(s => (Statement: s, Start: PeriodStart(Day(s), period)))
            .ToList();
        var periods = dated.Select(d => d.Start).Distinct().Order().ToList();
        var x = periods.Select(Date).ToArray();

        var traces = new List<Trace>();
        foreach (var party in OrderedParties(taxonomy, dated.Select(d => d.Statement.Party)))
        {
            var counts = dated.Where(d => d.Statement.Party == party).CountBy(d => d.Start).ToDictionary();
            traces.Add(Trace("bar",
                ("name", Text(PartyLabel(taxonomy, party))),
                ("legendgroup", "party"),
                ("legendgrouptitle", Obj(("text", "Parties"))),
                ("x", x),
                ("y", periods.Select(p => counts.GetValueOrDefault(p)).ToArray()),
                ("marker", Obj(("color", PartyColor(taxonomy, party)))),
                ("hovertemplate", "%{fullData.name}: %{y} statements, period from %{x}<extra></extra>"),
                ("xaxis", "x"), ("yaxis", "y")));
        }

        var byOutlet = dated.GroupBy(d => Outlet(d.Statement) ?? "unknown outlet").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var named = byOutlet.Take(options.TopOutlets).ToList();
        var rest = byOutlet.Skip(options.TopOutlets).SelectMany(g => g).ToList();
        var outletSeries = named.Select(g => (Name: g.Key, Items: g.ToList())).ToList();
        if (rest.Count > 0) outletSeries.Add(($"{byOutlet.Count - named.Count} other outlets", rest));
        for (int k = 0; k < outletSeries.Count; k++)
        {
            var (name, items) = outletSeries[k];
            var counts = items.CountBy(d => d.Start).ToDictionary();
            bool other = rest.Count > 0 && k == outletSeries.Count - 1;
            traces.Add(Trace("bar",
                ("name", Text(name)),
                ("marker", Obj(("color", other || name == "unknown outlet" ? "#d9d9d9" : OutletColors[k % OutletColors.Length]))),
                ("legendgroup", "outlet"),
                ("legendgrouptitle", Obj(("text", "Outlets"))),
                ("x", x),
                ("y", periods.Select(p => counts.GetValueOrDefault(p)).ToArray()),
                ("hovertemplate", "%{fullData.name}: %{y} statements, period from %{x}<extra></extra>"),
                ("xaxis", "x2"), ("yaxis", "y2")));
        }

        var layout = Obj(
            ("title", Obj(("text", $"Statements per {PeriodName(period)}: by party and by outlet"))),
            ("barmode", "stack"),
            ("grid", Obj(("rows", 2), ("columns", 1), ("pattern", "independent"), ("ygap", 0.25))),
            ("xaxis", Obj(("type", "date"))),
            ("xaxis2", Obj(("type", "date"))),
            ("yaxis", Obj(("title", Obj(("text", "by party"))))),
            ("yaxis2", Obj(("title", Obj(("text", "by outlet"))))),
            ("legend", Obj(("groupclick", "toggleitem"), ("traceorder", "grouped"))),
            ("margin", Obj(("t", 60), ("l", 60), ("r", 20), ("b", 40))),
            ("height", options.Height ?? 620));
        return Chart(traces, layout);
    }

    private static string PositionHover(Position p, Taxonomy taxonomy, Dictionary<string, QuoteGroup> quotes, ChartOptions options)
    {
        var lines = new List<string>
        {
            $"<b>{Text(PartyLabel(taxonomy, p.Party))}</b> on {Text(IssueLabel(taxonomy, p.Issue))}",
            $"{Date(p.PeriodStart)} – {Date(p.PeriodEnd)}: {Number(p.Value)} [{Number(p.Low)}, {Number(p.High)}], n={p.Count}",
        };
        foreach (var id in p.StatementIds.Take(options.QuotesPerPoint))
        {
            if (!quotes.TryGetValue(id, out var q)) continue;
            var s = q.Statement;
            lines.Add("");
            lines.Add($"<b>{Text(s.Speaker ?? s.SpeakerMention ?? "unnamed speaker")}</b>, {Date(Day(s))}, {Text(string.Join(", ", q.Outlets))} ({Text(s.Stance)})");
            lines.Add("“" + Wrapped(s.Text, 70, 240) + "”");
        }
        if (p.StatementIds.Count > options.QuotesPerPoint)
            lines.Add($"… and {p.StatementIds.Count - options.QuotesPerPoint} more");
        if (FirstLink(p, quotes) is not null) lines.Add("<i>click to open the first article</i>");
        return string.Join("<br>", lines);
    }

    private static string StatementHover(QuoteGroup g, Taxonomy taxonomy)
    {
        var s = g.Statement;
        var issue = s.Issue is null ? "no issue" : Text(IssueLabel(taxonomy, s.Issue));
        var score = s.StanceScore is { } v ? v.ToString(" (0.00)", CultureInfo.InvariantCulture) : "";
        return $"<b>{Text(s.Speaker ?? s.SpeakerMention ?? "unnamed speaker")}</b> ({Text(PartyLabel(taxonomy, s.Party))}), {Date(Day(s))}<br>" +
               $"{Text(string.Join(", ", g.Outlets))}<br>{issue}: {Text(s.Stance ?? "not classified")}{score}<br><br>" +
               "“" + Wrapped(s.Text, 80) + "”" +
               (Figure.Link(s.Url) is not null ? "<br><br><i>click to open the article</i>" : "");
    }

    private static string ShiftHover(PositionShift s, Taxonomy taxonomy) =>
        $"<b>Shift: {Text(PartyLabel(taxonomy, s.Party))}</b> on {Text(IssueLabel(taxonomy, s.Issue))}<br>" +
        $"{Number(s.Before)} ({Date(s.FromPeriod)}) → {Number(s.After)} ({Date(s.ToPeriod)})<br>" +
        (s.Kind == ShiftKind.SignChange ? "change of sign" : "move of " + Number(s.Delta)) +
        (s.BandsSeparate ? "; the uncertainty bands do not overlap" : "; the uncertainty bands overlap");

    private static string? FirstLink(Position p, Dictionary<string, QuoteGroup> quotes) =>
        p.StatementIds.Select(id => quotes.TryGetValue(id, out var q) ? Figure.Link(q.Statement.Url) ?? Figure.Link(q.Statement.Source) : null)
            .FirstOrDefault(u => u is not null);

    private static double MarkerSize(int count) => Math.Round(Math.Min(28, 6 + 3 * Math.Sqrt(count)), 2);

    /// <summary>A stable vertical offset in [−0.3, 0.3] from the statement id, so markers on one day do not hide each other.</summary>
    private static double Jitter(string id)
    {
        uint h = 2166136261;
        foreach (var c in id) h = (h ^ c) * 16777619;
        return Math.Round((h % 10_000) / 10_000.0 * 0.6 - 0.3, 4);
    }

    internal static DateOnly Day(Statement s) => s.Date ?? s.Published!.Value.Day;

    private static DateOnly PeriodStart(DateOnly day, PositionPeriod period) => period switch
    {
        PositionPeriod.Day => day,
        PositionPeriod.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
    };

    private static string PeriodName(PositionPeriod period) => period switch
    {
        PositionPeriod.Day => "day",
        PositionPeriod.Month => "month",
        _ => "week",
    };

    internal static string? Outlet(Statement s)
    {
        if (!string.IsNullOrWhiteSpace(s.Site)) return s.Site.Trim();
        return Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : null;
    }

    internal static List<string> OrderedParties(Taxonomy taxonomy, IEnumerable<string> present)
    {
        var set = present.Select(p => string.IsNullOrWhiteSpace(p) ? Taxonomy.UnknownParty : p).ToHashSet(StringComparer.Ordinal);
        return [.. taxonomy.Parties.Select(p => p.Id).Where(set.Contains), .. set.Where(p => taxonomy.Parties.All(t => t.Id != p)).Order(StringComparer.Ordinal)];
    }

    internal static List<string> OrderedIssues(Taxonomy taxonomy, IEnumerable<string> present)
    {
        var set = present.ToHashSet(StringComparer.Ordinal);
        return [.. taxonomy.Issues.Select(i => i.Id).Where(set.Contains), .. set.Where(i => taxonomy.Issues.All(t => t.Id != i)).Order(StringComparer.Ordinal)];
    }

    internal static string PartyLabel(Taxonomy taxonomy, string party) =>
        taxonomy.Parties.FirstOrDefault(p => p.Id == party)?.Label ?? party;

    internal static string IssueLabel(Taxonomy taxonomy, string issue) =>
        taxonomy.Issues.FirstOrDefault(i => i.Id == issue)?.Label ?? issue;

    private static string Proposition(Taxonomy taxonomy, string issue) =>
        taxonomy.Issues.FirstOrDefault(i => i.Id == issue)?.Proposition ?? issue;

    private static string PartyColor(Taxonomy taxonomy, string party) =>
        taxonomy.Parties.FirstOrDefault(p => p.Id == party)?.Color ?? "#7f7f7f";
}
