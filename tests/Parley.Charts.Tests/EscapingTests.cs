using System.Text.RegularExpressions;
using Parley.Charts;
using Parley.Statements;
using Parley.Testing;

namespace Parley.Charts.Tests;

public class EscapingTests
{
    internal const string HostileQuote =
        "He said <script>document.title='pwned'</script> and <img src=x onerror=\"document.title='pwned'\"> then </script><!-- \u2028";

    internal static Statement Hostile() => Some.Statement(articleId: "evil", text: HostileQuote, site: "<b onmouseover=alert(1)>Outlet</b>",
        speaker: "<i>Mallory</i>") with { Url = "javascript:document.title='pwned'" };

    [Fact]
    public void Script_json_cannot_close_its_script_element()
    {
        var json = Html.ScriptJson("{\"t\":\"</script><script>x()</script>&\u2028\u2029\"}");

        Assert.Equal("{\"t\":\"\\u003c/script\\u003e\\u003cscript\\u003ex()\\u003c/script\\u003e\\u0026\\u2028\\u2029\"}", json);
    }

    [Fact]
    public void Figure_json_carries_article_text_only_html_encoded()
    {
        var json = ChartExport.FigureJson(ParleyCharts.Scatter([Hostile()]));

        Assert.DoesNotContain("<script", json);
        Assert.DoesNotContain("<img", json);
        Assert.DoesNotContain("<b onmouseover", json);
        Assert.Contains("&lt;img", json);
        Assert.Contains("onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;", json);
    }

    [Fact]
    public void Javascript_urls_never_become_click_through_links()
    {
        var json = ChartExport.FigureJson(ParleyCharts.Scatter([Hostile()]));

        Assert.DoesNotContain("javascript:", json);
    }

    [Fact]
    public async Task Report_shows_hostile_text_as_text_and_every_script_is_its_own()
    {
        using var dir = new TempDir();
        var result = await Report.WriteAsync([Hostile(), Some.Statement(articleId: "ok")], dir.Path,
            new ReportOptions { ModelCard = new { Name = "<script>card</script>", Accuracy = 0.8 } }, TestContext.Current.CancellationToken);
        var html = await File.ReadAllTextAsync(result.ReportPath, TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script>document.title", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<script>card", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.Contains("He said &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; and &lt;img src=x onerror=", html);
        Assert.Contains("&lt;script&gt;card&lt;/script&gt;", html);

        // Every script element is Parley's: a nonce'd script or an inert JSON data block; none was opened by article text.
        var opens = Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.All(opens, tag => Assert.Matches("^<script (nonce=\"[A-Za-z0-9+/]{22}\"|type=\"application/json\" id=\"[a-z]+-figure\")>$", tag));
        Assert.Equal(opens.Count, Regex.Matches(html, "</script>").Count);
        Assert.Contains("Content-Security-Policy", html);
    }

    [Fact]
    public async Task Statements_csv_guards_text_against_spreadsheet_formulas()
    {
        using var dir = new TempDir();
        var result = await Report.WriteAsync([Some.Statement(text: "=HYPERLINK(\"http://x\",\"y\")")], dir.Path, ct: TestContext.Current.CancellationToken);
        var csv = await File.ReadAllTextAsync(Path.Combine(dir.Path, "statements.csv"), TestContext.Current.CancellationToken);

        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n", csv);
        Assert.Equal(4, result.Files.Count);
    }
}

internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
