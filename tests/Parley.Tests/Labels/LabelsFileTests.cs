using System.Text;

namespace Parley.Tests.Labels;

/// <summary>Checks the shipped training labels, <c>data/labels/statements.csv</c>, against the default taxonomy.</summary>
public class LabelsFileTests
{
    private static readonly string[] Header = ["id", "articleId", "date", "speaker", "party", "issue", "stance", "text"];

    private static readonly Lazy<(string[] Header, List<LabelRow> Rows)> File_ = new(Read);

    private static List<LabelRow> Rows => File_.Value.Rows;

    private sealed record LabelRow(int Line, string Id, string ArticleId, string Date, string Speaker, string Party,
        string Issue, string Stance, string Text);

    private static (string[] Header, List<LabelRow> Rows) Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "labels", "statements.csv");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            throw new InvalidDataException($"{path} starts with a byte-order mark.");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        var records = Rfc4180.Parse(text);
        var rows = new List<LabelRow>();
        for (var r = 1; r < records.Count; r++)
        {
            var f = records[r];
            if (f.Length != Header.Length)
                throw new InvalidDataException($"Record {r + 1} has {f.Length} fields, not {Header.Length}.");
            rows.Add(new LabelRow(r + 1, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
        }
        return (records[0], rows);
    }

    [Fact]
    public void Header_is_the_labels_contract()
    {
        Assert.Equal(Header, File_.Value.Header);
    }

    [Fact]
    public void Holds_at_least_800_statements()
    {
        Assert.True(Rows.Count >= 800, $"Only {Rows.Count} labelled statements; the contract asks for at least 800.");
    }

    [Fact]
    public void Every_issue_stance_and_party_is_in_the_default_taxonomy()
    {
        var taxonomy = Taxonomy.Default;
        var issues = taxonomy.Issues.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var stances = taxonomy.Stances.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var parties = taxonomy.Parties.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        var bad = Rows.Where(r => !issues.Contains(r.Issue) || !stances.Contains(r.Stance) || !parties.Contains(r.Party))
            .Select(r => $"{r.Id} (line {r.Line}): {r.Party}/{r.Issue}/{r.Stance}")
            .ToList();

        Assert.True(bad.Count == 0, "Labels outside the taxonomy:\n" + string.Join("\n", bad));
    }

    [Fact]
    public void Every_issue_has_at_least_40_statements_and_all_three_stances()
    {
        var problems = new List<string>();
        foreach (var issue in Taxonomy.Default.Issues)
        {
            var rows = Rows.Where(r => r.Issue == issue.Id).ToList();
            if (rows.Count < 40)
                problems.Add($"{issue.Id}: {rows.Count} statements");
            foreach (var stance in Taxonomy.Default.Stances)
                if (!rows.Any(r => r.Stance == stance.Id))
                    problems.Add($"{issue.Id}: no '{stance.Id}' statement");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Ids_are_unique()
    {
        var duplicates = Rows.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(duplicates.Count == 0, "Duplicate ids: " + string.Join(", ", duplicates));
    }

    [Fact]
    public void Texts_are_unique_ignoring_case_and_spacing()
    {
        var duplicates = Rows.GroupBy(r => string.Join(' ', r.Text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(r => r.Id)))
            .ToList();

        Assert.True(duplicates.Count == 0, "Same text under several ids: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void No_text_is_empty()
    {
        var empty = Rows.Where(r => string.IsNullOrWhiteSpace(r.Text)).Select(r => r.Id).ToList();

        Assert.True(empty.Count == 0, "Empty texts: " + string.Join(", ", empty));
    }

    [Fact]
    public void Dates_are_days_of_2025_and_article_ids_group_statements()
    {
        var badDates = Rows.Where(r => !DateOnly.TryParseExact(r.Date, "yyyy-MM-dd", out var d) || d.Year != 2025)
            .Select(r => r.Id).ToList();
        var multiStatementArticles = Rows.GroupBy(r => r.ArticleId).Count(g => g.Count() >= 2);

        Assert.True(badDates.Count == 0, "Bad dates: " + string.Join(", ", badDates));
        Assert.DoesNotContain(Rows, r => string.IsNullOrWhiteSpace(r.ArticleId));
        Assert.True(multiStatementArticles * 2 > Rows.GroupBy(r => r.ArticleId).Count(),
            "Most articles should carry several statements, so folds grouped by article mean something.");
    }
}
