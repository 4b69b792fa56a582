using System.Text.Json.Nodes;
using Parley.Charts;
using Parley.Testing;

namespace Parley.Charts.Tests;

public class ExportTests
{
    [Fact]
    public void Html_is_self_contained_with_plotly_inlined_and_no_network_reference()
    {
        var html = ChartExport.ToHtml(ParleyCharts.Timeline([Some.Statement()], "nato"), "A <chart>");

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<title>A &lt;chart&gt;</title>", html);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("default-src 'none'", html);
        Assert.True(html.Length > 3_000_000, "plotly.js (about 3.5 MB) is inlined");
        Assert.Contains("id=\"chart-1-figure\"", html);
    }

    [Fact]
    public void Mime_bundle_carries_the_plotly_figure_beside_html()
    {
        var chart = ParleyCharts.Heatmap([Some.Statement()]);

        var bundle = ChartExport.ToMimeBundle(chart);

        Assert.Equal(["application/vnd.plotly.v1+json", "text/html"], bundle.Keys.Order(StringComparer.Ordinal));
        var figure = Assert.IsAssignableFrom<JsonNode>(bundle[ChartExport.PlotlyMimeType]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ChartExport.FigureJson(chart)), figure));
        Assert.Equal(["data", "layout"], figure.AsObject().Select(p => p.Key));
        Assert.Contains("Plotly.newPlot", (string)bundle["text/html"]);
    }

    [Fact]
    public async Task Report_of_no_statements_still_writes_every_file()
    {
        using var dir = new TempDir();

        var result = await Report.WriteAsync([], dir.Path, ct: TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 4), (result.Statements, result.Positions, result.Shifts, result.Charts));
        Assert.Equal(["positions.csv", "report.html", "shifts.csv", "statements.csv"],
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("party,issue,periodStart,periodEnd,position,low,high,count,effectiveCount,outlets\n",
            await File.ReadAllTextAsync(Path.Combine(dir.Path, "positions.csv"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Report_shows_the_model_card_and_the_skipped_counts()
    {
        using var dir = new TempDir();
        var statements = new[] { Some.Statement(), Some.Statement(articleId: "a2") with { Issue = null } };

        var result = await Report.WriteAsync(statements, dir.Path,
            new ReportOptions { ModelCard = new { Model = "stance-v1", MacroF1 = 0.71 } }, TestContext.Current.CancellationToken);
        var html = await File.ReadAllTextAsync(result.ReportPath, TestContext.Current.CancellationToken);

        Assert.Contains("<section id=\"model-card\">", html);
        Assert.Contains("<tr><th>model</th><td>stance-v1</td></tr>", html);
        Assert.Contains("<tr><th>macroF1</th><td>0.71</td></tr>", html);
        Assert.Contains("Left out of the positions: 1 (no issue).", html);
    }

    [Fact]
    public async Task Report_written_twice_at_the_same_clock_is_byte_identical()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 9, 1, 12, 0, 0, TimeSpan.Zero));
        var statements = new[] { Some.Statement(), Some.Statement(articleId: "a2", stance: "support", text: "Perhaps.") };

        var first = await Report.WriteAsync(statements, a.Path, new ReportOptions { Time = time }, TestContext.Current.CancellationToken);
        var second = await Report.WriteAsync(statements, b.Path, new ReportOptions { Time = time }, TestContext.Current.CancellationToken);

        Assert.Equal(await File.ReadAllBytesAsync(first.ReportPath, TestContext.Current.CancellationToken),
            await File.ReadAllBytesAsync(second.ReportPath, TestContext.Current.CancellationToken));
        Assert.Contains("Written 2025-09-01 12:00 UTC.", await File.ReadAllTextAsync(first.ReportPath, TestContext.Current.CancellationToken));
    }
}

public class ReportTableTests
{
    [Fact]
    public async Task Table_is_capped_and_says_where_the_rest_are()
    {
        using var dir = new TempDir();
        var statements = Enumerable.Range(0, 5).Select(i => Some.Statement(articleId: $"a{i}", text: $"Remark {i}.")).ToList();

        var result = await Report.WriteAsync(statements, dir.Path, new ReportOptions { MaxTableRows = 2 }, TestContext.Current.CancellationToken);
        var html = await File.ReadAllTextAsync(result.ReportPath, TestContext.Current.CancellationToken);

        Assert.Contains("The first 2 statements of 5 by date; all of them are in statements.csv.", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<td class=\"quote\">").Count);
        Assert.Equal(6, (await File.ReadAllLinesAsync(Path.Combine(dir.Path, "statements.csv"), TestContext.Current.CancellationToken)).Length);
    }
}
