using System.Text.Json;
using Parley.Articles;

namespace Parley.Tests.Articles;

/// <summary>Golden-file cases: each folder under Fixtures holds a hand-written page and the article expected from it.</summary>
public sealed class FixtureTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Articles", "Fixtures");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Root).OrderBy(d => d, StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_extracts_as_expected(string name)
    {
        var dir = Path.Combine(Root, name);
        var sourcePath = Directory.GetFiles(dir, "source*").Single();
        var bytes = File.ReadAllBytes(sourcePath);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        var e = expected.RootElement;

        var result = new ArticleExtractor().ExtractBytes(bytes, sourcePath);

        if (e.TryGetProperty("error", out var error))
        {
            Assert.False(result.Succeeded);
            Assert.Contains(error.GetString()!, result.Error);
            return;
        }
        Assert.True(result.Succeeded, result.Error);
        var a = result.Article!;
        CheckString(e, "title", a.Title);
        CheckString(e, "subtitle", a.Subtitle);
        CheckString(e, "site", a.Site);
        CheckString(e, "canonicalUrl", a.CanonicalUrl);
        CheckString(e, "language", a.Language);
        CheckString(e, "published", a.Published?.ToString());
        CheckString(e, "modified", a.Modified?.ToString());
        CheckString(e, "syndicatedFrom", a.SyndicatedFrom);
        CheckString(e, "copyright", a.Copyright);
        if (e.TryGetProperty("authors", out var authors))
            Assert.Equal(authors.EnumerateArray().Select(x => x.GetString()!).ToArray(), a.Authors.ToArray());
        if (e.TryGetProperty("paragraphs", out var paragraphs))
            Assert.Equal(paragraphs.EnumerateArray().Select(x => x.GetString()!).ToArray(), a.Paragraphs.ToArray());
        if (e.TryGetProperty("textIsWholeFile", out var whole) && whole.GetBoolean())
        {
            var file = System.Text.Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n");
            Assert.Equal(file, a.Text);
        }
        else
        {
            Assert.Equal(string.Join("\n\n", a.Paragraphs), a.Text);
        }
        if (e.TryGetProperty("absent", out var absent))
            foreach (var s in absent.EnumerateArray())
                Assert.DoesNotContain(s.GetString()!, a.Text, StringComparison.Ordinal);
    }

    private static void CheckString(JsonElement e, string name, string? actual)
    {
        if (!e.TryGetProperty(name, out var v)) return;
        var expected = v.ValueKind == JsonValueKind.Null ? null : v.GetString();
        Assert.True(expected == actual, $"{name}: expected <{expected}>, got <{actual}>");
    }
}
