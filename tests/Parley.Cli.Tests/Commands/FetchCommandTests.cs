using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Parley.Cli.Tests.Run;

namespace Parley.Cli.Tests.Commands;

[Collection("processes")]
public sealed class FetchCommandTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("parley-fetch-cli-").FullName;
    // HttpListener, not Kestrel: an ASP.NET framework reference here would leave the parley program beside the tests
    // without the Microsoft.Extensions assemblies it needs when run as its own process.
    private readonly HttpListener _site = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _serving = Task.CompletedTask;
    private string _base = "";

    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><title>{title}</title></head><body><nav><a href=\"/\">Home</a></nav>" +
        $"<article><h1>{title}</h1><p>{body}</p><p>Officials said the next round would follow within a week.</p></article></body></html>";

    private static (int Status, string Type, string Body) Respond(string path) => path switch
    {
        "/robots.txt" => (200, "text/plain", "User-agent: *\nDisallow: /private/\n"),
        "/news/geneva" => (200, "text/html; charset=utf-8", Page("Envoys meet in Geneva", "Envoys from Kyiv and Washington met in Geneva on Sunday to discuss a ceasefire.")),
        "/news/riyadh" => (200, "text/html; charset=utf-8", Page("Talks move to Riyadh", "Delegations travelled to Riyadh on Monday for talks on a maritime truce.")),
        "/private/draft" => (200, "text/html", Page("Draft", "Not for crawlers.")),
        _ => (404, "text/plain", "not found"),
    };

    public ValueTask InitializeAsync()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _base = $"http://127.0.0.1:{port}";
        _site.Prefixes.Add(_base + "/");
        _site.Start();
        _serving = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await _site.GetContextAsync(); }
                catch (Exception) when (_stop.IsCancellationRequested) { return; }
                var (status, type, body) = Respond(context.Request.Url!.AbsolutePath);
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = type;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _site.Stop();
        try { await _serving; } catch (Exception) { /* the listener is gone */ }
        _site.Close();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Fetch_with_extract_writes_an_article_per_page_an_error_per_failure_and_archives_what_it_fetched()
    {
        var urls = Path.Combine(_work, "urls.txt");
        await File.WriteAllLinesAsync(urls, [
            "# peace talks coverage",
            $"{_base}/news/geneva?utm_source=newsletter",
            $"{_base}/news/riyadh",
            $"{_base}/news/missing",
            $"{_base}/private/draft",
            $"{_base}/news/geneva",
        ], TestContext.Current.CancellationToken);

        var run = await ParleyProcess.RunAsync(_work, null, "fetch", "--urls", urls, "--archive", "archive", "--extract");

        Assert.Equal(1, run.ExitCode);
        var records = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal("Envoys meet in Geneva", records[0].GetProperty("title").GetString());
        Assert.Equal($"{_base}/news/geneva", records[0].GetProperty("url").GetString());
        Assert.Equal("Talks move to Riyadh", records[1].GetProperty("title").GetString());
        Assert.Contains("HTTP 404", records[2].GetProperty("error").GetString());
        Assert.Contains("urls 4: fetched 2, not modified 0, skipped 1, failed 1", run.Stderr);
        Assert.Contains("1 duplicate URL(s) merged", run.Stderr);
        Assert.Single(Directory.GetFiles(Path.Combine(_work, "archive"), "*.warc.gz"));

        var again = await ParleyProcess.RunAsync(_work, null, "extract", "archive");
        Assert.Equal(0, again.ExitCode);
        var titles = again.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("title").GetString()).Order(StringComparer.Ordinal).ToList();
        // The archive holds pages in the order their fetches finished (two connections per host), not the input order.
        Assert.Equal(["Envoys meet in Geneva", "Talks move to Riyadh"], titles);
    }
}
