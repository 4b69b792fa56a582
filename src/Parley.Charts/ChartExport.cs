using System.Text;
using System.Text.Json.Nodes;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.ImageExport;

namespace Parley.Charts;

/// <summary>The result of a PNG export: the file written, or why not.</summary>
/// <param name="Path">The PNG file, when written.</param>
/// <param name="Error">Why no PNG was written (for example, no Chromium on this machine).</param>
public sealed record PngExport(string? Path, string? Error)
{
    /// <summary>Whether the PNG was written.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>
/// Exports <see cref="ParleyCharts"/> charts: self-contained HTML that works offline, PNG through headless Chromium,
/// and the MIME bundle notebooks display.
/// </summary>
/// <remarks>
/// HTML inlines plotly.js (the copy Plotly.NET ships, as its <c>PlotlyJSReference.Full</c> does), embeds the figure as
/// JSON escaped for a script element, and sets a Content-Security-Policy that loads nothing from the network and runs only
/// Parley's own script. PNG export uses Plotly.NET.ImageExport with the system Chromium (<c>/usr/bin/chromium</c>, Debian
/// package <c>chromium</c>); a browser is never downloaded.
/// </remarks>
public static class ChartExport
{
    /// <summary>The MIME type of a plotly figure in Jupyter front ends.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The figure as plotly.js takes it: a JSON object with <c>data</c> and <c>layout</c> (from Plotly.NET's <c>toFigureJson</c>).</summary>
    /// <remarks>Non-ASCII text is written as is; embed it in HTML only through <see cref="ToHtml"/> or <see cref="ToMimeBundle"/>, which escape it for a script element.</remarks>
    public static string FigureJson(GenericChart chart) => Html.Figure(chart).ToJsonString(ReadableJson);

    private static readonly System.Text.Json.JsonSerializerOptions ReadableJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A complete, self-contained HTML page showing the chart; it opens and draws with no network.</summary>
    public static string ToHtml(GenericChart chart, string title = "Parley chart")
    {
        var body = new StringBuilder();
        body.Append("<div class=\"parley-chart\" id=\"chart-1\"></div>\n");
        var figure = Html.Figure(chart);
        string nonce = Html.Nonce(title + figure.ToJsonString());
        var page = new StringBuilder(Html.PlotlyJs.Length + 64 * 1024);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Html.ContentSecurityPolicy(nonce)).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Escape(title)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:16px}</style>\n")
            .Append("<script nonce=\"").Append(nonce).Append("\">").Append(Html.PlotlyJs).Append("</script>\n")
            .Append("</head>\n<body>\n").Append(body);
        Html.WriteFigures(page, [("chart-1", figure)], nonce);
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Writes <see cref="ToHtml"/> to a file.</summary>
    public static Task SaveHtmlAsync(GenericChart chart, string path, string title = "Parley chart", CancellationToken ct = default) =>
        File.WriteAllTextAsync(path, ToHtml(chart, title), new UTF8Encoding(false), ct);

    /// <summary>
    /// The notebook display bundle: <c>application/vnd.plotly.v1+json</c> (the figure's data and layout, which JupyterLab,
    /// VS Code and nteract draw offline) alongside <c>text/html</c> (a self-contained fragment with plotly.js inlined, for
    /// front ends without the plotly renderer).
    /// </summary>
    /// <remarks>The HTML part carries all of plotly.js (about 3.5 MB) so that it draws offline.</remarks>
    public static IReadOnlyDictionary<string, object> ToMimeBundle(GenericChart chart)
    {
        var figure = Html.Figure(chart);
        string id = "parley-" + Html.Nonce(figure.ToJsonString()).Replace('+', '-').Replace('/', '_');
        var html = new StringBuilder(Html.PlotlyJs.Length + 16 * 1024);
        html.Append("<div class=\"parley-chart\" id=\"").Append(id).Append("\"></div>\n")
            .Append("<script>if (typeof Plotly === 'undefined') {").Append(Html.PlotlyJs).Append("\n}</script>\n")
            .Append("<script type=\"application/json\" id=\"").Append(id).Append("-figure\">")
            .Append(Html.ScriptJson(figure.ToJsonString())).Append("</script>\n")
            .Append("<script>(function(){var el=document.getElementById('").Append(id)
            .Append("');var f=JSON.parse(document.getElementById('").Append(id)
            .Append("-figure').textContent);Plotly.newPlot(el,f.data,f.layout,{responsive:true,displaylogo:false});})();</script>\n");
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [PlotlyMimeType] = JsonNode.Parse(figure.ToJsonString())!,
            ["text/html"] = html.ToString(),
        };
    }

    /// <summary>
    /// Renders the chart to a PNG file with Plotly.NET.ImageExport and the system Chromium.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels; null takes the chart's own height, else 600.</param>
    /// <param name="chromium">The Chromium executable; null looks at <c>PARLEY_CHROMIUM</c>, then <c>/usr/bin/chromium</c>.</param>
    /// <param name="ct">Cancels the wait (the browser is closed when rendering ends).</param>
    /// <returns>The file written, or an error saying why not (no Chromium: install the Debian package <c>chromium</c>).</returns>
    public static async Task<PngExport> SavePngAsync(GenericChart chart, string path, int width = 1100, int? height = null,
        string? chromium = null, CancellationToken ct = default)
    {
        var browser = Chromium.Find(chromium);
        if (browser is null) return new PngExport(null, Chromium.Missing(chromium));
        height ??= Html.Figure(chart)["layout"]?["height"]?.GetValue<int>() ?? 600;

        // Article text in the figure is HTML-encoded (see Figure.Text), so Plotly.NET's own page cannot be broken out of.
        var offline = GenericChart.setDisplayOptions(
            DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full)),
            chart);
        string dataUri;
        await RendererLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Plotly.NET.ImageExport keeps its browser settings in process-wide mutable options; they are set here,
            // under a lock, to the system Chromium, so its BrowserFetcher (a download) is never reached.
            PuppeteerSharpRendererOptions.localBrowserExecutablePath = FSharpOption<string>.Some(browser);
            var launch = PuppeteerSharpRendererOptions.launchOptions;
            launch.ExecutablePath = browser;
            launch.Headless = true;
            launch.Args = [.. Chromium.Flags];
            IGenericChartRenderer renderer = new PuppeteerSharpRenderer();
            dataUri = await renderer.RenderPNGAsync(width, height.Value, 1.0, offline).WaitAsync(TimeSpan.FromMinutes(2), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new PngExport(null, $"Chromium at {browser} could not render the chart: {ex.Message}");
        }
        finally
        {
            RendererLock.Release();
        }
        var comma = dataUri.IndexOf(',', StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(comma >= 0 ? dataUri[(comma + 1)..] : dataUri);
        await File.WriteAllBytesAsync(path, bytes, ct).ConfigureAwait(false);
        return new PngExport(path, null);
    }

    private static readonly SemaphoreSlim RendererLock = new(1, 1);
}
