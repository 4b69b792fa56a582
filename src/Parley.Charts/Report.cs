using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Positions;
using Parley.Serialization;
using Parley.Statements;
using Plotly.NET;

namespace Parley.Charts;

/// <summary>Options of <see cref="Report.WriteAsync"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>The report's title.</summary>
    /// <value>Default "Parley report: " and the taxonomy's name.</value>
    public string? Title { get; init; }

    /// <summary>Chart and position options (period, smoothing, de-duplication, taxonomy).</summary>
    /// <value>Default weekly positions.</value>
    public ChartOptions Charts { get; init; } = new();

    /// <summary>Whether to also write each chart as PNG (needs the system Chromium; a missing one is a warning, not a failure).</summary>
    /// <value>Default false.</value>
    public bool Png { get; init; }

    /// <summary>The Chromium executable for PNG export; null looks at <c>PARLEY_CHROMIUM</c>, then <c>/usr/bin/chromium</c>.</summary>
    public string? Chromium { get; init; }

    /// <summary>The classifier's model card (any object; shown as a table of its JSON properties), or null for none.</summary>
    public object? ModelCard { get; init; }

    /// <summary>The most statements the HTML table lists (oldest first); statements.csv always has all of them.</summary>
    /// <value>Default 5000, which keeps the page light enough to open and sort in a browser.</value>
    public int MaxTableRows { get; init; } = 5000;

    /// <summary>The clock for the "written at" line.</summary>
    /// <value>Default <see cref="TimeProvider.System"/>.</value>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>What <see cref="Report.WriteAsync"/> wrote.</summary>
/// <param name="ReportPath">The HTML report.</param>
/// <param name="Files">Every file written (report, CSVs, PNGs).</param>
/// <param name="Statements">Statements given.</param>
/// <param name="Positions">Positions computed.</param>
/// <param name="Shifts">Shifts found.</param>
/// <param name="Charts">Charts in the report.</param>
/// <param name="Warnings">What did not work but did not stop the report (for example, PNG export without Chromium).</param>
public sealed record ReportResult(
    string ReportPath,
    IReadOnlyList<string> Files,
    int Statements,
    int Positions,
    int Shifts,
    int Charts,
    IReadOnlyList<string> Warnings);

