using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Parley.Tests.Fetching;

/// <summary>An in-process Kestrel site on 127.0.0.1 serving pages, feeds, sitemaps and faults.</summary>
internal sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentDictionary<string, int> _bodies = new();
    private static readonly Lazy<byte[]> Bomb = new(() =>
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) gzip.Write(zeros); // 200 MiB of zeros, about 200 KiB compressed
        }
        return memory.ToArray();
    });

    private LoopbackSite(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A page number whose request hangs until the client gives up: a deterministic interruption point.</summary>
    public int? HangingPage { get; set; }

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>Requests received for a path (robots.txt included under its own path).</summary>
    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>Full 200 bodies sent for a path (304s not counted).</summary>
    public int BodiesSent(string path) => _bodies.GetValueOrDefault(path);

    public static async Task<LoopbackSite> StartAsync(string robots = "User-agent: *\nDisallow: /private/\n")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new LoopbackSite(app);
        app.Use(async (context, next) =>
        {
            site._hits.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            await next(context);
            if (context.Response.StatusCode == 200) site._bodies.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
        });
        app.MapGet("/robots.txt", () => Results.Text(robots, "text/plain"));
        app.MapGet("/page/{n}", async (HttpContext context, int n) =>
        {
            if (n == site.HangingPage) await Task.Delay(Timeout.Infinite, context.RequestAborted);
            var etag = $"\"page-{n}-v1\"";
            if (context.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(304);
            context.Response.Headers.ETag = etag;
            return Results.Text(Page($"Talks resume, part {n}", $"Negotiators met for round {n}."), "text/html; charset=utf-8");
        });
        app.MapGet("/private/secret", () => Results.Text(Page("Secret", "Nobody should fetch this."), "text/html"));
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(300, ct);
            return Results.Text(Page("Slow", "Worth the wait."), "text/html");
        });
        app.MapGet("/hang", async (CancellationToken ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Results.Ok();
        });
        app.MapGet("/hang-body", async (HttpContext context, CancellationToken ct) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><p>The first half", ct);
            await context.Response.Body.FlushAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        int flaky = 0, limited = 0;
        app.MapGet("/flaky", () => Interlocked.Increment(ref flaky) == 1
            ? Results.StatusCode(500)
            : Results.Text(Page("Flaky", "Second time lucky."), "text/html"));
        app.MapGet("/limited", (HttpContext context) =>
        {
            if (Interlocked.Increment(ref limited) == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }
            return Results.Text(Page("Limited", "Served after waiting."), "text/html");
        });
        app.MapGet("/always-500", () => Results.StatusCode(500));
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/loop-a", () => Results.Redirect("/loop-b"));
        app.MapGet("/loop-b", () => Results.Redirect("/loop-a"));
        app.MapGet("/to-file", () => Results.Redirect("file:///etc/passwd"));
        app.MapGet("/to-page", () => Results.Redirect("/page/7?utm_source=feed"));
        app.MapGet("/chain/{n}", (int n) => Results.Redirect(n > 0 ? $"/chain/{n - 1}" : "/page/0"));
        app.MapGet("/huge", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (int i = 0; i < 50 && !context.RequestAborted.IsCancellationRequested; i++)
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        });
        app.MapGet("/report.pdf", () => Results.Bytes("%PDF-1.4 not really"u8.ToArray(), "application/pdf"));
        app.MapGet("/bomb", (HttpContext context) =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(Bomb.Value, "text/html");
        });
        app.MapGet("/feed.xml", (HttpContext context) => Results.Text(Rss(site.BaseUrl), "application/rss+xml"));
        app.MapGet("/atom.xml", (HttpContext context) => Results.Text(Atom(site.BaseUrl), "application/atom+xml"));
        app.MapGet("/sitemap.xml", () => Results.Text(
            $"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{site.BaseUrl}sitemap-news.xml.gz</loc></sitemap></sitemapindex>""",
            "application/xml"));
        app.MapGet("/sitemap-news.xml.gz", () =>
        {
            var xml = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>{site.BaseUrl}page/1</loc><news:news><news:publication_date>2025-03-01T10:00:00Z</news:publication_date></news:news></url>
                  <url><loc>{site.BaseUrl}page/2</loc><news:news><news:publication_date>2025-05-01T10:00:00Z</news:publication_date></news:news></url>
                </urlset>
                """;
            using var memory = new MemoryStream();
            using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(xml));
            return Results.Bytes(memory.ToArray(), "application/x-gzip");
        });
        await app.StartAsync();
        site.BaseUrl = new Uri(app.Urls.First() + "/");
        return site;
    }

    public static string Page(string title, string paragraph) =>
        $"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{paragraph}</p></article></body></html>";

    private static string Rss(Uri b) => $"""
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Wire</title><link>{b}</link><description>d</description>
          <item><title>One</title><link>{b}page/1?utm_source=rss&amp;utm_medium=feed</link><pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate></item>
          <item><title>Two</title><link>{b}page/2#comments</link><pubDate>Thu, 01 May 2025 10:00:00 GMT</pubDate></item>
        </channel></rss>
        """;

    private static string Atom(Uri b) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2025-05-01T10:00:00Z</updated>
          <entry><title>Three</title><id>urn:3</id><link href="{b}page/3"/><updated>2025-04-01T10:00:00Z</updated></entry>
        </feed>
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
