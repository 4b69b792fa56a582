using System.Text.Json;
using Parley.Articles;
using Parley.Testing;

namespace Parley.Tests.Articles;

public sealed class ArticleExportTests
{
    [Fact]
    public void Csv_cells_with_commas_quotes_and_newlines_are_quoted() =>
        Assert.Equal("plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",", ArticleExport.ToCsvRow(["plain", "a, b", "say \"hi\"", "two\nlines", null]));

    [Fact]
    public async Task Csv_has_a_header_and_one_row_per_article()
    {
        var writer = new StringWriter();
        await ArticleExport.WriteCsvAsync([Some.Article(id: "a"), Some.Article(id: "b")], writer, TestContext.Current.CancellationToken);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,source,url,canonicalUrl,site,title", lines[0]);
        Assert.StartsWith("a,test://a,", lines[1]);
    }

    [Fact]
    public void Failed_documents_become_csv_rows_with_the_error()
    {
        var cells = ArticleExport.ToCsvCells(new ExtractionResult("bad.html", null, "empty file"));
        Assert.Equal(ArticleExport.CsvHeader.Count, cells.Count);
        Assert.Equal("bad.html", cells[1]);
        Assert.Equal("empty file", cells[^1]);
    }

    [Fact]
    public void Json_line_has_the_documented_fields()
    {
        using var doc = JsonDocument.Parse(ArticleExport.ToJsonLine(Some.Article()));
        foreach (var field in new[] { "id", "source", "url", "canonicalUrl", "site", "title", "subtitle", "authors", "published", "modified", "language", "text", "paragraphs", "syndicatedFrom", "copyright", "wordCount", "warnings" })
            Assert.True(doc.RootElement.TryGetProperty(field, out _), field);
        Assert.Equal("2025-03-04", doc.RootElement.GetProperty("published").GetString());
    }
}
