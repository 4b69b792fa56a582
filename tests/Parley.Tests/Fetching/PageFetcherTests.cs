using System.Text;
using Parley.Fetching;
using Parley.Fetching.Archive;

namespace Parley.Tests.Fetching;

[CollectionDefinition("loopback", DisableParallelization = true)]
public sealed class LoopbackCollection;

[Collection("loopback")]
public sealed class PageFetcherTests : IAsyncLifetime
{
    private LoopbackSite _site = null!;
    private readonly string _archiveDir = Path.Combine(Path.GetTempPath(), "parley-fetch-" + Guid.NewGuid().ToString("N"));

    private static readonly FetchOptions Fast = new()
    {
        PerHostRequestsPerSecond = 1000,
        AttemptTimeout = TimeSpan.FromSeconds(1),
        TotalTimeout = TimeSpan.FromSeconds(6),
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetries = 2,
        MaxBodyBytes = 5 * 1024 * 1024,
    };

    public async ValueTask InitializeAsync() => _site = await LoopbackSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        if (Directory.Exists(_archiveDir)) Directory.Delete(_archiveDir, recursive: true);
    }

    private PageFetcher Fetcher(WarcArchive? archive = null, FetchOptions? options = null) => PageFetcher.Create(options ?? Fast, archive);

    [Fact]
    public async Task A_page_is_fetched_and_archived_as_a_request_response_pair()
    {
        using var archive = WarcArchive.Open(_archiveDir);
        using var fetcher = Fetcher(archive);
        var result = await fetcher.FetchAsync(_site.Url("page/1"), TestContext.Current.CancellationToken);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(200, result.Status);
        Assert.Contains("round 1", Encoding.UTF8.GetString(result.Body.Span));
        archive.Dispose();
        var records = WarcReader.ReadFile(Directory.GetFiles(_archiveDir, "*.warc.gz").Single());
        Assert.Null(records.Truncated);
        Assert.Equal(["warcinfo", "request", "response"], records.Records.Select(r => r.Type));
        var http = records.Records[2].ParseHttp()!;
        Assert.Equal(200, http.Status);
        Assert.Equal("\"page-1-v1\"", http.Header("ETag"));
        Assert.Contains("round 1", Encoding.UTF8.GetString(http.Body.Span));
        Assert.Equal(_site.Url("page/1").AbsoluteUri, records.Records[2].TargetUri);
    }

    [Fact]
    public async Task Robots_txt_disallow_is_honoured_and_recorded()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("private/secret"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Skipped, result.Outcome);
        Assert.Contains("robots.txt", result.Message);
        Assert.Equal(0, _site.Hits("/private/secret"));
        Assert.Equal(1, _site.Hits("/robots.txt"));
    }

    [Fact]
    public async Task Server_error_then_success_is_retried()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("flaky"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(2, _site.Hits("/flaky"));
    }

    [Fact]
    public async Task Too_many_requests_waits_for_retry_after_then_succeeds()
    {
        using var fetcher = Fetcher(options: Fast with { TotalTimeout = TimeSpan.FromSeconds(10) });
        var result = await fetcher.FetchAsync(_site.Url("limited"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(2, _site.Hits("/limited"));
    }

    [Fact]
    public async Task Persistent_server_errors_fail_with_the_status()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("always-500"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(500, result.Status);
        Assert.Equal(1 + Fast.MaxRetries, _site.Hits("/always-500"));
    }

    [Fact]
    public async Task A_hanging_server_fails_within_the_overall_timeout()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("hang"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Matches("no response|timed out", result.Message!);
    }

    [Fact]
    public async Task A_body_that_stops_midway_fails_within_the_overall_timeout()
    {
        using var fetcher = Fetcher(options: Fast with { TotalTimeout = TimeSpan.FromSeconds(2) });
        var result = await fetcher.FetchAsync(_site.Url("hang-body"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("timed out", result.Message);
    }

    [Fact]
    public async Task A_slow_response_within_the_timeout_is_fetched()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("slow"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
    }

    [Fact]
    public async Task A_redirect_loop_fails_and_says_so()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("loop-a"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("redirect loop", result.Message);
    }

    [Fact]
    public async Task Too_long_a_redirect_chain_fails()
    {
        using var fetcher = Fetcher(options: Fast with { MaxRedirects = 3 });
        var ok = await fetcher.FetchAsync(_site.Url("chain/2"), TestContext.Current.CancellationToken);
        var tooLong = await fetcher.FetchAsync(_site.Url("chain/5"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Fetched, ok.Outcome);
        Assert.Equal(_site.Url("page/0"), ok.Url);
        Assert.Equal(FetchOutcome.Failed, tooLong.Outcome);
        Assert.Contains("more than 3 redirects", tooLong.Message);
    }

    [Fact]
    public async Task A_redirect_to_a_file_url_is_refused()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("to-file"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("non-HTTP", result.Message);
    }

    [Fact]
    public async Task A_redirect_reports_the_final_address_normalized()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("to-page"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(_site.Url("to-page"), result.RequestedUrl);
        Assert.Equal(_site.Url("page/7"), result.Url);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_aborted()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("huge"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("limit", result.Message);
        Assert.True(result.Body.IsEmpty);
    }

    [Fact]
    public async Task A_gzip_bomb_is_aborted_at_the_decompressed_limit()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("bomb"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("limit", result.Message);
    }

    [Fact]
    public async Task A_content_type_that_is_not_text_is_recorded_and_skipped()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(_site.Url("report.pdf"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Skipped, result.Outcome);
        Assert.Equal("application/pdf", result.ContentType);
        Assert.Contains("application/pdf", result.Message);
    }

    [Fact]
    public async Task Non_http_urls_are_refused_without_a_request()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(new Uri("ftp://127.0.0.1/file"), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("only http and https", result.Message);
    }

    [Fact]
    public async Task Refetching_an_archived_page_costs_a_304_and_returns_the_archived_body()
    {
        using (var archive = WarcArchive.Open(_archiveDir))
        using (var fetcher = Fetcher(archive))
            Assert.Equal(FetchOutcome.Fetched, (await fetcher.FetchAsync(_site.Url("page/4"), TestContext.Current.CancellationToken)).Outcome);

        using (var archive = WarcArchive.Open(_archiveDir))
        using (var fetcher = Fetcher(archive))
        {
            var again = await fetcher.FetchAsync(_site.Url("page/4"), TestContext.Current.CancellationToken);
            Assert.Equal(FetchOutcome.NotModified, again.Outcome);
            Assert.Contains("round 4", Encoding.UTF8.GetString(again.Body.Span));
        }
        Assert.Equal(2, _site.Hits("/page/4"));
        Assert.Equal(1, _site.BodiesSent("/page/4"));
    }

    [Fact]
    public async Task An_interrupted_fetch_resumes_from_the_archive_without_downloading_again()
    {
        var urls = Enumerable.Range(10, 8).Select(n => _site.Url($"page/{n}")).ToList();
        _site.HangingPage = 13; // pages 10–12 arrive, 13 hangs, 14–17 wait behind it for the host's only connection
        using (var cancel = new CancellationTokenSource())
        using (var archive = WarcArchive.Open(_archiveDir))
        using (var fetcher = Fetcher(archive, Fast with { GlobalConcurrency = 1, PerHostConcurrency = 1, AttemptTimeout = TimeSpan.FromSeconds(60), TotalTimeout = TimeSpan.FromSeconds(120) }))
        {
            int seen = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var result in fetcher.FetchAllAsync(urls, cancel.Token))
                    if (++seen == 3) cancel.Cancel(); // the deterministic interruption point
            });
        }
        int downloadedBefore = urls.Sum(u => _site.BodiesSent(u.AbsolutePath));
        Assert.Equal(3, downloadedBefore);
        _site.HangingPage = null;

        var outcomes = new List<FetchOutcome>();
        using (var archive = WarcArchive.Open(_archiveDir))
        using (var fetcher = Fetcher(archive))
            await foreach (var result in fetcher.FetchAllAsync(urls, TestContext.Current.CancellationToken))
                outcomes.Add(result.Outcome);

        Assert.Equal(urls.Count, outcomes.Count);
        Assert.All(urls, u => Assert.Equal(1, _site.BodiesSent(u.AbsolutePath)));
        Assert.Equal(downloadedBefore, outcomes.Count(o => o == FetchOutcome.NotModified));
    }

    [Fact]
    public async Task Duplicate_urls_are_fetched_once_and_the_repeat_is_accounted_for()
    {
        using var fetcher = Fetcher();
        var results = new List<FetchResult>();
        await foreach (var r in fetcher.FetchAllAsync([_site.Url("page/20"), _site.Url("page/20?utm_campaign=x#top"), _site.Url("page/21")],
                           TestContext.Current.CancellationToken))
            results.Add(r);
        Assert.Equal([FetchOutcome.Fetched, FetchOutcome.Skipped, FetchOutcome.Fetched], results.Select(r => r.Outcome));
        Assert.Equal("duplicate URL", results[1].Message);
        Assert.Equal(1, _site.Hits("/page/20"));
    }

    [Fact]
    public async Task Fetch_and_extract_gives_one_result_per_url_in_input_order_with_the_article_of_each_page()
    {
        using var fetcher = Fetcher();
        var urls = new[] { _site.Url("page/31"), _site.Url("missing"), _site.Url("page/32"), _site.Url("report.pdf"), _site.Url("page/33"), _site.Url("page/31") };
        var results = new List<FetchedArticle>();
        await foreach (var r in fetcher.FetchAndExtractAsync(urls, new Parley.Articles.ArticleExtractor(), parallelism: 2, TestContext.Current.CancellationToken))
            results.Add(r);

        Assert.Equal([FetchOutcome.Fetched, FetchOutcome.Failed, FetchOutcome.Fetched, FetchOutcome.Skipped, FetchOutcome.Fetched, FetchOutcome.Skipped],
            results.Select(r => r.Page.Outcome));
        Assert.Equal(["Talks resume, part 31", null, "Talks resume, part 32", null, "Talks resume, part 33", null],
            results.Select(r => r.Extraction?.Article?.Title));
        Assert.Equal("Negotiators met for round 32.", results[2].Extraction!.Article!.Text);
        Assert.Equal(_site.Url("page/33").AbsoluteUri, results[4].Extraction!.Article!.Url);
    }

    [Fact]
    public async Task Feeds_list_their_items_normalized()
    {
        using var fetcher = Fetcher();
        var rss = await fetcher.ReadFeedAsync(_site.Url("feed.xml"), TestContext.Current.CancellationToken);
        var atom = await fetcher.ReadFeedAsync(_site.Url("atom.xml"), TestContext.Current.CancellationToken);
        Assert.Equal([_site.Url("page/1"), _site.Url("page/2")], rss.Urls.Select(u => u.Url));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), rss.Urls[0].Published);
        Assert.Equal([_site.Url("page/3")], atom.Urls.Select(u => u.Url));
        Assert.Empty(rss.Problems);
    }

    [Fact]
    public async Task A_sitemap_index_leads_to_a_gzipped_news_sitemap_and_since_filters_by_publication_date()
    {
        using var fetcher = Fetcher();
        var listing = await fetcher.ReadSitemapAsync(_site.Url("sitemap.xml"), ct: TestContext.Current.CancellationToken);
        Assert.Equal([_site.Url("page/1"), _site.Url("page/2")], listing.Urls.Select(u => u.Url));
        var recent = listing.Since(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal([_site.Url("page/2")], recent.Urls.Select(u => u.Url));
    }
}
