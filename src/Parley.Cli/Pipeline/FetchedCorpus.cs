using System.Security.Cryptography;
using System.Text;
using Parley.Fetching;
using Parley.Fetching.Archive;
using Parley.Fetching.Sources;
using Spectre.Console;

namespace Parley.Cli.Pipeline;

/// <summary>
/// Turns URLs, feeds and sitemaps into a corpus folder for <c>parley run</c>: every response is archived as WARC in
/// <c>&lt;out&gt;/archive</c> (the exact copy), and each fetched page's body is written to
/// <c>&lt;out&gt;/pages/&lt;host&gt;/&lt;hash&gt;.html</c> with a manifest (<c>urls.tsv</c>) that gives every file
/// the URL it came from, so articles keep their address.
/// </summary>
internal static class FetchedCorpus
{
    public const string ManifestName = "urls.tsv";

    /// <summary>What fetching the sources came to.</summary>
    public sealed record Result(string Corpus, int Listed, int Pages, int Skipped, int Failed, IReadOnlyList<string> Problems);

    public static async Task<Result> FetchAsync(SourceSet sources, string outDir, IAnsiConsole console, CancellationToken ct)
    {
        var pagesDir = Path.Combine(outDir, "pages");
        Directory.CreateDirectory(pagesDir);
        var manifest = ReadManifest(pagesDir).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        using var archive = WarcArchive.Open(Path.Combine(outDir, "archive"));
        using var fetcher = PageFetcher.Create(new FetchOptions(), archive);
        var listing = await sources.ListAsync(fetcher, ct);
        var problems = listing.Problems.ToList();
        int pages = 0, skipped = 0, failed = 0;
        await console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask("fetching", maxValue: Math.Max(1, listing.Urls.Count));
            await foreach (var result in fetcher.FetchAllAsync(listing.Urls.Select(u => u.Url), ct))
            {
                task.Increment(1);
                switch (result.Outcome)
                {
                    case FetchOutcome.Fetched or FetchOutcome.NotModified:
                        var file = Path.Combine(pagesDir, Safe(result.Url.Host), Hash(result.Url.AbsoluteUri) + ".html");
                        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                        await File.WriteAllBytesAsync(file, result.Body.ToArray(), ct);
                        manifest[Path.GetFullPath(file)] = result.Url.AbsoluteUri;
                        pages++;
                        break;
                    case FetchOutcome.Skipped:
                        skipped++;
                        break;
                    default:
                        failed++;
                        problems.Add($"{result.RequestedUrl}: {result.Message}");
                        break;
                }
            }
        });
        await File.WriteAllLinesAsync(Path.Combine(pagesDir, ManifestName),
            manifest.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{Path.GetRelativePath(pagesDir, kv.Key)}\t{kv.Value}"), ct);
        return new Result(pagesDir, listing.Urls.Count, pages, skipped, failed, problems);
    }

    /// <summary>Full path of each fetched page → the URL it came from (empty when the folder has no manifest).</summary>
    public static IReadOnlyDictionary<string, string> ReadManifest(string corpus)
    {
        var path = Path.Combine(corpus, ManifestName);
        if (!File.Exists(path)) return new Dictionary<string, string>();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var tab = line.IndexOf('\t');
            if (tab > 0) map[Path.GetFullPath(Path.Combine(corpus, line[..tab]))] = line[(tab + 1)..];
        }
        return map;
    }

    private static string Hash(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..24];

    private static string Safe(string host) => string.Concat(host.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
}
