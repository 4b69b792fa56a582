using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Parley.Articles;
using Parley.Fetching;
using Parley.Fetching.Archive;

namespace Parley.Benchmarks.Fetching;

/// <summary>What the fetch benchmark measured.</summary>
/// <param name="Pages">Pages asked for.</param>
/// <param name="Fetched">Pages fetched and archived.</param>
/// <param name="Extracted">Pages extracted to an article.</param>
/// <param name="Failed">Pages that failed to fetch.</param>
/// <param name="Elapsed">Wall time from first request to last result.</param>
/// <param name="MaxPerHostPerSecond">The most requests any one host received in any one-second window (server clock).</param>
/// <param name="ArchiveBytes">Size of the WARC files written.</param>
/// <param name="PeakWorkingSetBytes">Peak resident memory of the process.</param>
public sealed record FetchBenchmarkResult(int Pages, int Fetched, int Extracted, int Failed, TimeSpan Elapsed,
    int MaxPerHostPerSecond, long ArchiveBytes, long PeakWorkingSetBytes)
{
    /// <summary>Processor time of the whole process (servers and client, all threads) during the timed round.</summary>
    public TimeSpan ProcessorTime { get; init; }

    /// <summary>Time the garbage collector paused the process during the timed round.</summary>
    public TimeSpan GcPause { get; init; }

    /// <summary>Garbage collections of generations 0, 1 and 2 during the timed round.</summary>
    public IReadOnlyList<int> Collections { get; init; } = [0, 0, 0];

    /// <summary>Pages fetched, archived and extracted per second.</summary>
    public double PagesPerSecond => Extracted / Elapsed.TotalSeconds;
}

/// <summary>
/// Serves real pages from a dataset folder on several loopback hosts (one Kestrel port each) and fetches them with
/// <see cref="PageFetcher"/>, archiving to WARC and extracting each, to measure end-to-end fetch throughput and check
/// that per-host rate limits hold.
/// </summary>
public static class FetchBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    /// <param name="pagesDirectory">A folder of <c>*.html</c> or <c>*.html.gz</c> pages.</param>
    /// <param name="pages">How many page requests to make (pages are reused round-robin).</param>
    /// <param name="hosts">How many loopback hosts (ports) serve the pages.</param>
    /// <param name="options">Fetch options (per-host rate and connections).</param>
    /// <param name="extractor">Extracts each fetched page (as <see cref="PageFetcher.FetchAndExtractAsync"/> does, on every core); null to fetch and archive only.</param>
    /// <param name="warmUp">Runs one untimed round over the distinct pages first.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<FetchBenchmarkResult> RunAsync(string pagesDirectory, int pages, int hosts, FetchOptions options,
        ArticleExtractor? extractor, bool warmUp = true, CancellationToken ct = default)
    {
        var bodies = Directory.EnumerateFiles(pagesDirectory, "*.htm*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(Read).ToArray();
        if (bodies.Length == 0) throw new InvalidOperationException($"No .html or .html.gz pages in {pagesDirectory}.");

        var requestTimes = new ConcurrentDictionary<int, ConcurrentBag<long>>();
        var clock = Stopwatch.StartNew();
        var servers = new List<WebApplication>();
        var workDir = Path.Combine(Path.GetTempPath(), "parley-bench-fetch-" + Guid.NewGuid().ToString("N"));
        var archiveDir = Path.Combine(workDir, "archive");
        try
        {
            for (int h = 0; h < hosts; h++)
            {
                // An empty content root and no configuration reload: otherwise each server watches the working
                // directory (and the archive being written) with a FileSystemWatcher, which costs the client CPU.
                var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
                {
                    ContentRootPath = Directory.CreateDirectory(Path.Combine(workDir, "server")).FullName,
                    Args = ["--hostBuilder:reloadConfigOnChange=false"],
                });
                builder.Logging.ClearProviders();
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                var app = builder.Build();
                int host = h;
                app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\n", "text/plain"));
                app.MapGet("/p/{n:int}", (int n) =>
                {
                    requestTimes.GetOrAdd(host, _ => []).Add(clock.ElapsedTicks);
                    return Results.Bytes(bodies[n % bodies.Length], "text/html; charset=utf-8");
                });
                await app.StartAsync(ct);
                servers.Add(app);
            }
            Uri Page(int i) => new($"{servers[i % hosts].Urls.First()}/p/{i}");
            // Warm-up: one untimed round over the distinct pages (own fetcher and archive, so neither the rate limits
            // nor the archive carry over), so that the timed round measures steady state rather than the JIT.
            if (warmUp)
            {
                var warmUpUrls = Enumerable.Range(0, Math.Min(pages, bodies.Length)).Select(Page).ToList();
                await RoundAsync(warmUpUrls, options, Path.Combine(workDir, "warm-up"), extractor, ct);
                requestTimes.Clear();
            }
            var urls = Enumerable.Range(0, pages).Select(Page).ToList();

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var pause = GC.GetTotalPauseDuration();
            int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var started = Stopwatch.StartNew();
            var (fetched, extracted, failed) = await RoundAsync(urls, options, archiveDir, extractor, ct);
            started.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            pause = GC.GetTotalPauseDuration() - pause;
            for (int g = 0; g < 3; g++) collections[g] = GC.CollectionCount(g) - collections[g];
            long archiveBytes = Directory.EnumerateFiles(archiveDir, "*.warc.gz").Sum(f => new FileInfo(f).Length);
            return new FetchBenchmarkResult(pages, fetched, extracted, failed, started.Elapsed,
                MaxPerSecond(requestTimes.Values), archiveBytes, Process.GetCurrentProcess().PeakWorkingSet64)
            {
                ProcessorTime = cpu,
                GcPause = pause,
                Collections = collections,
            };
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
            if (Directory.Exists(workDir)) Directory.Delete(workDir, recursive: true);
        }
    }

    private static async Task<(int Fetched, int Extracted, int Failed)> RoundAsync(IReadOnlyList<Uri> urls, FetchOptions options,
        string archiveDir, ArticleExtractor? extractor, CancellationToken ct)
    {
        int fetched = 0, extracted = 0, failed = 0;
        using var archive = WarcArchive.Open(archiveDir);
        using var fetcher = PageFetcher.Create(options with { Revalidate = false }, archive);
        var results = extractor is null
            ? fetcher.FetchAllAsync(urls, ct).Select(r => new FetchedArticle(r, null))
            : fetcher.FetchAndExtractAsync(urls, extractor, ct: ct);
        await foreach (var (page, extraction) in results)
        {
            if (page.Outcome == FetchOutcome.Fetched)
            {
                fetched++;
                if (extractor is null || extraction?.Succeeded == true) extracted++;
            }
            else if (page.Outcome == FetchOutcome.Failed) failed++;
        }
        return (fetched, extracted, failed);
    }

    private static int MaxPerSecond(IEnumerable<ConcurrentBag<long>> hosts)
    {
        int max = 0;
        foreach (var bag in hosts)
        {
            var times = bag.Order().ToArray();
            int lo = 0;
            for (int hi = 0; hi < times.Length; hi++)
            {
                while (times[hi] - times[lo] >= Stopwatch.Frequency) lo++;
                max = Math.Max(max, hi - lo + 1);
            }
        }
        return max;
    }

    private static byte[] Read(string path)
    {
        using var file = File.OpenRead(path);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return File.ReadAllBytes(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
