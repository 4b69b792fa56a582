using Parley.Articles;

namespace Parley.Tests;

public class TaxonomyTests
{
    [Fact]
    public void Default_taxonomy_names_the_four_parties_and_the_eight_issues()
    {
        var taxonomy = Taxonomy.Default;
        Assert.Equal(["United States", "Russia", "Ukraine", "Europe", "Other", "Unknown"], taxonomy.Parties.Select(p => p.Id));
        Assert.Equal(["territory", "nato", "sanctions", "ceasefire", "security-guarantees", "us-proposal", "direct-talks", "other"],
            taxonomy.Issues.Select(i => i.Id));
        Assert.Equal(1, taxonomy.StanceValue("support"));
        Assert.Equal(-1, taxonomy.StanceValue("OPPOSE"));
        Assert.Equal(0, taxonomy.StanceValue("neutral"));
    }

    [Fact]
    public void Issue_terms_are_read_and_an_issue_without_them_is_written_as_before()
    {
        const string json = """
            { "name": "Port strike", "parties": [ { "id": "Union", "label": "Union" } ],
              "issues": [ { "id": "pay", "label": "Pay", "proposition": "Wages rise 5 %", "terms": ["wage", "pay rise"] },
                          { "id": "hours", "label": "Hours", "proposition": "A 35-hour week" } ],
              "stances": [ { "id": "support", "value": 1 } ] }
            """;

        var taxonomy = Taxonomy.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(["wage", "pay rise"], taxonomy.Issues[0].Terms);
        Assert.Null(taxonomy.Issues[1].Terms);
        // A taxonomy file without terms keeps the fingerprint its models were saved with: no "terms": null is written.
        var written = System.Text.Json.JsonSerializer.Serialize(taxonomy.Issues[1], Parley.Serialization.ParleyJson.Options);
        Assert.DoesNotContain("terms", written);
    }

    [Fact]
    public void Unknown_stance_is_an_error_that_names_it()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Taxonomy.Default.StanceValue("ambivalent"));
        Assert.Contains("ambivalent", ex.Message);
    }
}

public class ArticleDateTests
{
    [Theory]
    [InlineData("2025-03-04", "2025-03-04")]
    [InlineData("2025-03-04T10:15:00", "2025-03-04T10:15:00")]
    [InlineData("2025-03-04T10:15:00+02:00", "2025-03-04T10:15:00+02:00")]
    [InlineData("2025-03-04T10:15:00Z", "2025-03-04T10:15:00+00:00")]
    [InlineData("2025-11-30T23:30:00-05:00", "2025-11-30T23:30:00-05:00")]
    public void Keeps_only_the_precision_the_source_gave(string input, string expected)
    {
        Assert.True(ArticleDate.TryParse(input, out var date));
        Assert.Equal(expected, date.ToString());
    }

    [Fact]
    public void Day_is_the_day_in_the_sources_own_offset()
    {
        Assert.True(ArticleDate.TryParse("2025-11-30T23:30:00-05:00", out var date));
        Assert.Equal(new DateOnly(2025, 11, 30), date.Day);
    }
}
