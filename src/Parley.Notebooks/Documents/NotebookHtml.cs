using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parley.Notebooks.Kernel;

namespace Parley.Notebooks.Documents;

/// <summary>
/// Renders an executed notebook as one self-contained HTML file: code, markdown, text, tables and charts, readable
/// offline. Charts are drawn from their <c>application/vnd.plotly.v1+json</c> bundle with plotly.js inlined once
/// (the copy Plotly.NET ships), so no CDN is needed.
/// </summary>
internal static partial class NotebookHtml
{
    public static string Render(NotebookDocument document)
    {
        var body = new StringBuilder();
        var plotCount = 0;
        foreach (var cell in document.Cells)
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    body.Append("<section class=\"markdown\">").Append(Markdown(cell.Source)).Append("</section>\n");
                    break;
                case CellKind.Raw:
                    body.Append("<pre class=\"raw\">").Append(Encode(cell.Source)).Append("</pre>\n");
                    break;
                default:
                    body.Append("<section class=\"cell\">");
                    body.Append("<div class=\"prompt\">").Append(cell.ExecutionCount is { } n ? $"[{n}]" : "[ ]").Append("</div>");
                    body.Append("<pre class=\"source\"><code>").Append(Encode(cell.Source)).Append("</code></pre>");
                    foreach (var output in cell.Outputs)
                    {
                        body.Append(RenderOutput(output, ref plotCount));
                    }
                    body.Append("</section>\n");
                    break;
            }
        }
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(Encode(document.Name)).Append("</title>\n");
        html.Append("<style>").Append(Css).Append("</style>\n");
        if (plotCount > 0)
        {
            html.Append("<script>").Append(PlotlyJs.Value.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Append("</script>\n");
        }
        html.Append("</head>\n<body>\n<main>\n").Append(body).Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string RenderOutput(JsonObject output, ref int plotCount)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() == "stderr" ? "stderr" : "stdout";
                return $"<pre class=\"output {name}\">{Encode(NotebookReader.JoinSource(output["text"]))}</pre>";
            case "error":
                var lines = (output["traceback"] as JsonArray)?.Select(l => l?.GetValue<string>() ?? "") ?? [];
                var text = $"{output["ename"]?.GetValue<string>()}: {output["evalue"]?.GetValue<string>()}\n{string.Join('\n', lines)}";
                return $"<pre class=\"output error\">{Encode(StripAnsi(text))}</pre>";
            case "display_data" or "execute_result" or "update_display_data":
                if (output["data"] is not JsonObject data)
                {
                    return "";
                }
                if (data[ChartFormatting.PlotlyMimeType] is JsonObject figure)
                {
                    var id = $"plot-{++plotCount}";
                    var json = figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
                    return $"<div class=\"output plot\" id=\"{id}\"></div><script>(function(){{var f={json};Plotly.newPlot('{id}',f.data,f.layout||{{}},{{responsive:true}});}})();</script>";
                }
                if (data["text/html"] is { } htmlNode)
                {
                    return $"<div class=\"output html\">{NotebookReader.JoinSource(htmlNode)}</div>";
                }
                if (data["image/svg+xml"] is { } svg)
                {
                    return $"<div class=\"output image\">{NotebookReader.JoinSource(svg)}</div>";
                }
                if (data["image/png"] is { } png)
                {
                    return $"<div class=\"output image\"><img alt=\"\" src=\"data:image/png;base64,{NotebookReader.JoinSource(png).Trim()}\"></div>";
                }
                return data["text/plain"] is { } plain ? $"<pre class=\"output text\">{Encode(NotebookReader.JoinSource(plain))}</pre>" : "";
            default:
                return "";
        }
    }

    /// <summary>A small Markdown subset: headings, paragraphs, bullet and numbered lists, code blocks, emphasis, code and links.</summary>
    internal static string Markdown(string source)
    {
        var html = new StringBuilder();
        var paragraph = new List<string>();
        string? list = null;
        var inCode = false;
        var code = new StringBuilder();

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>\n");
                paragraph.Clear();
            }
        }

        void CloseList()
        {
            if (list is not null)
            {
                html.Append("</").Append(list).Append(">\n");
                list = null;
            }
        }

        foreach (var raw in source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (inCode)
                {
                    html.Append("<pre><code>").Append(Encode(code.ToString())).Append("</code></pre>\n");
                    code.Clear();
                    inCode = false;
                }
                else
                {
                    FlushParagraph();
                    CloseList();
                    inCode = true;
                }
                continue;
            }
            if (inCode)
            {
                code.Append(raw).Append('\n');
                continue;
            }
            if (line.Length == 0)
            {
                FlushParagraph();
                CloseList();
                continue;
            }
            if (Heading().Match(line) is { Success: true } h)
            {
                FlushParagraph();
                CloseList();
                var level = h.Groups[1].Value.Length;
                html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<h{level}>{Inline(h.Groups[2].Value)}</h{level}>\n");
                continue;
            }
            if (ListItem().Match(line) is { Success: true } item)
            {
                FlushParagraph();
                var kind = char.IsDigit(item.Groups[1].Value[0]) ? "ol" : "ul";
                if (list != kind)
                {
                    CloseList();
                    html.Append('<').Append(kind).Append(">\n");
                    list = kind;
                }
                html.Append("<li>").Append(Inline(item.Groups[2].Value)).Append("</li>\n");
                continue;
            }
            CloseList();
            paragraph.Add(line.Trim());
        }
        if (inCode)
        {
            html.Append("<pre><code>").Append(Encode(code.ToString())).Append("</code></pre>\n");
        }
        FlushParagraph();
        CloseList();
        return html.ToString();
    }

    private static string Inline(string text)
    {
        var encoded = Encode(text);
        encoded = InlineCode().Replace(encoded, "<code>$1</code>");
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        encoded = Italic().Replace(encoded, "<em>$1</em>");
        return Link().Replace(encoded, m =>
        {
            var href = m.Groups[2].Value;
            return href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) ? m.Groups[1].Value : $"<a href=\"{href}\">{m.Groups[1].Value}</a>";
        });
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string StripAnsi(string text) => Ansi().Replace(text, "");

    private static readonly Lazy<string> PlotlyJs = new(() =>
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".min.js", StringComparison.Ordinal) && n.Contains("plotly", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Plotly.NET does not embed plotly.js; offline charts need it.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#fafafa;color:#1d1d1f}
        main{max-width:1100px;margin:0 auto;padding:1.5rem}
        .cell{display:grid;grid-template-columns:3.5rem 1fr;gap:.25rem .5rem;margin:1rem 0}
        .cell>*:not(.prompt){grid-column:2}
        .prompt{grid-row:1;color:#888;font:12px monospace;padding-top:.6rem;text-align:right}
        pre{margin:0;white-space:pre-wrap;word-break:break-word;font:13px/1.4 ui-monospace,Menlo,Consolas,monospace}
        .source{background:#f0f2f5;border:1px solid #dde;padding:.5rem;border-radius:4px}
        .output{padding:.25rem .5rem;overflow-x:auto}
        .stderr{background:#fff4e5}.error{background:#fdecea;color:#8a1c1c}
        .markdown{line-height:1.5}.markdown code{background:#eef;padding:0 .2em}
        table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}
        .plot{min-height:420px}
        """;

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![*\w])\*([^*]+)\*(?![*\w])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();
}
