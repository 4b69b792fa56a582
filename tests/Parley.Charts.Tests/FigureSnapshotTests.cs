using System.Text.Json.Nodes;
using Parley.Charts;
using Parley.Testing;

namespace Parley.Charts.Tests;

public class FigureSnapshotTests
{
    private static void AssertJsonEqual(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(e, a), $"Expected:\n{e}\n\nActual:\n{a}");
    }

    [Fact]
    public void Timeline_of_one_statement_has_a_band_and_a_line_with_the_quote_in_the_hover()
    {
        // One statement (Some.Statement: Russia, nato, oppose, score 1, Tuesday 2025-03-04, Example News):
        // one weekly position −1 with the whole axis as its band (a single statement), marker size 6 + 3·√1 = 9.
        var chart = ParleyCharts.Timeline([Some.Statement()], "nato");

        AssertJsonEqual("""
            {
              "data": [
                {
                  "type": "scatter", "name": "Russia band", "legendgroup": "Russia", "showlegend": false, "mode": "lines",
                  "x": ["2025-03-03", "2025-03-03"], "y": [1, -1],
                  "fill": "toself", "fillcolor": "rgba(214,39,40,0.12)", "line": { "width": 0 }, "hoverinfo": "skip",
                  "xaxis": "x", "yaxis": "y"
                },
                {
                  "type": "scatter", "name": "Russia", "legendgroup": "Russia", "showlegend": true, "mode": "lines+markers",
                  "x": ["2025-03-03"], "y": [-1],
                  "line": { "color": "#d62728", "width": 2 },
                  "marker": { "color": "#d62728", "size": [9] },
                  "text": ["<b>Russia</b> on NATO membership<br>2025-03-03 – 2025-03-09: −1.00 [−1.00, +1.00], n=1<br><br><b>Sergei Lavrov</b>, 2025-03-04, Example News (oppose)<br>“Ukraine will never join NATO.”<br><i>click to open the first article</i>"],
                  "customdata": ["https://news.example/article-1"],
                  "hovertemplate": "%{text}<extra></extra>",
                  "xaxis": "x", "yaxis": "y"
                }
              ],
              "layout": {
                "hovermode": "closest",
                "hoverlabel": { "align": "left" },
                "legend": { "orientation": "h", "y": -0.12 },
                "margin": { "t": 70, "l": 60, "r": 20, "b": 60 },
                "xaxis": { "type": "date", "showgrid": true },
                "yaxis": {
                  "range": [-1.1, 1.1], "tickvals": [-1, 0, 1], "ticktext": ["oppose", "neutral", "support"], "zeroline": true,
                  "title": { "text": "Stance toward: Ukraine joins NATO" }
                },
                "title": { "text": "Positions on NATO membership" },
                "height": 480
              }
            }
            """, ChartExport.FigureJson(chart));
    }

    [Fact]
    public void Heatmap_cells_carry_position_and_count_and_empty_cells_are_null()
    {
        var statements = new[]
        {
            Some.Statement(party: "Russia", issue: "nato", stance: "oppose", articleId: "a1", text: "One."),
            Some.Statement(party: "Russia", issue: "nato", stance: "neutral", articleId: "a2", text: "Two."),
            Some.Statement(party: "Ukraine", issue: "ceasefire", stance: "support", articleId: "a3", text: "Three."),
        };

        var chart = ParleyCharts.Heatmap(statements);

        // Rows: Russia, Ukraine (taxonomy order); columns: NATO membership, Ceasefire (taxonomy order: nato before ceasefire).
        var trace = JsonNode.Parse(ChartExport.FigureJson(chart))!["data"]![0]!;
        Assert.Equal("heatmap", (string?)trace["type"]);
        AssertJsonEqual("""["NATO membership", "Ceasefire"]""", trace["x"]!.ToJsonString());
        AssertJsonEqual("""["Russia", "Ukraine"]""", trace["y"]!.ToJsonString());
        AssertJsonEqual("[[-0.5, null], [null, 1]]", trace["z"]!.ToJsonString());
        AssertJsonEqual("""[["−0.50<br>n=2", ""], ["", "+1.00<br>n=1"]]""", trace["text"]!.ToJsonString());
    }

    [Fact]
    public void Scatter_puts_each_distinct_quote_once_coloured_by_stance_with_every_outlet_in_the_hover()
    {
        var statements = new[]
        {
            Some.Statement(stance: "oppose", articleId: "a1", site: "Outlet A", text: "Never."),
            Some.Statement(stance: "oppose", articleId: "a2", site: "Outlet B", text: "Never!"),
            Some.Statement(stance: "support", articleId: "a3", site: "Outlet A", text: "Yes, gladly."),
        };

        var data = JsonNode.Parse(ChartExport.FigureJson(ParleyCharts.Scatter(statements)))!["data"]!.AsArray();

        Assert.Equal(["support", "oppose"], data.Select(t => (string?)t!["name"]));
        var oppose = data[1]!;
        Assert.Single(oppose["x"]!.AsArray());
        Assert.Contains("Outlet A, Outlet B", (string?)oppose["text"]![0]);
        Assert.Contains("“Never.”", (string?)oppose["text"]![0]);
    }

    [Fact]
    public void Volume_counts_every_copy_per_party_and_per_outlet()
    {
        var statements = new[]
        {
            Some.Statement(party: "Russia", articleId: "a1", site: "Outlet A"),
            Some.Statement(party: "Russia", articleId: "a2", site: "Outlet B"),
            Some.Statement(party: "Ukraine", articleId: "a3", site: "Outlet A", date: new DateOnly(2025, 3, 12)),
        };

        var data = JsonNode.Parse(ChartExport.FigureJson(ParleyCharts.Volume(statements)))!["data"]!.AsArray();

        var byName = data.ToDictionary(t => ((string)t!["name"]!, (string)t["yaxis"]!), t => t!["y"]!.ToJsonString());
        Assert.Equal("[2,0]", byName[("Russia", "y")]);
        Assert.Equal("[0,1]", byName[("Ukraine", "y")]);
        Assert.Equal("[1,1]", byName[("Outlet A", "y2")]);
        Assert.Equal("[1,0]", byName[("Outlet B", "y2")]);
    }

    [Fact]
    public void Small_multiples_give_each_issue_its_own_axes_and_title()
    {
        var statements = new[]
        {
            Some.Statement(issue: "nato", articleId: "a1"),
            Some.Statement(issue: "territory", articleId: "a2", text: "Crimea is ours."),
        };

        var figure = JsonNode.Parse(ChartExport.FigureJson(ParleyCharts.Timeline(statements)))!;

        // Taxonomy order: territory first (x/y), then nato (x2/y2).
        Assert.Equal(["x", "x", "x2", "x2"], figure["data"]!.AsArray().Select(t => (string?)t!["xaxis"]));
        Assert.Equal(["<b>Territory and Crimea</b>", "<b>NATO membership</b>"],
            figure["layout"]!["annotations"]!.AsArray().Select(a => (string?)a!["text"]));
        Assert.Equal(2, (int)figure["layout"]!["grid"]!["columns"]!);
    }
}
