using System.IO.Compression;
using System.Text;
using Parley.Articles;

namespace Parley.Tests.Articles;

/// <summary>Bad input gives a per-document error result, never an exception, and never a stack overflow.</summary>
public sealed class BadInputTests
{
    private readonly ArticleExtractor _extractor = new();

    [Fact]
    public void Empty_file_gives_an_error_result()
    {
        var result = _extractor.ExtractBytes(Array.Empty<byte>(), "empty.html");
        Assert.False(result.Succeeded);
        Assert.Equal("empty file", result.Error);
    }

    [Fact]
    public void Whitespace_only_file_gives_an_error_result()
    {
        var result = _extractor.ExtractBytes("\n\n   \r\n"u8.ToArray(), "blank.txt");
        Assert.Equal("empty file", result.Error);
    }

    [Fact]
    public void Binary_file_gives_an_error_result()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0 };
        var result = _extractor.ExtractBytes(png, "picture.html");
        Assert.False(result.Succeeded);
        Assert.StartsWith("binary file", result.Error);
    }

    [Fact]
    public void Page_over_the_size_limit_gives_an_error_result()
    {
        var page = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<p>" + new string('x', 1000) + "</p>", 21 * 1024)) + "</body></html>");
        Assert.True(page.Length > 20 * 1024 * 1024);
        var result = _extractor.ExtractBytes(page, "huge.html");
        Assert.False(result.Succeeded);
        Assert.Contains("over the 10 MB limit", result.Error);
    }

    [Fact]
    public void Gzip_bomb_past_the_limit_gives_an_error_result()
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (int i = 0; i < 12; i++) gz.Write(chunk);
        }
        var result = _extractor.ExtractBytes(ms.ToArray(), "bomb.html.gz");
        Assert.False(result.Succeeded);
        Assert.Contains("limit", result.Error);
    }

    [Fact]
    public void Fifty_thousand_deep_nesting_gives_an_error_not_a_crash()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "<p>deep</p>" + string.Concat(Enumerable.Repeat("</div>", 50_000)) + "</body></html>";
        var result = _extractor.Extract(html, source: "deep.html");
        Assert.False(result.Succeeded);
        Assert.Contains("nested deeper than 1000", result.Error);
    }

    [Fact]
    public void Unclosed_inline_tags_fifty_thousand_deep_give_an_error_not_a_crash()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<span><em>", 25_000)) + "text";
        var result = _extractor.Extract(html, source: "unclosed.html");
        Assert.False(result.Succeeded);
        Assert.Contains("nested deeper", result.Error);
    }

    [Fact]
    public void Deep_nesting_within_the_limit_is_walked_without_recursion()
    {
        // 5,000 levels would overflow a recursive walk on a small thread stack; run on one to prove the walks are iterative.
        var extractor = new ArticleExtractor(new ArticleExtractorOptions { MaxNestingDepth = 10_000 });
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 5_000)) +
                   "<p>The text at the bottom of a very deep page is still found and returned.</p>" +
                   string.Concat(Enumerable.Repeat("</div>", 5_000)) + "</body></html>";
        ExtractionResult? result = null;
        var thread = new Thread(() => result = extractor.Extract(html, source: "deep-ok.html"), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.True(result!.Succeeded, result.Error);
        Assert.Equal(["The text at the bottom of a very deep page is still found and returned."], result.Article!.Paragraphs);
    }

    [Fact]
    public void Unknown_declared_charset_falls_back_to_detection_with_a_warning()
    {
        var body = "<html><head><meta charset=\"x-no-such-charset\"><title>Тест</title></head><body><p>" +
                   string.Concat(Enumerable.Repeat("Переговоры продолжатся на следующей неделе в Женеве. ", 20)) + "</p></body></html>";
        var bytes = CodePages().GetEncoding(1251)!.GetBytes(body);
        var result = _extractor.ExtractBytes(bytes, "unknown-charset.html");
        Assert.True(result.Succeeded, result.Error);
        Assert.StartsWith("Переговоры продолжатся", result.Article!.Text);
        Assert.Contains(result.Article.Warnings, w => w.Contains("x-no-such-charset"));
    }

    [Fact]
    public void Undeclared_koi8r_page_is_detected_and_decoded()
    {
        var body = "<html><body><h1>Заявление министра</h1><p>" +
                   string.Concat(Enumerable.Repeat("Министр иностранных дел заявил, что переговоры о прекращении огня продолжатся. ", 15)) + "</p></body></html>";
        var bytes = CodePages().GetEncoding("koi8-r")!.GetBytes(body);
        var result = _extractor.ExtractBytes(bytes, "koi8-page.html");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Заявление министра", result.Article!.Title);
        Assert.StartsWith("Министр иностранных дел заявил", result.Article.Text);
    }

    [Fact]
    public void Broken_markup_still_yields_the_text()
    {
        var result = _extractor.Extract("<div><p>Opened <b>never closed<p>Second</i></span></table>", source: "broken.html");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["Opened never closed", "Second"], result.Article!.Paragraphs);
    }

    [Fact]
    public void Gzipped_page_is_read_transparently()
    {
        var html = "<html><head><title>Zipped</title></head><body><h1>Zipped story</h1><p>The body of the zipped story.</p></body></html>";
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(html));
        var result = _extractor.ExtractBytes(ms.ToArray(), "story.html.gz");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Zipped story", result.Article!.Title);
        Assert.Equal(["The body of the zipped story."], result.Article.Paragraphs);
    }

    [Fact]
    public void Html_is_recognized_by_content_whatever_the_file_name()
    {
        var html = "<!DOCTYPE html><html><body><h1>No extension</h1><p>Markup in a file named like text.</p></body></html>";
        var result = _extractor.ExtractBytes(Encoding.UTF8.GetBytes(html), "download.txt");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("No extension", result.Article!.Title);
        Assert.Equal(["Markup in a file named like text."], result.Article.Paragraphs);
    }

    private static EncodingProvider CodePages() => CodePagesEncodingProvider.Instance;
}
