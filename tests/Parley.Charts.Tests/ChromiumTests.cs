using System.Diagnostics;
using System.Text.RegularExpressions;
using Parley.Charts;
using Parley.Statements;
using Parley.Testing;

namespace Parley.Charts.Tests;

[CollectionDefinition("processes", DisableParallelization = true)]
public sealed class ProcessesCollection;

/// <summary>Renders what Parley writes in the real headless Chromium: charts must draw, injected text must not run.</summary>
[Collection("processes")]
public class ChromiumTests
{
    private static string ChromiumOrSkip()
    {
        var path = Environment.GetEnvironmentVariable("PARLEY_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        if (File.Exists(path)) return path;
        var message = $"CHROMIUM NOT FOUND at {path}: the browser checks of the report (charts draw, injected text runs nothing) " +
                      "did NOT run. Install it with `apt-get install chromium` (CI's .ci/run does and sets PARLEY_REQUIRE_CHROMIUM=1).";
        if (Environment.GetEnvironmentVariable("PARLEY_REQUIRE_CHROMIUM") == "1") Assert.Fail(message);
        Assert.Skip(message);
        return path;
    }

    private static async Task<string> RunChromiumAsync(string chromium, string userDataDir, params string[] args)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={userDataDir}",
                 })
            start.ArgumentList.Add(flag);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish: {await stderr}");
        }
        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    private static IReadOnlyList<Statement> Corpus()
    {
        var monday = new DateOnly(2025, 3, 3);
        var list = new List<Statement>();
        string[] stances = ["oppose", "neutral", "support"];
        int n = 0;
        foreach (var party in new[] { "United States", "Russia", "Ukraine", "Europe" })
        foreach (var issue in new[] { "ceasefire", "nato", "territory" })
        for (int week = 0; week < 4; week++)
        {
            n++;
            list.Add(Some.Statement(party: party, issue: issue, stance: stances[(n * 7 + week) % 3], score: 0.6 + (n % 4) / 10.0,
                date: monday.AddDays(7 * week + n % 5), text: $"Test remark {n} on {issue}.", speaker: $"Speaker {party}",
                site: n % 2 == 0 ? "Outlet A" : "Outlet B", articleId: $"a{n}"));
        }
        list.Add(EscapingTests.Hostile());
        return list;
    }

    [Fact]
    public async Task Report_draws_every_chart_offline_and_hostile_text_runs_nothing()
    {
        var chromium = ChromiumOrSkip();
        using var dir = new TempDir();
        using var profile = new TempDir();
        var result = await Report.WriteAsync(Corpus(), dir.Path, new ReportOptions { Title = "Browser check" }, TestContext.Current.CancellationToken);

        var dom = await RunChromiumAsync(chromium, profile.Path, "--virtual-time-budget=15000", "--dump-dom", new Uri(result.ReportPath).AbsoluteUri);

        Assert.Equal(4, result.Charts);
        Assert.Equal(result.Charts, Regex.Matches(dom, "data-drawn=\"true\"").Count);
        Assert.Equal(result.Charts, Regex.Matches(dom, "class=\"plot-container plotly\"").Count);
        Assert.True(Regex.Matches(dom, "class=\"main-svg\"").Count >= result.Charts, "every chart has at least one plotly SVG");
        Assert.Matches("<title>Browser check</title>", dom);
        Assert.DoesNotContain("pwned</title>", dom);
        Assert.DoesNotContain("<img src=\"x\"", dom);
        Assert.Contains("He said &lt;script&gt;document.title='pwned'&lt;/script&gt; and &lt;img src=x onerror=\"document.title='pwned'\"&gt;", dom);
    }

    [Fact]
    public async Task Report_screenshot_is_a_rendered_page()
    {
        var chromium = ChromiumOrSkip();
        using var dir = new TempDir();
        using var profile = new TempDir();
        var result = await Report.WriteAsync(Corpus(), dir.Path, ct: TestContext.Current.CancellationToken);
        var shot = Path.Combine(dir.Path, "screenshot.png");

        await RunChromiumAsync(chromium, profile.Path, "--virtual-time-budget=15000", "--window-size=1280,2400",
            $"--screenshot={shot}", new Uri(result.ReportPath).AbsoluteUri);

        var bytes = await File.ReadAllBytesAsync(shot, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        // A blank 1280×2400 page compresses to a few kilobytes; drawn charts and tables do not.
        Assert.True(bytes.Length > 100_000, $"screenshot is only {bytes.Length} bytes: the page looks empty");
    }

    [Fact]
    public async Task Png_export_goes_through_ImageExport_with_the_system_chromium()
    {
        var chromium = ChromiumOrSkip();
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "heatmap.png");

        var png = await ChartExport.SavePngAsync(ParleyCharts.Heatmap(Corpus()), path, 800, 400, chromium, TestContext.Current.CancellationToken);

        Assert.True(png.Succeeded, png.Error);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Equal(800, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(400, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}

public class PngWithoutChromiumTests
{
    [Fact]
    public async Task Missing_chromium_is_a_clear_error_value_and_nothing_is_downloaded()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "x.png");

        var png = await ChartExport.SavePngAsync(ParleyCharts.Scatter([Some.Statement()]), path, chromium: "/nonexistent/chromium",
            ct: TestContext.Current.CancellationToken);

        Assert.False(png.Succeeded);
        Assert.Contains("/nonexistent/chromium", png.Error);
        Assert.Contains("apt-get install chromium", png.Error);
        Assert.Contains("never downloads", png.Error);
        Assert.False(File.Exists(path));
    }
}
