using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace Parley.Tests.Demo;

/// <summary>
/// Guards the demo corpus in data/demo (copied next to the test assembly under demo/): enough articles and page
/// templates, the synthetic-article marker on every page, dates inside February–December 2025, and gold files whose
/// offsets slice out exactly their texts from the article body text.
/// </summary>
/// <remarks>
/// The body text is computed here, independently of Parley's extractor, by the rule the gold files are written
/// against: the normalized text of each body paragraph (entities decoded, whitespace collapsed), title, byline and
/// syndication footer excluded, joined by "\n\n"; for .txt wire files the whole file with \r\n turned into \n.
/// </remarks>
public class DemoCorpusTests
{
    static readonly string Root = Path.Combine(AppContext.BaseDirectory, "demo");
    static readonly string ArticlesDir = Path.Combine(Root, "articles");
    static readonly string GoldDir = Path.Combine(Root, "gold");
    static readonly string[] Parties = ["United States", "Russia", "Ukraine", "Europe", "Other", "Unknown"];

    // The body container of each publisher template; only <p> elements that are its direct children are body paragraphs.
    static readonly string[] BodyContainers =
    [
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' article-body ')]",
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' story-content ')]",
        "//div[@id='story-body']",
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]",
        "//div[@itemprop='articleBody']",
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' news-text ')]",
    ];

    static readonly Regex NotBody = new(@"^(By [A-Z][^.]{2,80}$|Originally published|©|Copyright)", RegexOptions.CultureInvariant);
    static readonly Regex Whitespace = new(@"\s+", RegexOptions.CultureInvariant);

    static DemoCorpusTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    static IReadOnlyList<string> ArticleFiles() =>
        Directory.Exists(ArticlesDir)
            ? Directory.GetFiles(ArticlesDir).Where(f => f.EndsWith(".html") || f.EndsWith(".txt")).Order(StringComparer.Ordinal).ToList()
            : throw new DirectoryNotFoundException($"The demo corpus was not copied next to the tests: {ArticlesDir}");

    public static TheoryData<string> GoldFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(GoldDir, "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    public static TheoryData<string> HtmlPages()
    {
        var data = new TheoryData<string>();
        foreach (var f in ArticleFiles().Where(f => f.EndsWith(".html")))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void Corpus_has_at_least_40_articles()
    {
        Assert.True(ArticleFiles().Count >= 40, $"only {ArticleFiles().Count} articles in {ArticlesDir}");
    }

    [Fact]
    public void Corpus_has_a_plain_text_wire_article_and_a_windows_1251_page()
    {
        Assert.Contains(ArticleFiles(), f => f.EndsWith(".txt"));
        var cp1251 = ArticleFiles().Where(f => f.Contains("cp1251")).ToList();
        Assert.NotEmpty(cp1251);
        foreach (var page in cp1251)
        {
            var bytes = File.ReadAllBytes(page);
            Assert.Contains("charset=\"windows-1251\"", Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048)));
            Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        }
    }

    [Fact]
    public void Corpus_uses_at_least_five_publisher_templates()
    {
        var templates = ArticleFiles().Where(f => f.EndsWith(".html")).Select(f => TemplateOf(Load(f))).ToHashSet();
        Assert.DoesNotContain("unknown", templates);
        Assert.True(templates.Count >= 5, $"templates found: {string.Join(", ", templates)}");
    }

    [Theory]
    [MemberData(nameof(HtmlPages))]
    public void Every_page_says_it_is_an_illustrative_synthetic_article(string page)
    {
        var doc = Load(Path.Combine(ArticlesDir, page));
        var meta = doc.DocumentNode.SelectSingleNode("//head/meta[@name='parley:synthetic']");
        Assert.NotNull(meta);
        Assert.Contains("synthetic", meta.GetAttributeValue("content", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_article_is_dated_between_February_and_December_2025()
    {
        var first = new DateOnly(2025, 2, 1);
        var last = new DateOnly(2025, 12, 31);
        var months = new HashSet<int>();
        foreach (var file in ArticleFiles())
        {
            var name = Path.GetFileName(file);
            Assert.True(DateOnly.TryParseExact(name[..10], "yyyy-MM-dd", out var day), $"{name} does not start with its date");
            Assert.InRange(day, first, last);
            months.Add(day.Month);
            if (file.EndsWith(".html"))
            {
                // Machine-readable dates in the page, where the template has them, agree with the file name.
                foreach (var stamp in MachineDates(Load(file)))
                    Assert.True(stamp.StartsWith(name[..10], StringComparison.Ordinal), $"{name}: page date {stamp}");
            }
        }
        Assert.Equal(11, months.Count);
    }

    [Fact]
    public void At_least_15_articles_have_gold_covering_every_template_and_the_wire()
    {
        var gold = Directory.GetFiles(GoldDir, "*.json");
        Assert.True(gold.Length >= 15, $"only {gold.Length} gold files");
        var articles = gold.Select(g => Path.Combine(ArticlesDir, ReadGold(g).Article)).ToList();
        Assert.Contains(articles, a => a.EndsWith(".txt"));
        var templates = articles.Where(a => a.EndsWith(".html")).Select(a => TemplateOf(Load(a))).ToHashSet();
        var all = ArticleFiles().Where(f => f.EndsWith(".html")).Select(f => TemplateOf(Load(f))).ToHashSet();
        Assert.Equal(all.Order(), templates.Order());
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Gold_offsets_slice_out_their_texts_from_the_body_text(string goldFile)
    {
        var gold = ReadGold(Path.Combine(GoldDir, goldFile));
        Assert.Equal(Path.GetFileNameWithoutExtension(goldFile), Path.GetFileNameWithoutExtension(gold.Article));
        var body = BodyText(Path.Combine(ArticlesDir, gold.Article));
        Assert.InRange(gold.Statements.Count, 4, 20);

        foreach (var s in gold.Statements)
        {
            Assert.Contains(s.Kind, (string[])["quote", "reported", "mixed"]);
            Assert.InRange(s.Start, 0, body.Length);
            Assert.InRange(s.End, s.Start + 1, body.Length);
            Assert.Equal(s.Text, body[s.Start..s.End]);
            Assert.InRange(s.SpeakerMentionEnd, s.SpeakerMentionStart + 1, body.Length);
            Assert.Equal(s.SpeakerMention, body[s.SpeakerMentionStart..s.SpeakerMentionEnd]);
            Assert.False(string.IsNullOrWhiteSpace(s.Cue));
            Assert.Contains(s.Cue, body);
            Assert.Contains(s.Party, Parties);
            Assert.Equal(s.Speaker is null, s.ActorId is null);
            if (s.ActorId is not null)
                Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s.ActorId);
            if (s.Kind == "quote")
                Assert.DoesNotMatch("^[\"“”«»]|[\"“”«»]$", s.Text);
        }
        var starts = gold.Statements.Select(s => s.Start).ToList();
        Assert.Equal(starts.Order(), starts);
    }

    [Fact]
    public void Body_text_keeps_a_quote_that_runs_over_two_paragraphs_as_one_span()
    {
        // Written by hand from the Rubio article: the quote opens in one paragraph and closes in the next.
        var gold = ReadGold(Path.Combine(GoldDir, "2025-04-18-meridianpost-rubio-move-on.json"));
        var quote = Assert.Single(gold.Statements, s => s.Text.Contains("\n\n"));
        Assert.StartsWith("So we need to determine very quickly now", quote.Text);
        Assert.EndsWith("other priorities to focus on as well.", quote.Text);
        Assert.Equal("marco-rubio", quote.ActorId);
    }

    internal static string BodyText(string path)
    {
        if (path.EndsWith(".txt"))
            return File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n");
        var doc = Load(path);
        var container = BodyContainers.Select(x => doc.DocumentNode.SelectSingleNode(x)).FirstOrDefault(n => n is not null)
            ?? throw new InvalidOperationException($"{Path.GetFileName(path)}: no body container");
        var paragraphs = container.ChildNodes
            .Where(n => n.Name == "p")
            .Select(p => Whitespace.Replace(HtmlEntity.DeEntitize(p.InnerText), " ").Trim())
            .Where(t => t.Length > 0 && !NotBody.IsMatch(t));
        return string.Join("\n\n", paragraphs);
    }

    static HtmlDocument Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        var charset = Regex.Match(head, "charset=\"?([\\w-]+)", RegexOptions.IgnoreCase);
        var encoding = charset.Success ? Encoding.GetEncoding(charset.Groups[1].Value) : Encoding.UTF8;
        var doc = new HtmlDocument();
        doc.LoadHtml(encoding.GetString(bytes));
        return doc;
    }

    static string TemplateOf(HtmlDocument doc)
    {
        var root = doc.DocumentNode;
        if (root.SelectSingleNode("//meta[@charset='windows-1251']") is not null) return "windows-1251";
        if (root.SelectSingleNode("//script[@type='application/ld+json']") is not null) return "json-ld";
        if (root.SelectSingleNode("//*[@itemprop='articleBody']") is not null) return "microdata";
        if (root.InnerText.Contains("Originally published on")) return "syndicated";
        if (root.SelectSingleNode("//meta[starts-with(@property, 'og:')]") is not null) return "opengraph-only";
        var firstParagraph = root.SelectSingleNode("//div[@id='story-body']/p");
        if (firstParagraph is not null && firstParagraph.InnerText.Trim().StartsWith("By ", StringComparison.Ordinal)) return "byline-in-body";
        return "unknown";
    }

    static IEnumerable<string> MachineDates(HtmlDocument doc)
    {
        var root = doc.DocumentNode;
        foreach (var n in root.SelectNodes("//meta[@property='article:published_time']") ?? Enumerable.Empty<HtmlNode>())
            yield return n.GetAttributeValue("content", "");
        foreach (var n in root.SelectNodes("//article//time[@datetime] | //header//time[@datetime]") ?? Enumerable.Empty<HtmlNode>())
            yield return n.GetAttributeValue("datetime", "");
        foreach (var n in root.SelectNodes("//script[@type='application/ld+json']") ?? Enumerable.Empty<HtmlNode>())
        {
            using var json = JsonDocument.Parse(n.InnerText);
            if (json.RootElement.TryGetProperty("datePublished", out var published))
                yield return published.GetString() ?? "";
        }
    }

    static GoldFile ReadGold(string path) =>
        JsonSerializer.Deserialize<GoldFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidDataException(path);

    sealed record GoldFile(string Article, List<GoldStatement> Statements);

    sealed record GoldStatement(
        string Kind, string Text, int Start, int End, string Cue,
        string SpeakerMention, int SpeakerMentionStart, int SpeakerMentionEnd,
        string? Speaker, string? ActorId, string Party);
}
