using System.Text;
using Parley.Articles;

namespace Parley.Tests.Articles;

public sealed class ArticleFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Folders_expand_recursively_to_article_files_in_ordinal_order()
    {
        Write("b.html", "<p>b</p>");
        Write("a/z.txt", "Title\n\nBody.");
        Write("a/notes.json", "{}");
        Write(".hidden/x.html", "<p>x</p>");
        var files = ArticleFiles.Expand([_dir]);
        Assert.Equal([Path.Combine(_dir, "a", "z.txt"), Path.Combine(_dir, "b.html")], files);
    }

    [Fact]
    public void Globs_match_files_and_double_star_crosses_folders()
    {
        Write("one.html", "x");
        Write("sub/two.html", "x");
        Write("sub/three.txt", "x");
        Assert.Equal([Path.Combine(_dir, "one.html")], ArticleFiles.Expand([Path.Combine(_dir, "*.html")]));
        Assert.Equal([Path.Combine(_dir, "one.html"), Path.Combine(_dir, "sub", "two.html")], ArticleFiles.Expand([Path.Combine(_dir, "**", "*.html")]));
    }

    [Fact]
    public void A_named_file_that_does_not_exist_is_kept_so_it_is_reported()
    {
        var missing = Path.Combine(_dir, "missing.html");
        Assert.Equal([missing], ArticleFiles.Expand([missing]));
    }

    [Fact]
    public async Task Reading_gives_one_result_per_file_in_order_and_never_throws()
    {
        var good = Write("1-good.html", "<html><body><h1>Good</h1><p>A paragraph of the good story.</p></body></html>");
        var empty = Write("2-empty.html", "");
        var binary = Path.Combine(_dir, "3-binary.html");
        File.WriteAllBytes(binary, [0, 1, 2, 3, 0xFF, 0xD8, 0, 0]);
        var missing = Path.Combine(_dir, "4-missing.html");
        var wire = Write("5-wire.txt", "Wire title\n\nFirst paragraph of the wire story.\n");

        var results = new List<ExtractionResult>();
        await foreach (var r in ArticleFiles.ReadAsync([good, empty, binary, missing, wire], new ArticleExtractor(), TestContext.Current.CancellationToken))
            results.Add(r);

        Assert.Equal([good, empty, binary, missing, wire], results.Select(r => r.Source));
        Assert.Equal([true, false, false, false, true], results.Select(r => r.Succeeded));
        Assert.Equal("empty file", results[1].Error);
        Assert.Equal("file not found", results[3].Error);
        Assert.Equal("Wire title\n\nFirst paragraph of the wire story.\n", results[4].Article!.Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Files_read_on_several_threads_come_back_in_input_order(int threads)
    {
        // Long and short pages alternate, so later files often finish before earlier ones.
        var paths = Enumerable.Range(1, 24).Select(i => Write($"{i:00}.html",
            $"<html><body><h1>Round {i}</h1>{string.Concat(Enumerable.Repeat($"<p>Delegates met for round {i}, officials said.</p>", i % 2 == 0 ? 400 : 1))}</body></html>")).ToList();
        paths.Insert(5, Path.Combine(_dir, "missing.html"));

        var results = new List<ExtractionResult>();
        await foreach (var r in ArticleFiles.ReadAsync(paths, new ArticleExtractor(), threads, TestContext.Current.CancellationToken))
            results.Add(r);

        Assert.Equal(paths, results.Select(r => r.Source));
        Assert.Equal("file not found", results[5].Error);
        Assert.Equal(Enumerable.Range(1, 24).Select(i => $"Round {i}"), results.Where(r => r.Succeeded).Select(r => r.Article!.Title));
    }
}