/// <summary>
/// The self-contained HTML report: every chart, the shifts, a sortable table of the statements, the method and the model
/// card; with positions.csv, shifts.csv and statements.csv beside it.
/// </summary>
/// <remarks>
/// The report opens offline (plotly.js is inlined). All article text is HTML-escaped, figure JSON is escaped for its
/// script element, and a Content-Security-Policy lets only the report's own scripts run: a quote containing
/// <c>&lt;script&gt;</c> or an <c>onerror=</c> attribute shows as text and runs nothing.
/// </remarks>
/// <example><code>await Report.WriteAsync(classified, "out/report", new ReportOptions { Png = true });</code></example>
public static class Report
{
    /// <summary>Writes <c>report.html</c>, <c>positions.csv</c>, <c>shifts.csv</c> and <c>statements.csv</c> (and PNGs when asked) into <paramref name="outDir"/>.</summary>
    public static async Task<ReportResult> WriteAsync(IReadOnlyList<Statement> classified, string outDir, ReportOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(classified);
        options ??= new ReportOptions();
        var chartOptions = options.Charts;
        var taxonomy = chartOptions.Positions.Taxonomy;
        Directory.CreateDirectory(outDir);
        var analysis = PositionSeries.Analyze(classified, chartOptions.Positions);

        var charts = new List<(string Id, string Title, GenericChart Chart)>
        {
            ("timeline", "Positions over time", ParleyCharts.Timeline(classified, null, chartOptions)),
            ("heatmap", "Party × issue", ParleyCharts.Heatmap(classified, null, null, chartOptions)),
            ("statements", "Every statement", ParleyCharts.Scatter(classified, chartOptions)),
            ("volume", "Volume", ParleyCharts.Volume(classified, chartOptions)),
        };

        var files = new List<string>();
        var warnings = new List<string>();
        var utf8 = new UTF8Encoding(false);

        string positionsCsv = Path.Combine(outDir, "positions.csv");
        await using (var writer = new StreamWriter(positionsCsv, false, utf8)) PositionSeries.WriteCsv(analysis.Positions, writer);
        files.Add(positionsCsv);
        string shiftsCsv = Path.Combine(outDir, "shifts.csv");
        await using (var writer = new StreamWriter(shiftsCsv, false, utf8)) PositionSeries.WriteShiftsCsv(analysis.Shifts, writer);
        files.Add(shiftsCsv);
        string statementsCsv = Path.Combine(outDir, "statements.csv");
        await using (var writer = new StreamWriter(statementsCsv, false, utf8)) WriteStatementsCsv(classified, writer);
        files.Add(statementsCsv);

        string title = options.Title ?? "Parley report: " + taxonomy.Name;
        string html = Page(title, classified, analysis, charts, options);
        string reportPath = Path.Combine(outDir, "report.html");
        await File.WriteAllTextAsync(reportPath, html, utf8, ct).ConfigureAwait(false);
        files.Add(reportPath);

        if (options.Png)
        {
            foreach (var (id, _, chart) in charts)
            {
                var png = await ChartExport.SavePngAsync(chart, Path.Combine(outDir, id + ".png"), chromium: options.Chromium, ct: ct)
                    .ConfigureAwait(false);
                if (png.Succeeded) files.Add(png.Path!);
                else
                {
                    warnings.Add($"{id}.png: {png.Error}");
                    if (Chromium.Find(options.Chromium) is null) break;
                }
            }
        }

        return new ReportResult(reportPath, files, classified.Count, analysis.Positions.Count, analysis.Shifts.Count, charts.Count, warnings);
    }

