using System.Text;
using Microsoft.Extensions.Time.Testing;
using Parley.Articles;
using Parley.Fetching.Archive;

namespace Parley.Tests.Fetching;

public sealed class WarcTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-warc-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private static ArchivedResponse Append(WarcArchive archive, string url, string body, string? etag = null) =>
        archive.AppendExchange(new Uri(url), "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n", 200, "OK",
            etag is null ? [new("Content-Type", "text/html")] : [new("Content-Type", "text/html"), new("ETag", etag), new("Content-Encoding", "gzip")],
            Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Records_round_trip_with_their_headers_and_dates()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 7, 1, 9, 30, 0, TimeSpan.Zero));
        using (var archive = WarcArchive.Open(_dir, time))
        {
            Append(archive, "https://a.example/one", "<p>Один</p>", "\"e1\"");
            Append(archive, "https://a.example/two", "<p>Two</p>");
        }
        var read = WarcReader.ReadFile(Directory.GetFiles(_dir, "*.warc.gz").Single());
        Assert.Null(read.Truncated);
        Assert.Equal(["warcinfo", "request", "response", "request", "response"], read.Records.Select(r => r.Type));
        var first = read.Records[2];
        Assert.Equal("2025-07-01T09:30:00Z", first["WARC-Date"]);
        Assert.Equal(read.Records[1]["WARC-Concurrent-To"], first["WARC-Record-ID"]);
        var http = first.ParseHttp()!;
        Assert.Equal("<p>Один</p>", Encoding.UTF8.GetString(http.Body.Span));
        Assert.Equal("gzip", http.Header("X-Parley-Original-Content-Encoding"));
        Assert.Null(http.Header("Content-Encoding"));
        Assert.Equal(Encoding.UTF8.GetByteCount("<p>Один</p>").ToString(), http.Header("Content-Length"));
    }

    [Fact]
    public void The_index_finds_the_latest_response_and_reads_it_back_from_its_offset()
    {
        using (var archive = WarcArchive.Open(_dir))
        {
            Append(archive, "https://a.example/one", "first", "\"e1\"");
            Append(archive, "https://a.example/two", "second");
        }
        using var reopened = WarcArchive.Open(_dir);
        var entry = reopened.Find(new Uri("https://a.example/two"))!;
        Assert.Equal("second", Encoding.UTF8.GetString(reopened.ReadResponse(entry)!.Body.Span));
        Assert.Equal("\"e1\"", reopened.Find(new Uri("https://a.example/one"))!.ETag);
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public void A_file_cut_short_by_a_crash_yields_its_complete_records_and_says_it_was_truncated()
    {
        using (var archive = WarcArchive.Open(_dir))
        {
            Append(archive, "https://a.example/one", "first");
            Append(archive, "https://a.example/two", new string('x', 5000));
        }
        var path = Directory.GetFiles(_dir, "*.warc.gz").Single();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^40]);

        var read = WarcReader.ReadFile(path);
        Assert.NotNull(read.Truncated);
        Assert.Equal(["warcinfo", "request", "response", "request"], read.Records.Select(r => r.Type));
    }

    [Fact]
    public void Each_session_writes_a_new_file_so_an_old_cut_file_never_swallows_new_records()
    {
        using (var archive = WarcArchive.Open(_dir)) Append(archive, "https://a.example/one", "first");
        using (var archive = WarcArchive.Open(_dir)) Append(archive, "https://a.example/two", "second");
        Assert.Equal(2, Directory.GetFiles(_dir, "*.warc.gz").Length);
    }

    [Fact]
    public async Task Extract_reads_archived_pages_straight_from_a_warc_file()
    {
        using (var archive = WarcArchive.Open(_dir))
        {
            Append(archive, "https://a.example/talks", "<html><head><title>Talks in Geneva</title></head><body><article><h1>Talks in Geneva</h1><p>Envoys from both sides met in Geneva on Tuesday to discuss a ceasefire along the front line.</p><p>The talks will continue on Wednesday, officials said after the first session ended.</p></article></body></html>");
            archive.AppendExchange(new Uri("https://a.example/gone"), "GET /gone HTTP/1.1\r\n\r\n", 404, "Not Found", [], "missing"u8);
        }
        var path = Directory.GetFiles(_dir, "*.warc.gz").Single();
        var results = new List<ExtractionResult>();
        await foreach (var r in ArticleFiles.ReadAsync(ArticleFiles.Expand([_dir]), new ArticleExtractor(), TestContext.Current.CancellationToken))
            results.Add(r);

        Assert.Equal(2, results.Count);
        Assert.True(results[0].Succeeded);
        Assert.Equal("https://a.example/talks", results[0].Article!.Url);
        Assert.Equal("Talks in Geneva", results[0].Article!.Title);
        Assert.Equal(path + "#https://a.example/talks", results[0].Source);
        Assert.False(results[1].Succeeded);
        Assert.Contains("HTTP 404", results[1].Error);
    }

    [Fact]
    public async Task A_damaged_warc_file_gives_its_pages_and_then_an_error_saying_where_it_broke()
    {
        using (var archive = WarcArchive.Open(_dir))
        {
            Append(archive, "https://a.example/one", "<html><body><article><p>The first page is whole and readable by the extractor.</p></article></body></html>");
            Append(archive, "https://a.example/two", new string('x', 5000));
        }
        var path = Directory.GetFiles(_dir, "*.warc.gz").Single();
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^40]);

        var results = new List<ExtractionResult>();
        await foreach (var r in ArticleFiles.ReadAsync([path], new ArticleExtractor(), TestContext.Current.CancellationToken))
            results.Add(r);
        Assert.Equal(2, results.Count);
        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Contains("damaged after 1 record", results[1].Error);
    }
}
