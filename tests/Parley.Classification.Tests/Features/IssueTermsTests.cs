using Parley.Classification.Features;

namespace Parley.Classification.Tests.Features;

public sealed class IssueTermsTests
{
    private static readonly IssueTerms Terms = new(
    [
        ("territory", ["Crimea", "Ukraine's land", "line of contact"]),
        ("security-guarantees", ["coalition of the willing", "28-point guarantee"]),
        ("sanctions", ["frozen assets", "assets", "U.S. tariffs"]),
        ("ceasefire", ["line of contact"]),
    ]);

    /// <summary>The count of each issue's class feature after hashing the text.</summary>
    private static Dictionary<string, int> Classes(string text, IssueTerms? terms = null)
    {
        var scratch = new NGramScratch();
        NGramHashing.Hash(text, scratch, terms ?? Terms);
        return Terms.Entries.Select(e => e.Issue).Distinct()
            .Select(issue => (issue, count: CountOf(scratch, NGramHashing.Slot(NGramHashing.TermClassGram(issue)))))
            .Where(x => x.count > 0).ToDictionary(x => x.issue, x => x.count);
    }

    private static int CountOf(NGramScratch scratch, int slot) =>
        Enumerable.Range(0, scratch.TouchedCount).Where(i => scratch.SlotAt(i) == slot).Sum(scratch.CountAt);

    [Fact]
    public void Each_occurrence_of_a_term_adds_its_issue_class_twice()
    {
        Assert.Equal(new Dictionary<string, int> { ["territory"] = 2 }, Classes("Crimea is not for sale."));
        Assert.Equal(new Dictionary<string, int> { ["territory"] = 4 }, Classes("Crimea, and again Crimea."));
        Assert.Empty(Classes("The talks resume on Monday."));
    }

    [Fact]
    public void A_phrase_matches_only_its_words_in_order_and_next_to_each_other()
    {
        Assert.Equal(new Dictionary<string, int> { ["security-guarantees"] = 2 }, Classes("The coalition of the willing met in Paris."));
        Assert.Empty(Classes("The willing coalition met in Paris."));
        Assert.Empty(Classes("A coalition of the very willing."));
    }

    [Fact]
    public void Case_apostrophes_periods_and_hyphens_are_read_as_the_n_grams_read_them()
    {
        // "Ukraine's land" is the words ukraines, land; "U.S. tariffs" is us, tariffs; "28-point" is 28, point.
        Assert.Equal(new Dictionary<string, int> { ["territory"] = 2 }, Classes("Nobody will take UKRAINE\u2019S LAND."));
        Assert.Equal(new Dictionary<string, int> { ["sanctions"] = 2 }, Classes("The US tariffs stay."));
        Assert.Equal(new Dictionary<string, int> { ["security-guarantees"] = 2 }, Classes("A 28 point guarantee was floated."));
    }

    [Fact]
    public void A_term_inside_a_longer_term_and_a_term_of_two_issues_add_every_class_they_belong_to()
    {
        // "frozen assets" and "assets" both match: two occurrences of sanctions terms.
        Assert.Equal(new Dictionary<string, int> { ["sanctions"] = 4 }, Classes("Use the frozen assets."));
        Assert.Equal(new Dictionary<string, int> { ["territory"] = 2, ["ceasefire"] = 2 }, Classes("Freeze the line of contact."));
    }

    [Fact]
    public void Without_terms_no_class_is_added_and_with_them_the_class_is_not_a_word_tagged_for_stance()
    {
        var bare = new NGramScratch();
        NGramHashing.Hash("Crimea and the frozen assets.", bare);
        var seeded = new NGramScratch();
        NGramHashing.Hash("Crimea and the frozen assets.", seeded, Terms);

        Assert.Equal(0, CountOf(bare, NGramHashing.Slot(NGramHashing.TermClassGram("territory"))));
        Assert.Equal(0, CountOf(bare, NGramHashing.Slot(NGramHashing.TermClassGram("sanctions"))));
        // The word n-grams (which the stance head tags with the issue) are the same with and without terms.
        Assert.Equal(bare.WordGrams[..bare.WordGramCount], seeded.WordGrams[..seeded.WordGramCount]);
    }

    [Fact]
    public void A_term_without_words_or_longer_than_four_words_is_refused_with_its_issue_named()
    {
        var empty = Assert.Throws<ArgumentException>(() => new IssueTerms([("nato", ["--"])]));
        var longer = Assert.Throws<ArgumentException>(() => new IssueTerms([("nato", ["one two three four five"])]));

        Assert.Contains("'--' of issue 'nato'", empty.Message);
        Assert.Contains("'one two three four five' of issue 'nato'", longer.Message);
    }

    [Fact]
    public void A_taxonomy_without_terms_has_no_matcher_and_the_default_one_has_terms_for_every_issue_but_other()
    {
        var bare = Taxonomy.Default with { Issues = Taxonomy.Default.Issues.Select(i => i with { Terms = null }).ToArray() };

        Assert.Null(IssueTerms.Of(bare));
        var terms = IssueTerms.Of(Taxonomy.Default)!;
        Assert.Equal(["territory", "nato", "sanctions", "ceasefire", "security-guarantees", "us-proposal", "direct-talks"], terms.Entries.Select(e => e.Issue));
    }

    [Fact]
    public void Terms_survive_a_write_and_read()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            IssueTerms.Write(writer, Terms);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        var read = IssueTerms.Read(reader);

        Assert.True(IssueTerms.Same(Terms, read));
        Assert.Equal(new Dictionary<string, int> { ["security-guarantees"] = 2 }, Classes("The coalition of the willing met.", read));
    }

    [Fact]
    public void A_layout_written_before_seed_terms_existed_is_read_as_one_without_terms()
    {
        // The earlier format, written by hand: tag, hash bits, text slots, contexts, conditions, no tags, no embeddings.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("parley-ngrams-w2-neg-but-cue-c5-cond");
            writer.Write(NGramHashing.Bits);
            writer.Write(2);
            writer.Write(7);
            writer.Write(11);
            writer.Write(1);
            writer.Write("nato");
            writer.Write(0);
            writer.Write(false);
            writer.Write(false);
            writer.Write(1f);
            writer.Write(false);
        }
        stream.Position = 0;

        var layout = FeatureLayout.Read(new BinaryReader(stream));

        Assert.NotNull(layout);
        Assert.Equal([7, 11], layout.Text.Slots);
        Assert.Null(layout.Text.Terms);
        Assert.Equal(["nato"], layout.Contexts);
    }

    [Fact]
    public void A_layout_keeps_its_terms_through_a_write_and_read()
    {
        var layout = new FeatureLayout(Vocabulary.OfTexts(["Crimea is ours"], Terms), [], null, embeddings: false, embeddingWeight: 1, contextEmbeddings: false);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            layout.Write(writer);
        stream.Position = 0;

        var read = FeatureLayout.Read(new BinaryReader(stream))!;

        Assert.True(IssueTerms.Same(Terms, read.Text.Terms));
        Assert.Equal(layout.Text.Slots, read.Text.Slots);
    }
}