    private static string Page(string title, IReadOnlyList<Statement> statements, PositionAnalysis analysis,
        List<(string Id, string Title, GenericChart Chart)> charts, ReportOptions options)
    {
        var chartOptions = options.Charts;
        var taxonomy = chartOptions.Positions.Taxonomy;
        var figures = charts.Select(c => (c.Id, Html.Figure(c.Chart))).ToList();
        var body = new StringBuilder();
        var dates = statements.Where(s => s.Date is not null || s.Published is not null).Select(ParleyCharts.Day).ToList();

        body.Append("<header><h1>").Append(Html.Escape(title)).Append("</h1>\n<p class=\"summary\">")
            .Append(Count(statements.Count, "statement")).Append(" (")
            .Append(Count(analysis.Quotes.Count, "distinct statement")).Append(" with an issue and a stance, after de-duplication across outlets), ")
            .Append(Count(analysis.Positions.Count, "position")).Append(", ").Append(Count(analysis.Shifts.Count, "shift"));
        if (dates.Count > 0)
            body.Append("; ").Append(Figure.Date(dates.Min())).Append(" to ").Append(Figure.Date(dates.Max()));
        body.Append(". Written ").Append(Html.Escape(options.Time.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(".</p>\n");
        if (analysis.Skipped.Count > 0)
        {
            body.Append("<p class=\"skipped\">Left out of the positions: ")
                .Append(Html.Escape(string.Join(", ", analysis.Skipped.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value} ({k.Key})"))))
                .Append(".</p>\n");
        }
        body.Append("<nav>");
        foreach (var c in charts) body.Append("<a href=\"#section-").Append(c.Id).Append("\">").Append(Html.Escape(c.Title)).Append("</a> ");
        body.Append("<a href=\"#shifts\">Shifts</a> <a href=\"#table\">Statements</a> <a href=\"#method\">Method</a>");
        if (options.ModelCard is not null) body.Append(" <a href=\"#model-card\">Model card</a>");
        body.Append("</nav></header>\n");

        foreach (var c in charts)
        {
            body.Append("<section id=\"section-").Append(c.Id).Append("\"><h2>").Append(Html.Escape(c.Title)).Append("</h2>\n")
                .Append("<div class=\"parley-chart\" id=\"").Append(c.Id).Append("\"></div></section>\n");
        }

        ShiftsSection(body, analysis.Shifts, taxonomy);
        StatementsTable(body, statements, taxonomy, options.MaxTableRows);
        MethodSection(body, chartOptions.Positions);
        if (options.ModelCard is not null) ModelCardSection(body, options.ModelCard);
        body.Append("<footer>Written by Parley with plotly.js ").Append(Html.Escape(Html.PlotlyJsVersion))
            .Append(" inlined; the page loads nothing from the network. CSV files beside it: positions.csv, shifts.csv, statements.csv.</footer>\n");

        string nonce = Html.Nonce(body.ToString() + string.Concat(figures.Select(f => f.Item2.ToJsonString())));
        var page = new StringBuilder(Html.PlotlyJs.Length + body.Length * 2 + 64 * 1024);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Html.ContentSecurityPolicy(nonce)).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Escape(title)).Append("</title>\n<style>").Append(Css).Append("</style>\n")
            .Append("<script nonce=\"").Append(nonce).Append("\">").Append(Html.PlotlyJs).Append("</script>\n")
            .Append("</head>\n<body>\n").Append(body);
        Html.WriteFigures(page, figures, nonce);
        page.Append("<script nonce=\"").Append(nonce).Append("\">").Append(SortScript).Append("</script>\n");
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    private static void ShiftsSection(StringBuilder body, IReadOnlyList<PositionShift> shifts, Taxonomy taxonomy)
    {
        body.Append("<section id=\"shifts\"><h2>Shifts</h2>\n");
        if (shifts.Count == 0)
        {
            body.Append("<p>No party's position changed sign or moved by more than the threshold between consecutive periods.</p></section>\n");
            return;
        }
        body.Append("<table class=\"sortable\"><thead><tr><th>Party</th><th>Issue</th><th>From</th><th>To</th><th>Before</th><th>After</th><th>Kind</th><th>Bands</th></tr></thead><tbody>\n");
        foreach (var s in shifts)
        {
            body.Append("<tr><td>").Append(Html.Escape(ParleyCharts.PartyLabel(taxonomy, s.Party)))
                .Append("</td><td>").Append(Html.Escape(ParleyCharts.IssueLabel(taxonomy, s.Issue)))
                .Append("</td><td>").Append(Figure.Date(s.FromPeriod)).Append("</td><td>").Append(Figure.Date(s.ToPeriod))
                .Append("</td><td class=\"num\">").Append(Figure.Number(s.Before)).Append("</td><td class=\"num\">").Append(Figure.Number(s.After))
                .Append("</td><td>").Append(s.Kind == ShiftKind.SignChange ? "change of sign" : "move")
                .Append("</td><td>").Append(s.BandsSeparate ? "separate" : "overlap").Append("</td></tr>\n");
        }
        body.Append("</tbody></table></section>\n");
    }

    private static void StatementsTable(StringBuilder body, IReadOnlyList<Statement> statements, Taxonomy taxonomy, int maxRows)
    {
        body.Append("<section id=\"table\"><h2>Statements</h2>\n<p>Click a column heading to sort.");
        if (statements.Count > maxRows)
            body.Append(" The first ").Append(Count(maxRows, "statement")).Append(" of ").Append(statements.Count.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" by date; all of them are in statements.csv.");
        body.Append("</p>\n")
            .Append("<table class=\"sortable\" id=\"statements-table\"><thead><tr><th>Date</th><th>Party</th><th>Speaker</th><th>Issue</th>")
            .Append("<th>Stance</th><th>Score</th><th>Outlet</th><th>Statement</th></tr></thead><tbody>\n");
        foreach (var s in statements.OrderBy(s => s.Date ?? s.Published?.Day ?? DateOnly.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal).Take(Math.Max(0, maxRows)))
        {
            var day = s.Date ?? s.Published?.Day;
            body.Append("<tr><td>").Append(day is { } d ? Figure.Date(d) : "")
                .Append("</td><td>").Append(Html.Escape(ParleyCharts.PartyLabel(taxonomy, s.Party)))
                .Append("</td><td>").Append(Html.Escape(s.Speaker ?? s.SpeakerMention ?? ""))
                .Append("</td><td>").Append(Html.Escape(s.Issue is null ? "" : ParleyCharts.IssueLabel(taxonomy, s.Issue)))
                .Append("</td><td class=\"stance-").Append(Html.Escape(s.Stance?.ToLowerInvariant() switch { "support" => "support", "oppose" => "oppose", "neutral" => "neutral", _ => "none" }))
                .Append("\">").Append(Html.Escape(s.Stance ?? ""))
                .Append("</td><td class=\"num\">").Append(s.StanceScore is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "")
                .Append("</td><td>");
            var outlet = ParleyCharts.Outlet(s);
            if (Figure.Link(s.Url) is { } link)
                body.Append("<a href=\"").Append(Html.Escape(link)).Append("\" rel=\"noopener noreferrer\" target=\"_blank\">")
                    .Append(Html.Escape(outlet ?? link)).Append("</a>");
            else
                body.Append(Html.Escape(outlet ?? ""));
            body.Append("</td><td class=\"quote\">").Append(Html.Escape(s.Text)).Append("</td></tr>\n");
        }
        body.Append("</tbody></table></section>\n");
    }

    private static void MethodSection(StringBuilder body, PositionOptions o)
    {
        string period = o.Period switch
        {
            PositionPeriod.Day => "day",
            PositionPeriod.Week => "ISO week (Monday to Sunday)",
            PositionPeriod.Month => "calendar month",
            _ => "whole span",
        };
        body.Append("<section id=\"method\"><h2>Method</h2>\n<ul>\n")
            .Append("<li>Each statement's stance toward an issue's proposition counts as support +1, neutral 0, oppose −1, weighted by the classifier's probability for that stance (<i>stanceScore</i>; 1 when missing).</li>\n")
            .Append("<li>A position is the weighted mean for one party, one issue and one ").Append(period)
            .Append(o.SmoothingPeriods > 1 ? $", pooling the statements of the last {o.SmoothingPeriods} periods (rolling smoothing)" : "").Append(".</li>\n")
            .Append(o.CountSecondaryIssues
                ? $"<li>A statement also counts toward the other issues it touches (issue probability at least {o.MinIssueScore.ToString("0.##", CultureInfo.InvariantCulture)}), weighted by stance probability × issue probability.</li>\n"
                : "")
            .Append("<li>The same quote carried by several outlets (same speaker, same words once case, punctuation and quotation marks are ignored, within ")
            .Append(o.DeduplicationWindowDays.ToString(CultureInfo.InvariantCulture)).Append(" days of the first copy) counts once; the outlets are listed.</li>\n")
            .Append("<li>The band is a ").Append((o.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture))
            .Append("% t-interval with Kish's effective sample size n<sub>eff</sub> = (Σw)² / Σw² and n<sub>eff</sub> − 1 degrees of freedom; cells with fewer than ")
            .Append(o.SmallCellSize.ToString(CultureInfo.InvariantCulture)).Append(" statements use a percentile bootstrap (")
            .Append(o.BootstrapResamples.ToString(CultureInfo.InvariantCulture)).Append(" resamples, seed ").Append(o.Seed.ToString(CultureInfo.InvariantCulture))
            .Append("); a single statement gets the whole axis. Bands are clipped to [−1, +1].</li>\n")
            .Append("<li>A shift is a change of sign, or a move of more than ").Append(o.ShiftThreshold.ToString("0.##", CultureInfo.InvariantCulture))
            .Append(", between consecutive positions of a party on an issue; “bands separate” means the two bands do not overlap.</li>\n")
            .Append("<li>Statements without a date, an issue or a stance, and statements of unknown party, are left out of positions (counted above) but listed in the table.</li>\n")
            .Append("</ul>\n<p>The full method with a worked example is in <code>docs/positions.md</code> of the Parley repository.</p></section>\n");
    }

    private static void ModelCardSection(StringBuilder body, object card)
    {
        body.Append("<section id=\"model-card\"><h2>Model card</h2>\n");
        JsonNode? node = card is JsonNode n ? n : card is JsonElement e ? JsonNode.Parse(e.GetRawText()) : JsonSerializer.SerializeToNode(card, card.GetType(), ParleyJson.Options);
        if (node is JsonObject obj)
        {
            body.Append("<table class=\"card\"><tbody>\n");
            foreach (var (key, value) in obj)
            {
                body.Append("<tr><th>").Append(Html.Escape(key)).Append("</th><td>");
                if (value is JsonValue v && v.TryGetValue<string>(out var text)) body.Append(Html.Escape(text));
                else if (value is JsonValue) body.Append(Html.Escape(value.ToJsonString()));
                else if (value is null) body.Append("—");
                else body.Append("<pre>").Append(Html.Escape(value.ToJsonString(ParleyJson.Indented))).Append("</pre>");
                body.Append("</td></tr>\n");
            }
            body.Append("</tbody></table>\n");
        }
        else
        {
            body.Append("<pre>").Append(Html.Escape(node?.ToJsonString(ParleyJson.Indented) ?? "")).Append("</pre>\n");
        }
        body.Append("</section>\n");
    }

    /// <summary>statements.csv: one row per statement given (copies included), text fields guarded against spreadsheet formulas.</summary>
    internal static void WriteStatementsCsv(IEnumerable<Statement> statements, TextWriter writer)
    {
        writer.Write("id,articleId,date,party,speaker,actorId,issue,stance,stanceScore,kind,site,url,text\n");
        foreach (var s in statements)
        {
            var day = s.Date ?? s.Published?.Day;
            writer.Write(string.Join(',',
                Csv.Text(s.Id), Csv.Text(s.ArticleId), day is { } d ? Csv.Date(d) : "", Csv.Text(s.Party), Csv.Text(s.Speaker),
                Csv.Text(s.ActorId), Csv.Text(s.Issue), Csv.Text(s.Stance), s.StanceScore is { } v ? Csv.Number(v) : "",
                s.Kind.ToString().ToLowerInvariant(), Csv.Text(s.Site), Csv.Text(s.Url), Csv.Text(s.Text)));
            writer.Write('\n');
        }
    }

    private static string Count(int n, string noun) =>
        n.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:16px;color:#222}
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:1.6em}
        nav a{margin-right:12px}.summary,.skipped{color:#444}.parley-chart{width:100%;min-height:300px}
        table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
        table.sortable th{cursor:pointer;background:#f6f6f6;position:sticky;top:0}table.sortable th[aria-sort]::after{content:" ▾"}
        td.num{text-align:right;font-variant-numeric:tabular-nums}td.quote{max-width:520px}
        .stance-support{color:#1a7f3c}.stance-oppose{color:#b2182b}.stance-neutral{color:#666}
        pre{white-space:pre-wrap;font-size:.85em;margin:0}footer{margin-top:2em;color:#777;font-size:.85em}
        """;

    private const string SortScript = """
        (function () {
          document.querySelectorAll('table.sortable').forEach(function (table) {
            var headers = table.querySelectorAll('thead th');
            headers.forEach(function (th, column) {
              th.addEventListener('click', function () {
                var ascending = th.getAttribute('aria-sort') !== 'ascending';
                headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = a.cells[column].textContent, y = b.cells[column].textContent;
                  var nx = parseFloat(x.replace('−', '-')), ny = parseFloat(y.replace('−', '-'));
                  var c = (!isNaN(nx) && !isNaN(ny) && /^[-−+]?[0-9.]+$/.test(x.trim()) && /^[-−+]?[0-9.]+$/.test(y.trim()))
                    ? nx - ny : x.localeCompare(y);
                  return ascending ? c : -c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
          });
        })();

        """;
}
