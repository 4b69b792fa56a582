using System.Globalization;
using System.Net;
using System.Text;
using Plotly.NET;

namespace Parley.Charts;

/// <summary>Small builders for Plotly figures: traces and layout objects as dynamic objects, exactly as plotly.js names them.</summary>
/// <remarks>
/// Every piece of text that comes from articles goes through <see cref="Text"/> before it reaches a figure: plotly.js
/// reads a subset of HTML in labels and hover text, so the text is HTML-encoded (it shows as typed and is never markup),
/// and no '&lt;' from an article ever appears in the figure JSON.
/// </remarks>
internal static class Figure
{
    public static Trace Trace(string type, params (string Name, object? Value)[] properties)
    {
        var trace = new Trace2D(type);
        foreach (var (name, value) in properties)
            if (value is not null) trace.SetProperty(name, value);
        return trace;
    }

    public static DynamicObj.DynamicObj Obj(params (string Name, object? Value)[] properties)
    {
        var obj = new DynamicObj.DynamicObj();
        foreach (var (name, value) in properties)
            if (value is not null) obj.SetProperty(name, value);
        return obj;
    }

    public static GenericChart Chart(IEnumerable<Trace> traces, DynamicObj.DynamicObj layout)
    {
        var chart = GenericChart.ofTraceObjects(false, traces.ToList());
        var plotlyLayout = new Layout();
        foreach (var name in layout.GetPropertyNames(false))
            plotlyLayout.SetProperty(name, layout.GetPropertyValue(name));
        return GenericChart.setLayout(plotlyLayout, chart);
    }

    /// <summary>Article text made safe for plotly labels: HTML-encoded, line breaks as &lt;br&gt;.</summary>
    public static string Text(string? text) =>
        WebUtility.HtmlEncode(text ?? "").Replace("\r\n", "<br>").Replace("\n", "<br>");

    /// <summary>Article text for a hover box: encoded, wrapped at about <paramref name="width"/> characters, cut at <paramref name="max"/>.</summary>
    public static string Wrapped(string? text, int width = 70, int max = int.MaxValue)
    {
        text = (text ?? "").Trim();
        if (text.Length > max) text = text[..max].TrimEnd() + "…";
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return string.Join("<br>", lines.Select(l => WebUtility.HtmlEncode(l)));
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>A CSS colour with an alpha: "#d62728" → "rgba(214,39,40,0.15)"; other forms pass through.</summary>
    public static string Transparent(string color, double alpha)
    {
        if (color.Length == 7 && color[0] == '#' &&
            int.TryParse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int rgb))
            return string.Create(CultureInfo.InvariantCulture, $"rgba({(rgb >> 16) & 255},{(rgb >> 8) & 255},{rgb & 255},{alpha})");
        return color;
    }

    /// <summary>An http(s) link for click-through, or null: other schemes (javascript:, data:) are never links.</summary>
    public static string? Link(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
}
