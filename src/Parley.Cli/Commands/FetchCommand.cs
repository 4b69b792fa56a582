using System.ComponentModel;
using System.Globalization;
using Parley.Articles;
using Parley.Fetching;
using Parley.Fetching.Archive;
using Parley.Fetching.Sources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley fetch</c>: fetch pages politely from URLs, URL lists, feeds and sitemaps into a WARC archive,
/// optionally extracting articles.</summary>
internal sealed class FetchCommand : AsyncCommand<FetchCommand.Settings>
{
    /// <summary>Options of <c>parley fetch</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[urls]")]
        [Description("Page URLs to fetch.")]
        public string[] Urls { get; init; } = [];

        [CommandOption("--urls <FILE>")]
        [Description("A file of URLs, one per line; blank lines and # comments are ignored.")]
        public string[] UrlFiles { get; init; } = [];

        [CommandOption("--feed <URL>")]
        [Description("An RSS 2.0 or Atom feed whose items are fetched (repeatable).")]
        public string[] Feeds { get; init; } = [];

        [CommandOption("--sitemap <URL>")]
        [Description("A sitemap, sitemap index or Google News sitemap, plain or .xml.gz (repeatable).")]
        public string[] Sitemaps { get; init; } = [];

        [CommandOption("--archive <DIR>")]
        [Description("WARC archive folder; pages already in it are revalidated (ETag/Last-Modified) instead of downloaded.")]
        [DefaultValue("archive")]
        public string Archive { get; init; } = "archive";

        [CommandOption("--since <DATE>")]
        [Description("Only feed and sitemap items published on or after DATE (YYYY-MM-DD); undated items are kept.")]
        public string? Since { get; init; }

