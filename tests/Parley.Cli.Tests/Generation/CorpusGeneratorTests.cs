using Parley.Benchmarks.Generation;

namespace Parley.Cli.Tests.Generation;

public sealed class CorpusGeneratorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-gen-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, byte[]> Read(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes);

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_other_pages()
    {
        var generator = new CorpusGenerator();
        await generator.WriteAsync(Path.Combine(_dir, "a"), 5, seed: 3, ct: Ct);
        await generator.WriteAsync(Path.Combine(_dir, "b"), 5, seed: 3, ct: Ct);
        await generator.WriteAsync(Path.Combine(_dir, "c"), 5, seed: 4, ct: Ct);

        var a = Read(Path.Combine(_dir, "a"));
        var b = Read(Path.Combine(_dir, "b"));
        var c = Read(Path.Combine(_dir, "c"));

        Assert.Equal(5, a.Count);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.All(a, kv => Assert.Equal(kv.Value, b[kv.Key]));
        Assert.DoesNotContain(c.Values, page => a.Values.Any(other => other.AsSpan().SequenceEqual(page)));
    }

    [Fact]
    public async Task Pages_are_between_50_and_300_KB_and_dated_in_2025()
    {
        var corpus = await new CorpusGenerator().WriteAsync(_dir, 40, seed: 1, ct: Ct);

        var files = Directory.GetFiles(_dir, "*.html", SearchOption.AllDirectories);
        Assert.Equal(40, files.Length);
        Assert.All(files, f => Assert.InRange(new FileInfo(f).Length, 50 * 1024, 300 * 1024 + 16 * 1024));
        Assert.All(files, f => Assert.Matches(@"2025-(0[1-9]|1[0-2])$", Path.GetDirectoryName(f)));
        Assert.Equal(files.Sum(f => new FileInfo(f).Length), corpus.Bytes);
    }

    [Fact]
    public async Task A_page_has_the_furniture_of_a_news_page_around_quotes_by_known_actors()
    {
        await new CorpusGenerator().WriteAsync(_dir, 20, seed: 1, ct: Ct);
        var pages = Directory.GetFiles(_dir, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText).ToArray();

        Assert.All(pages, page =>
        {
            Assert.Contains("<nav class=\"main-nav\">", page);
            Assert.Contains("<section class=\"related\">", page);
            Assert.Contains("class=\"comment\"", page);
            Assert.Contains("<script>", page);
            Assert.Contains("class=\"ad-slot\"", page);
            Assert.Contains("<meta property=\"article:published_time\" content=\"2025-", page);
            Assert.Matches("(said|told reporters|According to)", page);
        });
        int withJsonLd = pages.Count(p => p.Contains("application/ld+json", StringComparison.Ordinal));
        Assert.InRange(withJsonLd, 1, pages.Length - 1); // some pages, not all
        Assert.Contains(pages, p => p.Contains("“", StringComparison.Ordinal) && p.Contains("”", StringComparison.Ordinal));
    }
}
