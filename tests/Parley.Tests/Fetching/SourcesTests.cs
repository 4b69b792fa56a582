using System.IO.Compression;
using System.Text;
using Parley.Fetching.Sources;

namespace Parley.Tests.Fetching;

public class SourcesTests
{
    [Theory]
    [InlineData("HTTPS://News.Example.COM:443/a/b?utm_source=x&id=3&fbclid=abc#section", "https://news.example.com/a/b?id=3")]
    [InlineData("http://news.example:80", "http://news.example/")]
    [InlineData("http://news.example:8080/x?b=2&a=1", "http://news.example:8080/x?b=2&a=1")]
    [InlineData("https://news.example/x?utm_medium=rss", "https://news.example/x")]
    public void Urls_are_normalized_for_deduplication(string input, string expected) =>
        Assert.Equal(expected, UrlNormalizer.TryNormalize(input)!.AbsoluteUri);

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://files.example/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public void Only_http_and_https_are_accepted(string input) => Assert.Null(UrlNormalizer.TryNormalize(input));

    [Fact]
    public void Url_lists_skip_comments_and_blank_lines_and_report_bad_lines_by_number()
    {
        var listing = UrlList.Parse(new StringReader("""
            # talks coverage
            https://a.example/1

            https://a.example/2   # second
            ftp://a.example/3
            """), "urls.txt");
        Assert.Equal(["https://a.example/1", "https://a.example/2"], listing.Urls.Select(u => u.Url.AbsoluteUri));
        Assert.Equal(["urls.txt:5: 'ftp://a.example/3' is not an http or https URL"], listing.Problems);
    }

    [Fact]
    public void Combining_listings_keeps_the_first_of_each_normalized_url()
    {
        var a = UrlList.Parse(new StringReader("https://a.example/1?utm_source=x\nhttps://a.example/2"));
        var b = UrlList.Parse(new StringReader("https://A.example/1#top\nhttps://a.example/3"));
        var all = SourceListing.Combine([a, b]);
        Assert.Equal(["https://a.example/1", "https://a.example/2", "https://a.example/3"], all.Urls.Select(u => u.Url.AbsoluteUri));
        Assert.Equal(1, all.Duplicates);
    }

    [Fact]
    public void A_broken_feed_is_a_problem_not_an_exception()
    {
        var listing = FeedReader.Parse(new MemoryStream("<rss><channel><item>"u8.ToArray()), new Uri("https://a.example/feed"));
        Assert.Empty(listing.Urls);
        Assert.Single(listing.Problems);
    }

    [Fact]
    public void A_gzip_bomb_sitemap_is_refused_at_the_size_limit()
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><!--"));
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (int i = 0; i < 8; i++) gzip.Write(spaces);
        }
        memory.Position = 0;
        var document = SitemapReader.Parse(memory, new Uri("https://a.example/sitemap.xml.gz"), maxBytes: 1 << 20);
        Assert.Empty(document.Pages.Urls);
        Assert.Contains(document.Pages.Problems, p => p.Contains("bytes after decompression"));
    }

    [Fact]
    public void Sitemap_lastmod_is_used_when_there_is_no_news_date()
    {
        var xml = """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://a.example/x</loc><lastmod>2025-02-03</lastmod></url>
              <url><loc>/relative</loc></url>
            </urlset>
            """;
        var document = SitemapReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new Uri("https://a.example/sitemap.xml"));
        Assert.Equal(["https://a.example/x", "https://a.example/relative"], document.Pages.Urls.Select(u => u.Url.AbsoluteUri));
        Assert.Equal(new DateTimeOffset(2025, 2, 3, 0, 0, 0, TimeSpan.Zero), document.Pages.Urls[0].Published);
        Assert.Null(document.Pages.Urls[1].Published);
    }
}