        [CommandOption("--extract")]
        [Description("Extract each page and write articles as JSONL (as `parley extract` does) instead of fetch records.")]
        public bool Extract { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Write records to FILE instead of stdout.")]
        public string? Out { get; init; }

        [CommandOption("--user-agent <UA>")]
        [Description("User-Agent sent and matched against robots.txt (default ParleyBot/1.0).")]
        public string? UserAgent { get; init; }

        [CommandOption("--per-host-rate <N>")]
        [Description("Requests per second to one host (default 4).")]
        public double? PerHostRate { get; init; }

        [CommandOption("--per-host-connections <N>")]
        [Description("Connections to one host at once (default 2).")]
        public int? PerHostConnections { get; init; }

        [CommandOption("--concurrency <N>")]
        [Description("Requests in flight across all hosts (default 16).")]
        public int? Concurrency { get; init; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("Overall time allowed per URL, retries and redirects included (default 90).")]
        public double? Timeout { get; init; }

        /// <summary>The sources these options name.</summary>
        public SourceSet Sources() => new()
        {
            Urls = Urls, UrlFiles = UrlFiles, Feeds = Feeds, Sitemaps = Sitemaps,
            Since = SourceSet.TryParseSince(Since, out var since) ? since : null,
        };

        public override ValidationResult Validate()
        {
            if (Urls.Length + UrlFiles.Length + Feeds.Length + Sitemaps.Length == 0)
                return ValidationResult.Error("give URLs, --urls FILE, --feed URL or --sitemap URL");
            if (!SourceSet.TryParseSince(Since, out _))
                return ValidationResult.Error($"--since '{Since}' is not a date (YYYY-MM-DD)");
            if (PerHostRate <= 0 || PerHostConnections < 1 || Concurrency < 1 || Timeout <= 0)
                return ValidationResult.Error("rates, connections, concurrency and timeout must be positive");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = Terminal.Error();
        var defaults = new FetchOptions();
        var options = defaults with
        {
            UserAgent = settings.UserAgent ?? defaults.UserAgent,
            PerHostRequestsPerSecond = settings.PerHostRate ?? defaults.PerHostRequestsPerSecond,
            PerHostConcurrency = settings.PerHostConnections ?? defaults.PerHostConcurrency,
            GlobalConcurrency = settings.Concurrency ?? defaults.GlobalConcurrency,
            TotalTimeout = settings.Timeout is { } t ? TimeSpan.FromSeconds(t) : defaults.TotalTimeout,
        };

        WarcArchive archive;
        RecordWriter writer;
        try
        {
            archive = WarcArchive.Open(settings.Archive);
            writer = RecordWriter.Open(RecordFormat.Jsonl, settings.Out);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]parley fetch: cannot write the archive or output: {ex.Message}[/]");
            return 2;
        }

        using (archive)
        using (var fetcher = PageFetcher.Create(options, archive))
        await using (writer)
        {
            var listing = await settings.Sources().ListAsync(fetcher, cancellationToken);
            foreach (var problem in listing.Problems) console.MarkupLineInterpolated($"[yellow]parley fetch: {problem}[/]");
            if (listing.Urls.Count == 0)
            {
                console.MarkupLine("[red]parley fetch: no URLs to fetch[/]");
                return 1;
            }

            var extractor = settings.Extract ? new ArticleExtractor() : null;
            var hosts = new SortedDictionary<string, HostTally>(StringComparer.OrdinalIgnoreCase);
            int extractFailures = 0;
            await console.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("fetching", maxValue: listing.Urls.Count);
                // With --extract, pages are extracted on every core while later ones are fetched; output stays in input order.
                var results = extractor is null
                    ? fetcher.FetchAllAsync(listing.Urls.Select(u => u.Url), cancellationToken).Select(r => new FetchedArticle(r, null))
                    : fetcher.FetchAndExtractAsync(listing.Urls.Select(u => u.Url), extractor, ct: cancellationToken);
                await foreach (var (result, extraction) in results)
                {
                    var tally = hosts.TryGetValue(result.RequestedUrl.Authority, out var t) ? t : hosts[result.RequestedUrl.Authority] = new HostTally();
                    tally.Count(result.Outcome);
                    task.Increment(1);
                    if (result.Outcome == FetchOutcome.Failed)
                        console.MarkupLineInterpolated($"[red]parley fetch: {result.RequestedUrl}: {result.Message}[/]");
                    if (extractor is null)
                    {
                        await writer.WriteJsonAsync(new FetchRecord(result.RequestedUrl.AbsoluteUri, result.Url.AbsoluteUri,
                            result.Outcome.ToString().ToLowerInvariant(), result.Status, result.ContentType, result.Body.Length,
                            result.FetchedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), result.Message));
                        continue;
                    }
                    if (extraction is null)
                    {
                        // Failures get a record, as `parley extract` gives one per failed document; skips are counted.
                        if (result.Outcome == FetchOutcome.Failed)
                            await writer.WriteJsonAsync(new FetchError(result.RequestedUrl.AbsoluteUri, result.Url.AbsoluteUri, result.Message ?? "fetch failed"));
                        continue;
                    }
                    if (extraction.Article is { } article)
                        await writer.WriteJsonAsync(article with { Url = result.Url.AbsoluteUri });
                    else
                    {
                        extractFailures++;
                        tally.ExtractFailed++;
                        console.MarkupLineInterpolated($"[red]parley fetch: {result.Url}: {extraction.Error}[/]");
                        await writer.WriteJsonAsync(new FetchError(result.RequestedUrl.AbsoluteUri, result.Url.AbsoluteUri, extraction.Error ?? "no article found"));
                    }
                }
            });

            var table = new Table().Title("fetch summary").AddColumns("host", "fetched", "not modified", "skipped", "failed");
            if (extractor is not null) table.AddColumn("extract failed");
            foreach (var (host, tally) in hosts)
            {
                var row = new List<string> { host, tally.Fetched.ToString(), tally.NotModified.ToString(), tally.Skipped.ToString(), tally.Failed.ToString() };
                if (extractor is not null) row.Add(tally.ExtractFailed.ToString());
                table.AddRow(row.Select(Markup.Escape).ToArray());
            }
            console.Write(table);
            int failed = hosts.Values.Sum(h => h.Failed);
            console.WriteLine($"urls {listing.Urls.Count}: fetched {hosts.Values.Sum(h => h.Fetched)}, not modified {hosts.Values.Sum(h => h.NotModified)}, " +
                              $"skipped {hosts.Values.Sum(h => h.Skipped)}, failed {failed}" +
                              (extractor is null ? "" : $", extraction failed {extractFailures}") +
                              (listing.Duplicates > 0 ? $"; {listing.Duplicates} duplicate URL(s) merged" : "") + $"; archive {archive.Directory}");
            return failed + extractFailures > 0 || listing.Problems.Count > 0 ? 1 : 0;
        }
    }

    private sealed class HostTally
    {
        public int Fetched, NotModified, Skipped, Failed, ExtractFailed;

        public void Count(FetchOutcome outcome)
        {
            switch (outcome)
            {
                case FetchOutcome.Fetched: Fetched++; break;
                case FetchOutcome.NotModified: NotModified++; break;
                case FetchOutcome.Skipped: Skipped++; break;
                default: Failed++; break;
            }
        }
    }

    /// <summary>The record written, with <c>--extract</c>, for a URL that gave no article.</summary>
    private sealed record FetchError(string Source, string Url, string Error);

    /// <summary>The record written per URL when not extracting.</summary>
    private sealed record FetchRecord(string RequestedUrl, string Url, string Outcome, int? Status, string? ContentType,
        int Bytes, string? FetchedAt, string? Message);
}
