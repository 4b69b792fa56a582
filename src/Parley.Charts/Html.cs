using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace Parley.Charts;

/// <summary>The HTML side of export: escaping, the inlined plotly.js, and the script that draws figures.</summary>
internal static class Html
{
    /// <summary>Text for an HTML element or a quoted attribute value.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// JSON made safe inside a <c>&lt;script&gt;</c> element: '&lt;', '&gt;', '&amp;', U+2028 and U+2029 become \u escapes,
    /// so no string in it can close the script element or open a comment. Every one of them can only stand inside a JSON
    /// string, where the escape means the same character.
    /// </summary>
    public static string ScriptJson(string json)
    {
        var builder = new StringBuilder(json.Length + 64);
        foreach (var c in json)
        {
            builder.Append(c switch
            {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u2028' => "\\u2028",
                '\u2029' => "\\u2029",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>The figure as plotly.js takes it: <c>{"data": [...], "layout": {...}}</c>, from Plotly.NET's figure JSON.</summary>
    public static JsonObject Figure(GenericChart chart)
    {
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        return new JsonObject
        {
            ["data"] = figure["data"]?.DeepClone() ?? new JsonArray(),
            ["layout"] = figure["layout"]?.DeepClone() ?? new JsonObject(),
        };
    }

    /// <summary>plotly.js as shipped inside Plotly.NET (what its <c>PlotlyJSReference.Full</c> inlines).</summary>
    public static string PlotlyJs => PlotlyJsSource.Value;

    private static readonly Lazy<string> PlotlyJsSource = new(() =>
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Plotly.NET no longer embeds plotly.js; Parley cannot write offline HTML.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    /// <summary>The version of the inlined plotly.js ("2.28.0").</summary>
    public static string PlotlyJsVersion =>
        typeof(GenericChart).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            .Select(n => n["Plotly.NET.plotly-".Length..^".min.js".Length]).FirstOrDefault() ?? "unknown";

    /// <summary>A nonce derived from the page content: reproducible, and not guessable by text inside the page.</summary>
    public static string Nonce(string content) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..22];

    /// <summary>
    /// The Content-Security-Policy of every page Parley writes: nothing is loaded from anywhere, and only scripts carrying
    /// the page's nonce run, so even a failure of escaping could not run an injected script or event handler.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'none'; script-src 'nonce-{nonce}' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

    /// <summary>Figure data blocks plus the one script that draws them and opens http(s) links on click.</summary>
    public static void WriteFigures(StringBuilder page, IReadOnlyList<(string Id, JsonObject Figure)> figures, string nonce)
    {
        foreach (var (id, figure) in figures)
        {
            page.Append("<script type=\"application/json\" id=\"").Append(Escape(id)).Append("-figure\">")
                .Append(ScriptJson(figure.ToJsonString(JsonOptions))).Append("</script>\n");
        }
        page.Append("<script nonce=\"").Append(nonce).Append("\">\n").Append(DrawScript).Append("</script>\n");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private const string DrawScript = """
        (function () {
          var config = { responsive: true, displaylogo: false };
          document.querySelectorAll('div.parley-chart').forEach(function (el) {
            var block = document.getElementById(el.id + '-figure');
            if (!block) return;
            var figure = JSON.parse(block.textContent);
            Plotly.newPlot(el, figure.data, figure.layout, config).then(function (gd) {
              gd.on('plotly_click', function (event) {
                var point = event && event.points && event.points[0];
                var url = point && point.customdata;
                if (typeof url === 'string' && /^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener');
              });
              el.setAttribute('data-drawn', 'true');
            });
          });
        })();

        """;
}
