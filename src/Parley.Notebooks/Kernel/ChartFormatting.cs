using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Parley.Notebooks.Kernel;

/// <summary>
/// Displays a Plotly.NET chart as <c>application/vnd.plotly.v1+json</c> (what Jupyter and VS Code draw natively, and what
/// the runner's offline HTML draws) plus <c>text/html</c> and a one-line <c>text/plain</c>.
/// </summary>
/// <remarks>
/// The .NET Interactive formatter registry is process-wide (a static in the library); registering is idempotent.
/// </remarks>
internal static class ChartFormatting
{
    /// <summary>The MIME type of a Plotly figure (data + layout).</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private static readonly Lock Gate = new();
    private static bool registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }
            Formatter.Register<GenericChart>((chart, writer) => writer.Write(GenericChart.toChartHTML(chart)), HtmlFormatter.MimeType);
            Formatter.Register<GenericChart>((chart, writer) => writer.Write(FigureJson(chart).ToJsonString()), PlotlyMimeType);
            Formatter.Register<GenericChart>((chart, writer) => writer.Write(Summary(chart)), PlainTextFormatter.MimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), PlotlyMimeType, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
            registered = true;
        }
    }

    /// <summary>The figure's data and layout, the shape the plotly MIME renderer expects.</summary>
    internal static JsonObject FigureJson(GenericChart chart)
    {
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart)) as JsonObject ?? new JsonObject();
        return new JsonObject
        {
            ["data"] = figure["data"]?.DeepClone() ?? new JsonArray(),
            ["layout"] = figure["layout"]?.DeepClone() ?? new JsonObject(),
        };
    }

    private static string Summary(GenericChart chart)
    {
        var figure = FigureJson(chart);
        var traces = (figure["data"] as JsonArray)?.Count ?? 0;
        var title = figure["layout"]?["title"]?["text"]?.GetValue<string>();
        return $"Plotly chart: {traces} trace{(traces == 1 ? "" : "s")}{(title is null ? "" : $", \"{title}\"")}";
    }
}
